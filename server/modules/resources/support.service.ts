import { AppError } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  DistributionRequest,
  DistributionView,
  DonationRequest,
  DonationView,
  ListDistributionsQuery,
  ListDonationsQuery,
  PublicSupportView,
} from '../../../core/schemas/resources.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, pathWithin, type Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { UnitsService } from '../units/units.module.ts';
import { resourceMessages as messages } from './resources.messages.ts';
import { resourcesPolicy as policy } from './resources.policy.ts';
import { distributionColumns, donationColumns } from './support.export.ts';
import { toDistributionView, toDonationView } from './support.presenter.ts';
import type { SupportRepository } from './support.repository.ts';

export interface SupportDeps {
  db: Db;
  repo: SupportRepository;
  units: UnitsService;
  localities: LocalitiesService;
  audit: AuditTrailService;
  clock?: () => Date;
}

/**
 * Donations and support for people in need (Conclusion 296): a unit (the Fatherland Front, a
 * commune) records what it received and hands it out to households and people in difficulty,
 * never more than remains of a donation; the public sees totals per purpose and commune, never a
 * recipient. Named recipients are read by those who hand support out, and each read is audited.
 */
export class SupportService {
  constructor(private readonly d: SupportDeps) {}

  private today(): string {
    return vietnamToday(this.d.clock ? this.d.clock() : new Date());
  }

  private by(actor: Actor): string | null {
    return recordedBy(actor);
  }

  private async within(actor: Actor, locality: string | undefined): Promise<string> {
    return locality ? (await this.d.localities.findReadableOrThrow(actor, locality, this.d.db)).path : actor.scope.path;
  }

  async donations(actor: Actor, q: ListDonationsQuery): Promise<Page<DonationView>> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const rows = await this.d.repo.listDonations(this.d.db, {
      withinPath: await this.within(actor, q.locality),
      purpose: q.purpose,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.received_on, r.id]);
    return { items: page.items.map((d) => toDonationView(d, actor.locale)), nextCursor: page.nextCursor };
  }

  async exportDonations(actor: Actor, q: Omit<ListDonationsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const pages = await allPages((after) => this.donations(actor, { ...q, after, limit: 500 }));
    return sheetExport({
      filename: `ung-ho-${this.today()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Tiếp nhận ủng hộ' : 'Donations',
      locale: actor.locale,
      columns: donationColumns(actor.locale),
      pages,
    });
  }

  private async donationView(db: Db, actor: Actor, id: string): Promise<DonationView> {
    const d = await this.d.repo.findDonation(db, id);
    if (!d) throw new AppError('NOT_FOUND');
    return toDonationView(d, actor.locale);
  }

  async receive(actor: Actor, req: DonationRequest): Promise<DonationView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.repo.findDonationByClientKey(trx, req.clientKey);
      if (resent) return this.donationView(trx, actor, resent.id);
      const unit = await this.d.units.findById(trx, req.unitId);
      if (!unit || !unit.active) throw new AppError('NOT_FOUND');
      if (!policy.keepSupportAt(actor, unit.locality_path))
        throw new AppError('FORBIDDEN', [{ path: 'unitId', message: m.notYourUnit }]);
      if (req.receivedOn > this.today())
        throw new AppError('VALIDATION_FAILED', [{ path: 'receivedOn', message: m.donationFuture }]);
      const anonymous = req.donorKind === 'anonymous';
      const id = await this.d.repo.insertDonation(trx, {
        client_key: req.clientKey,
        unit_id: unit.id,
        donor_kind: req.donorKind,
        donor_name: anonymous ? null : (req.donorName ?? null),
        form: req.form,
        amount: req.amount,
        goods_description: req.form === 'goods' ? (req.goodsDescription ?? null) : null,
        goods_unit: req.form === 'goods' ? (req.goodsUnit ?? null) : null,
        purpose: req.purpose,
        received_on: req.receivedOn,
        locality_code: unit.locality_code,
        locality_path: unit.locality_path,
        province_code: unit.province_code,
        created_by: this.by(actor),
      });
      await this.d.audit.record(trx, actor, {
        action: 'record_donation',
        entityType: 'donation',
        entityId: id,
        localityCode: unit.locality_code,
        localityPath: unit.locality_path,
        after: { form: req.form, amount: req.amount, purpose: req.purpose, anonymous },
      });
      return this.donationView(trx, actor, id);
    });
  }

  async distributions(actor: Actor, q: ListDistributionsQuery): Promise<Page<DistributionView>> {
    if (!policy.readRecipients(actor)) throw new AppError('FORBIDDEN');
    const withinPath = await this.within(actor, q.locality);
    const rows = await this.d.repo.listDistributions(this.d.db, {
      withinPath,
      donationId: q.donation,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.distributed_on, r.id]);
    // Who received support for hardship is personal: each list read is in the audit log.
    await this.d.audit.record(this.d.db, actor, {
      action: 'read_list',
      entityType: 'support_distribution',
      entityId: null,
      localityCode: withinPath.split('/').at(-1)!,
      localityPath: withinPath,
      after: { rows: page.items.length },
    });
    return { items: page.items.map(toDistributionView), nextCursor: page.nextCursor };
  }

  async exportDistributions(actor: Actor, q: Omit<ListDistributionsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    if (!policy.readRecipients(actor)) throw new AppError('FORBIDDEN');
    const withinPath = await this.within(actor, q.locality);
    await this.d.audit.record(this.d.db, actor, {
      action: 'export',
      entityType: 'support_distribution',
      entityId: null,
      localityCode: withinPath.split('/').at(-1)!,
      localityPath: withinPath,
    });
    const pages = await allPages(async (after) => {
      const rows = await this.d.repo.listDistributions(this.d.db, {
        withinPath,
        donationId: q.donation,
        after,
        limit: 500,
      });
      const page = toPage(rows, 500, (r) => [r.distributed_on, r.id]);
      return { items: page.items.map(toDistributionView), nextCursor: page.nextCursor };
    });
    return sheetExport({
      filename: `trao-ho-tro-${this.today()}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Trao hỗ trợ' : 'Support handed out',
      locale: actor.locale,
      columns: distributionColumns(actor.locale),
      pages,
    });
  }

  /** Hands out part of a donation; the donation row is locked and never gives more than remains. */
  async distribute(actor: Actor, donationId: string, req: DistributionRequest): Promise<DistributionView> {
    const m = messages[actor.locale];
    return this.d.db.transaction().execute(async (trx) => {
      const resent = await this.d.repo.findDistributionByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.donation_id !== donationId)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherRequest }]);
        return toDistributionView((await this.d.repo.findDistribution(trx, resent.id))!);
      }
      const donation = await this.d.repo.findDonation(trx, donationId, true);
      if (!donation || !policy.readAt(actor, donation.locality_path)) throw new AppError('NOT_FOUND');
      if (!policy.keepSupportAt(actor, donation.locality_path)) throw new AppError('FORBIDDEN');
      const place = await this.d.localities.findByCode(trx, req.locality);
      const problems: { path: string; message: string }[] = [];
      if (!place || place.level !== 'commune') problems.push({ path: 'locality', message: m.notCommune });
      else if (!pathWithin(donation.locality_path, place.path) || !policy.readAt(actor, place.path))
        problems.push({ path: 'locality', message: m.recipientOutsideArea });
      if (req.distributedOn > this.today()) problems.push({ path: 'distributedOn', message: m.distributionFuture });
      else if (req.distributedOn < donation.received_on)
        problems.push({ path: 'distributedOn', message: m.distributionBeforeDonation });
      if (problems.length > 0 || !place) throw new AppError('VALIDATION_FAILED', problems);
      if (!(await this.d.repo.spend(trx, donation.id, req.amount))) {
        const left = Number(donation.amount) - Number(donation.distributed);
        throw new AppError('CONFLICT', [{ path: 'amount', message: m.overDonation(left) }]);
      }
      const id = await this.d.repo.insertDistribution(trx, {
        client_key: req.clientKey,
        donation_id: donation.id,
        recipient_kind: req.recipientKind,
        recipient_name: req.recipientName,
        recipient_address: req.recipientAddress ?? null,
        locality_code: place.code,
        locality_path: place.path,
        province_code: donation.province_code,
        amount: req.amount,
        distributed_on: req.distributedOn,
        created_by: this.by(actor),
      });
      await this.d.audit.record(trx, actor, {
        action: 'distribute_support',
        entityType: 'support_distribution',
        entityId: id,
        localityCode: place.code,
        localityPath: place.path,
        after: { donation: donation.id, amount: req.amount, recipientKind: req.recipientKind },
      });
      return toDistributionView((await this.d.repo.findDistribution(trx, id))!);
    });
  }

  /** The public page: totals per purpose, form and commune (or the province for its own units). */
  async publicTotals(provinceCode: string): Promise<PublicSupportView> {
    const province = await this.d.localities.findByCode(this.d.db, provinceCode);
    if (!province || province.level !== 'province') throw new AppError('NOT_FOUND');
    const [received, distributed] = await Promise.all([
      this.d.repo.receivedTotals(this.d.db, provinceCode),
      this.d.repo.distributedTotals(this.d.db, provinceCode),
    ]);
    type Line = PublicSupportView['lines'][number];
    const lines = new Map<string, Line>();
    const line = (purpose: string, form: string, code: string): Line => {
      const key = `${purpose}|${form}|${code}`;
      let l = lines.get(key);
      if (!l) {
        l = {
          purpose: purpose as Line['purpose'],
          form: form as Line['form'],
          localityCode: code,
          localityName: '',
          received: 0,
          distributed: 0,
          donations: 0,
          distributions: 0,
        };
        lines.set(key, l);
      }
      return l;
    };
    for (const r of received) {
      const l = line(r.purpose, r.form, r.locality_code);
      l.received += Number(r.total);
      l.donations += Number(r.n);
    }
    for (const r of distributed) {
      const l = line(r.purpose, r.form, r.locality_code);
      l.distributed += Number(r.total);
      l.distributions += Number(r.n);
    }
    const names = new Map(
      (
        await this.d.localities.findManyByCode(this.d.db, [...new Set([...lines.values()].map((l) => l.localityCode))])
      ).map((p) => [p.code, p.name]),
    );
    const all = [...lines.values()].map((l) => ({ ...l, localityName: names.get(l.localityCode) ?? l.localityCode }));
    all.sort((a, b) => a.purpose.localeCompare(b.purpose) || a.localityName.localeCompare(b.localityName, 'vi'));
    const cash = all.filter((l) => l.form === 'cash');
    return {
      province: { code: province.code, name: province.name },
      cashReceived: cash.reduce((n, l) => n + l.received, 0),
      cashDistributed: cash.reduce((n, l) => n + l.distributed, 0),
      lines: all,
    };
  }
}
