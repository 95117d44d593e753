import { randomUUID } from 'node:crypto';
import { AppError, type Locale } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  IssueNationalDirectiveRequest,
  ListNationalDirectivesQuery,
  NationalDirectiveView,
} from '../../../core/schemas/federation-directives.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { FederationConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import { inScope, recordedBy, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { NationalPlacesService } from '../localities/national-places.service.ts';
import { invalid, type NationalDirectivePayloads } from './national-directive-payloads.ts';
import { nationalDirectiveColumns } from './national-directives.export.ts';
import { nationalDirectiveMessages as messages } from './federation.messages.ts';
import { federationPolicy as policy } from './federation.policy.ts';
import type {
  NationalDirectiveRow,
  NationalDirectivesRepository,
  RecipientRow,
} from './national-directives.repository.ts';

/**
 * National directives, rule-set and disease-profile versions (issue 21). The hub writes one row per recipient
 * province; the hub's publication to each province carries that province's rows only, so writing
 * is sending. The province acknowledges by writing its acknowledgement row, which its own
 * publication carries up. Nothing here talks to another server.
 */
export class NationalDirectivesService {
  constructor(
    private readonly db: Db,
    private readonly repo: NationalDirectivesRepository,
    private readonly audit: AuditTrailService,
    private readonly nationalPlaces: NationalPlacesService,
    private readonly payloads: NationalDirectivePayloads,
    private readonly federation: FederationConfig | undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async issue(actor: Actor, req: IssueNationalDirectiveRequest): Promise<NationalDirectiveView> {
    if (!policy.issueNational(actor)) throw new AppError('FORBIDDEN');
    const m = messages[actor.locale];
    if (this.federation?.role !== 'hub') throw invalid('kind', m.notHub);
    const federated = this.federation.provinces.map((p) => p.code);
    const provinces = req.provinces?.length ? [...new Set(req.provinces)] : federated;
    const unknown = provinces.find((p) => !federated.includes(p));
    if (unknown) throw invalid('provinces', m.notFederatedProvince(unknown));
    const payload = await this.payloads.forIssue(req, actor.locale);
    const id = randomUUID();
    const issuedAt = this.clock();
    await this.db.transaction().execute(async (trx) => {
      await this.repo.insert(
        trx,
        provinces.map((province_code) => ({
          id,
          province_code,
          kind: req.kind,
          number_symbol: req.numberSymbol,
          issued_on: req.issuedOn,
          issuer: req.issuer,
          summary: req.summary,
          ...payload,
          issued_at: issuedAt,
        })),
      );
      await this.audit.record(trx, actor, {
        action: 'issue_directive',
        entityType: 'national_directive',
        entityId: id,
        localityPath: 'VN',
        after: {
          numberSymbol: req.numberSymbol,
          kind: req.kind,
          provinces,
          ...(req.ruleSet ? { ruleSet: req.ruleSet } : {}),
          ...(req.diseaseProfile ? { diseaseProfile: req.diseaseProfile } : {}),
        },
      });
    });
    return this.view(actor, id);
  }

  /**
   * On the hub, the directives sent to the provinces of the caller's area with each one's
   * acknowledgement; on a province, those it received (the directives inbox shows them).
   * An installation outside a federation has none.
   */
  async list(actor: Actor, q: ListNationalDirectivesQuery): Promise<Page<NationalDirectiveView>> {
    if (!policy.readNationalDirectives(actor)) throw new AppError('FORBIDDEN');
    const provinces = this.visibleProvinces(actor).filter((p) => !q.province || p === q.province);
    if (!provinces.length) return { items: [], nextCursor: null };
    const after = decodeCursor(q.after, ['timestamp', 'uuid'] as const);
    const rows = await this.repo.page(this.db, {
      provinces,
      pending: q.pending ?? false,
      after: after ? [after[0], after[1]] : null,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.key, r.id]);
    const recipients = await this.repo.recipients(
      this.db,
      page.items.map((r) => r.id),
      provinces,
    );
    const names = await this.provinceNames();
    return {
      items: page.items.map((r) => this.toView(r, recipients, names, actor.locale)),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Today's work of a province's officials who acknowledge: the national directives it has not
   * acknowledged, newest first, when the list's area holds the whole province.
   */
  async toAcknowledge(
    actor: Actor,
    path: string,
    limit: number,
  ): Promise<{ id: string; label: string; issuedOn: string; total: number }[]> {
    if (!policy.acknowledgeDirective(actor) || this.federation?.role !== 'province') return [];
    const here = this.federation.provinceCode;
    if (!inScope(actor, `VN/${here}`) || !`VN/${here}`.startsWith(path)) return [];
    const rows = await this.repo.page(this.db, { provinces: [here], pending: true, after: null, limit });
    if (!rows.length) return [];
    const total = await this.repo.pendingCount(this.db, here);
    return rows.slice(0, limit).map((r) => ({
      id: r.id,
      label: `${r.number_symbol} — ${r.issuer}: ${r.summary.length > 160 ? `${r.summary.slice(0, 159)}…` : r.summary}`,
      issuedOn: r.issued_on,
      total,
    }));
  }

  async exportXlsx(actor: Actor, q: Omit<ListNationalDirectivesQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!policy.readNationalDirectives(actor)) throw new AppError('FORBIDDEN');
    const pages = await allPages(async (after) => {
      const page = await this.list(actor, { ...q, after, limit: 500 });
      return {
        items: page.items.flatMap((d) => d.provinces.map((p) => ({ directive: d, province: p }))),
        nextCursor: page.nextCursor,
      };
    });
    return sheetExport({
      filename: `chi-dao-trung-uong-${vietnamToday(this.clock())}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Chỉ đạo Trung ương' : 'National directives',
      locale: actor.locale,
      columns: nationalDirectiveColumns(actor.locale),
      pages,
    });
  }

  /** A province acknowledges a national directive it received; the first acknowledgement stands. */
  async acknowledge(actor: Actor, id: string): Promise<NationalDirectiveView> {
    if (!policy.acknowledgeDirective(actor)) throw new AppError('FORBIDDEN');
    const here = this.receivingProvince(actor);
    const row = await this.repo.find(this.db, id, here);
    if (!row) throw new AppError('NOT_FOUND');
    await this.db.transaction().execute(async (trx) => {
      const first = await this.repo.acknowledge(trx, id, here, this.clock(), recordedBy(actor));
      if (first) {
        await this.audit.record(trx, actor, {
          action: 'acknowledge_directive',
          entityType: 'national_directive',
          entityId: id,
          localityPath: `VN/${here}`,
          after: { numberSymbol: row.number_symbol },
        });
      }
    });
    return this.view(actor, id);
  }

  /**
   * A province adopts a rule-set or disease-profile version the hub sent: saved as that rule set's
   * (then made active) or that disease's profile's next version here, each module numbering its own.
   * Once per directive here: adopting again (a double tap, a second administrator) answers the first
   * adoption's result and makes no other version.
   */
  async adopt(actor: Actor, id: string): Promise<{ code: string; version: number; active: boolean }> {
    if (!policy.adoptRuleSet(actor) && !policy.adoptDiseaseProfile(actor)) throw new AppError('FORBIDDEN');
    const here = this.receivingProvince(actor);
    const row = await this.repo.find(this.db, id, here);
    if (!row || row.kind === 'directive') throw new AppError('NOT_FOUND');
    const claim = await this.repo.claimAdoption(this.db, id, here);
    if (!claim.claimed) {
      const { code, version, active } = claim.standing;
      if (code !== null && version !== null && active !== null) return { code, version, active };
      throw new AppError('CONFLICT', [{ path: 'id', message: messages[actor.locale].adoptionUnderway }]);
    }
    try {
      const adopted = await this.payloads.adopt(actor, row, here);
      await this.repo.completeAdoption(this.db, id, here, adopted);
      return adopted;
    } catch (err) {
      await this.repo.releaseAdoption(this.db, id, here);
      throw err;
    }
  }

  private async view(actor: Actor, id: string): Promise<NationalDirectiveView> {
    const provinces = this.visibleProvinces(actor);
    const rows = await this.repo.recipients(this.db, [id], provinces);
    const first = rows[0] && (await this.repo.find(this.db, id, rows[0].province_code));
    if (!first) throw new AppError('NOT_FOUND');
    return this.toView(first, rows, await this.provinceNames(), actor.locale);
  }

  /** The provinces whose rows the caller reads here: the hub's in the caller's area, or this province. */
  private visibleProvinces(actor: Actor): string[] {
    if (this.federation?.role === 'hub')
      return this.federation.provinces.map((p) => p.code).filter((c) => inScope(actor, `VN/${c}`));
    if (this.federation?.role === 'province' && inScope(actor, `VN/${this.federation.provinceCode}`))
      return [this.federation.provinceCode];
    return [];
  }

  private receivingProvince(actor: Actor): string {
    if (this.federation?.role !== 'province') throw new AppError('NOT_FOUND');
    if (!inScope(actor, `VN/${this.federation.provinceCode}`)) throw new AppError('NOT_FOUND');
    return this.federation.provinceCode;
  }

  private async provinceNames(): Promise<Map<string, string>> {
    return new Map((await this.nationalPlaces.provinces()).map((p) => [p.code, p.name]));
  }

  private toView(
    r: NationalDirectiveRow,
    recipients: readonly RecipientRow[],
    names: Map<string, string>,
    locale: Locale,
  ): NationalDirectiveView {
    return {
      id: r.id,
      kind: r.kind,
      numberSymbol: r.number_symbol,
      issuedOn: r.issued_on,
      issuer: r.issuer,
      summary: r.summary,
      issuedAt: r.issued_at.toISOString(),
      ...this.payloads.describe(r, locale),
      provinces: recipients
        .filter((x) => x.id === r.id)
        .map((x) => ({
          code: x.province_code,
          name: names.get(x.province_code) ?? x.province_code,
          acknowledgedAt: x.acknowledged_at?.toISOString() ?? null,
        })),
    };
  }
}
