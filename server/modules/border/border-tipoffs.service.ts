import { AppError, type Locale } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { capabilityRoles } from '../../../core/roles.ts';
import type {
  ListTipoffsQuery,
  TipoffAssigneeView,
  TipoffRequest,
  TipoffUpdateRequest,
  TipoffView,
} from '../../../core/schemas/border.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { BorderDeps } from './border-deps.ts';
import type { TipoffRecord } from './border-field.repository.ts';
import { tipoffColumns } from './border.export.ts';
import { borderMessages as m } from './border.messages.ts';
import { borderPolicy as policy } from './border.policy.ts';
import { toTipoffView } from './border.presenter.ts';

/**
 * Citizens' tip-offs (tố giác): a public form, no account; a phone kept for follow-up only when the
 * one-time code sent to it is given back. Routed to the commune's police and health (the officials
 * of the commune); the reporter is shown to the investigating officer alone.
 */
export class BorderTipoffsService {
  constructor(private readonly d: BorderDeps) {}

  async submit(req: TipoffRequest, locale: Locale): Promise<{ reference: string; phoneVerified: boolean }> {
    const earlier = await this.d.field.findTipoffByClientKey(this.d.db, req.clientKey);
    if (earlier) return { reference: earlier.id.slice(0, 8).toUpperCase(), phoneVerified: false };
    const commune = await this.d.localities.findByCode(this.d.db, req.communeCode);
    if (!commune || commune.level !== 'commune' || commune.status !== 'active')
      throw new AppError('VALIDATION_FAILED', [{ path: 'communeCode', message: m.notCommune[locale] }]);
    if (req.otp && !req.reporterPhone)
      throw new AppError('VALIDATION_FAILED', [{ path: 'reporterPhone', message: m.otpNeedsPhone[locale] }]);
    return this.d.db.transaction().execute(async (trx) => {
      // A phone is kept only when proven: a stranger's number typed in is not stored.
      const phone =
        req.otp && req.reporterPhone
          ? await this.d.otp.verify(trx, req.otp, req.reporterPhone, 'tipoff', locale)
          : null;
      const id = await this.d.field.insertTipoff(trx, {
        client_key: req.clientKey,
        kind: req.kind,
        commune_code: commune.code,
        locality_path: commune.path,
        province_code: commune.province_code ?? commune.code,
        place: req.place,
        description: req.description,
        reporter_name: phone ? (req.reporterName ?? null) : null,
        reporter_phone: phone,
        phone_verified: phone !== null,
        investigator_id: null,
        outcome: null,
      });
      return { reference: id.slice(0, 8).toUpperCase(), phoneVerified: phone !== null };
    });
  }

  private async areaOf(actor: Actor, locality: string | undefined): Promise<string> {
    if (!policy.tipoffs(actor)) throw new AppError('FORBIDDEN');
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  async list(actor: Actor, q: ListTipoffsQuery): Promise<Page<TipoffView>> {
    const within = await this.areaOf(actor, q.locality);
    const page = await this.page(actor, within, q);
    // The investigating officer sees their reporters: that read is logged like any other.
    const shown = page.items.filter((i) => i.reporter !== null).map((i) => i.id);
    if (shown.length > 0)
      await this.d.audit.record(this.d.db, actor, {
        action: 'read_list',
        entityType: 'border_tipoff',
        entityId: null,
        localityPath: within,
        after: { reporters: shown },
      });
    return page;
  }

  private async page(actor: Actor, within: string, q: ListTipoffsQuery): Promise<Page<TipoffView>> {
    const rows = await this.d.field.listTipoffs(this.d.db, {
      withinPath: within,
      status: q.status,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: await this.views(this.d.db, actor, page.items), nextCursor: page.nextCursor };
  }

  async exportXlsx(actor: Actor, q: Omit<ListTipoffsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    const within = await this.areaOf(actor, q.locality);
    return sheetExport({
      filename: `tin-to-giac-${vietnamToday()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Tin tố giác' : 'Tip-offs',
      locale: actor.locale,
      columns: tipoffColumns(),
      pages: await allPages((after) => this.page(actor, within, { ...q, after, limit: 500 })),
    });
  }

  /**
   * Who may work a tip-off: the active accounts of its commune, district and province whose role
   * works tip-offs (the commune police and health, the border guard); the reporter's identity goes
   * to the one it is assigned to, so the list offers no one outside the place.
   */
  async assignees(actor: Actor, id: string): Promise<TipoffAssigneeView[]> {
    const tip = await this.d.field.findTipoff(this.d.db, id);
    if (!tip || !policy.tipoffAt(actor, tip)) throw new AppError('NOT_FOUND');
    const ids = await this.assigneeIds(this.d.db, tip.locality_path);
    const names = await this.d.accounts.namesOf(this.d.db, ids);
    return ids
      .map((i) => ({ id: i, fullName: names.get(i)?.fullName ?? '', role: names.get(i)?.role ?? '' }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  }

  private async assigneeIds(db: Db, path: string): Promise<string[]> {
    const roles = capabilityRoles['border.tipoffs'];
    const codes = path.split('/').filter((c) => c !== '');
    return (await Promise.all(codes.map((code) => this.d.accounts.activeAt(db, code, roles)))).flat();
  }

  /**
   * Status and outcome. `take` makes the caller the investigating officer, `assignTo` another
   * official of the place (who alone then sees the reporter); `interceptionId` links the
   * interception the tip-off led to (one of the caller's area).
   */
  async update(actor: Actor, id: string, req: TipoffUpdateRequest): Promise<TipoffView> {
    const t = actor.locale;
    return this.d.db.transaction().execute(async (trx) => {
      const tip = await this.d.field.findTipoff(trx, id);
      if (!tip || !policy.tipoffAt(actor, tip)) throw new AppError('NOT_FOUND');
      if (req.assignTo && !(await this.assigneeIds(trx, tip.locality_path)).includes(req.assignTo))
        throw new AppError('VALIDATION_FAILED', [{ path: 'assignTo', message: m.notAssignable[t] }]);
      if (req.interceptionId) {
        const interception = await this.d.field.findInterception(trx, req.interceptionId);
        if (!interception || !policy.interceptAt(actor, interception))
          throw new AppError('VALIDATION_FAILED', [{ path: 'interceptionId', message: m.unknownInterception[t] }]);
      }
      const investigator = req.take ? actor.userId : (req.assignTo ?? tip.investigator_id);
      if (req.status !== 'new' && investigator === null)
        throw new AppError('VALIDATION_FAILED', [{ path: 'status', message: m.tipoffUnassigned[t] }]);
      await this.d.field.updateTipoff(trx, id, {
        status: req.status,
        outcome: req.outcome ?? tip.outcome,
        investigator_id: investigator,
        interception_id: req.interceptionId ?? tip.interception_id,
      });
      await this.d.audit.record(trx, actor, {
        action: req.take ? 'take_tipoff' : req.assignTo ? 'assign_tipoff' : 'update',
        entityType: 'border_tipoff',
        entityId: id,
        localityPath: tip.locality_path,
        before: { status: tip.status, investigatorId: tip.investigator_id, interceptionId: tip.interception_id },
        after: {
          status: req.status,
          investigatorId: investigator,
          interceptionId: req.interceptionId ?? tip.interception_id,
        },
      });
      const row = (await this.d.field.findTipoff(trx, id))!;
      if (policy.seeReporter(actor, row) && row.reporter_phone)
        await this.d.audit.record(trx, actor, {
          action: 'read',
          entityType: 'border_tipoff',
          entityId: id,
          localityPath: tip.locality_path,
          after: { reporter: true },
        });
      const [view] = await this.views(trx, actor, [row]);
      return view!;
    });
  }

  private async views(db: Db, actor: Actor, rows: TipoffRecord[]): Promise<TipoffView[]> {
    const ids = [...new Set(rows.flatMap((r) => (r.investigator_id ? [r.investigator_id] : [])))];
    const names = ids.length > 0 ? await this.d.accounts.namesOf(db, ids) : new Map<string, { fullName: string }>();
    return rows.map((r) =>
      toTipoffView(
        r,
        policy.seeReporter(actor, r),
        r.investigator_id ? (names.get(r.investigator_id)?.fullName ?? null) : null,
      ),
    );
  }
}
