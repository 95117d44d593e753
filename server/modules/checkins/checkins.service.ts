import { AppError, type Locale } from '../../../core/errors.ts';
import { gateDecision } from '../../../core/rules/health-status.ts';
import type {
  CheckinCountRow,
  CheckinCountsQuery,
  CheckinResult,
  GateScanResult,
} from '../../../core/schemas/checkins.ts';
import type { Page } from '../../../core/schemas/common.ts';
import { DAY_MS, vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetDay, sheetExport, type SheetColumn, type SheetExport } from '../../shared/excel.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { CitizenSessionsService } from '../people/citizen-sessions.service.ts';
import { maskName, type PeopleService, type TokenHolder } from '../people/people.service.ts';
import { checkinsPolicy } from './checkins.policy.ts';
import { GroupCommit, type GroupCommitStats } from '../../shared/group-commit.ts';
import type { CheckinsRepository, CheckinToRecord, RecordedCheckin } from './checkins.repository.ts';

type Venue = NonNullable<Awaited<ReturnType<CheckinsRepository['venueById']>>>;

/**
 * Check-ins at venues, by the visitor scanning the venue's poster (mode 1, with the session of
 * their phone) or by staff scanning the visitor's personal QR at the gate (mode 2). The same person
 * at the same venue within the repeat window is one check-in: resends and double scans return it
 * instead of adding one. Reading one's history takes the session: a QR only proves a status.
 */
export class CheckinsService {
  constructor(
    private readonly db: Db,
    private readonly repo: CheckinsRepository,
    private readonly people: PeopleService,
    private readonly sessions: CitizenSessionsService,
    private readonly localities: LocalitiesService,
    private readonly settings: Config['checkins'],
  ) {
    const window = settings.repeatWindowMinutes;
    this.recorder = new GroupCommit<CheckinToRecord, RecordedCheckin>(
      settings.batch,
      (rows) => this.repo.recordMany(this.db, rows, window),
      (row) => this.repo.record(this.db, { ...row, windowMinutes: window }),
    );
    this.venueLookups = new GroupCommit<string, Venue | null>(
      settings.batch,
      (codes) => this.repo.venuesByCodes(this.db, codes),
      async (code) => (await this.repo.venueByCode(this.db, code)) ?? null,
    );
  }

  /** Venue look-ups of concurrent check-ins share one statement, as their check-ins share a commit. */
  private readonly venueLookups: GroupCommit<string, Venue | null>;

  /**
   * Check-ins (visitor and gate scans alike) are written in small batches, one commit each: what
   * arrives within a few milliseconds shares a commit, and each request is answered after it.
   */
  private readonly recorder: GroupCommit<CheckinToRecord, RecordedCheckin>;

  /** Sizes of the batches written so far (benchmarks, diagnostics). */
  batchStats(): GroupCommitStats {
    return this.recorder.stats();
  }

  /** A person's stays that began in [from, to), with their venues' exposure keys (the exposure module publishes them). */
  staysWithKeys(db: Db, personId: string, from: Date, to: Date) {
    return this.repo.staysWithKeys(db, personId, from, to);
  }

  /** The session look-up is the only one added to the check-in path (a primary key); both look-ups are batched. */
  async visitorCheckin(
    sessionToken: string | null,
    req: { venueCode: string },
    locale: Locale,
  ): Promise<CheckinResult> {
    // Both look-ups at once: each waits a moment for company in its batch.
    const [holder, venue] = await Promise.all([
      this.sessions.holderOrThrow(sessionToken, locale),
      this.venueLookups.submit(req.venueCode),
    ]);
    if (!venue || venue.status !== 'approved') throw new AppError('NOT_FOUND');
    const { id, at, repeated } = await this.record(venue, holder, 'visitor_scan');
    return {
      checkinId: id,
      checkedInAt: at.toISOString(),
      venueName: venue.name,
      status: holder.view,
      repeated,
      // What a poster printed before exposure keys did not carry: the phone keeps it with the visit.
      exposureKey: venue.exposure_key,
      // Which province's exposure feed the phone reads for this visit.
      provinceCode: venue.locality_path.split('/')[1],
    };
  }

  async checkout(
    sessionToken: string | null,
    req: { checkedInAt: string },
    locale: Locale,
  ): Promise<{ checkedOutAt: string }> {
    const holder = await this.sessions.holderOrThrow(sessionToken, locale);
    const now = new Date();
    if (!(await this.repo.checkout(this.db, holder.personId, new Date(req.checkedInAt), now)))
      throw new AppError('NOT_FOUND');
    return { checkedOutAt: now.toISOString() };
  }

  /** Answers the gate at once; a refused person is not recorded as having entered. */
  async gateScan(actor: Actor, venueId: string, token: string): Promise<GateScanResult> {
    const venue = await this.repo.venueById(this.db, venueId);
    if (!venue || !checkinsPolicy.operateGate(actor, venue)) throw new AppError('NOT_FOUND');
    if (venue.status !== 'approved') throw new AppError('CONFLICT');
    const holder = await this.people.holderOf(token);
    if (!holder) return { allowed: false, colour: 'none', reasons: ['invalid_qr'], displayName: null, checkinId: null };
    const decision = gateDecision(holder.status, venue.gate_policy);
    if (!decision.allowed) {
      return {
        allowed: false,
        colour: holder.status.colour,
        reasons: decision.reasons,
        displayName: holder.view.displayName,
        checkinId: null,
      };
    }
    const { id } = await this.record(venue, holder, 'gate_scan');
    return {
      allowed: true,
      colour: holder.status.colour,
      reasons: [],
      displayName: holder.view.displayName,
      checkinId: id,
    };
  }

  /**
   * A worker let in at an organisation's gate (the organisations module decides; its sites are
   * venues): recorded as a gate check-in, so tracing finds who was at the workplace. Within the
   * repeat window a second entry is the same check-in.
   */
  async recordWorkplaceEntry(venueId: string, personId: string): Promise<void> {
    const venue = await this.repo.venueById(this.db, venueId);
    if (!venue) return;
    await this.recorder.submit({ venueId, personId, mode: 'gate_scan', communeCode: venue.commune_code });
  }

  async myHistory(sessionToken: string | null, after: string | undefined, limit: number, locale: Locale) {
    const holder = await this.sessions.holderOrThrow(sessionToken, locale);
    const rows = await this.repo.historyOf(this.db, holder.personId, after, limit);
    const page = toPage(rows, limit, (r) => [r.checked_in_key, String(r.id)]);
    return {
      items: page.items.map((r) => ({
        id: String(r.id),
        venueName: r.name,
        venueAddress: r.address_line,
        checkedInAt: r.checked_in_at.toISOString(),
        checkedOutAt: r.checked_out_at?.toISOString() ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** What venue staff see: times and masked names, nothing more. */
  async entries(actor: Actor, venueId: string, q: { day?: string; after?: string; limit: number }) {
    const venue = await this.repo.venueById(this.db, venueId);
    if (!venue || !checkinsPolicy.seeEntries(actor, venue)) throw new AppError('NOT_FOUND');
    const day = q.day ?? vietnamToday(new Date());
    const from = vietnamMidnight(day);
    const rows = await this.repo.entries(this.db, venueId, from, new Date(from.getTime() + DAY_MS), q.after, q.limit);
    const page = toPage(rows, q.limit, (r) => [r.checked_in_key, String(r.id)]);
    return {
      items: page.items.map((r) => ({
        id: String(r.id),
        checkedInAt: r.checked_in_at.toISOString(),
        checkedOutAt: r.checked_out_at?.toISOString() ?? null,
        displayName: maskName(r.full_name),
        mode: r.mode,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async counts(actor: Actor, q: CheckinCountsQuery): Promise<Page<CheckinCountRow>> {
    if (!checkinsPolicy.seeCounts(actor)) throw new AppError('FORBIDDEN');
    const within = (await this.localities.findReadableOrThrow(actor, q.locality ?? actor.scope.code, this.db)).path;
    const from = vietnamMidnight(q.from);
    const to = new Date(vietnamMidnight(q.to).getTime() + DAY_MS);
    if (to <= from || to.getTime() - from.getTime() > 93 * DAY_MS) {
      throw new AppError('VALIDATION_FAILED', [
        {
          path: 'to',
          message: actor.locale === 'vi' ? 'Khoảng ngày từ 1 đến 92 ngày' : 'The range must be 1 to 92 days',
        },
      ]);
    }
    const rows = await this.repo.countsPerVenueDay(this.db, {
      within,
      from,
      to,
      venueId: q.venueId,
      after: q.after,
      limit: q.limit,
    });
    const page = toPage(rows, q.limit, (r) => [r.day, r.venue_id]);
    return {
      items: page.items.map((r) => ({
        venueId: r.venue_id,
        venueName: r.venue_name,
        communeCode: r.commune_code,
        day: r.day,
        checkins: Number(r.n),
      })),
      nextCursor: page.nextCursor,
    };
  }

  async exportCounts(actor: Actor, q: Omit<CheckinCountsQuery, 'after' | 'limit'>): Promise<SheetExport> {
    return sheetExport({
      filename: `luot-check-in-${q.from}-${q.to}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Lượt check-in' : 'Check-ins',
      locale: actor.locale,
      columns: countColumns,
      pages: await allPages((after) => this.counts(actor, { ...q, after, limit: 500 })),
    });
  }

  /** Partitions covering the days from `from` to `to` (check-ins written for past days: imports, tests). */
  ensurePartitions(from: Date, to: Date): Promise<number> {
    return this.repo.ensurePartitions(this.db, from, to);
  }

  /** Partitions for the coming days, and retention: whole days past the retention period are dropped. */
  async maintain(now = new Date()): Promise<{ created: number; dropped: string[] }> {
    const created = await this.repo.ensurePartitions(
      this.db,
      new Date(now.getTime() - DAY_MS),
      new Date(now.getTime() + 7 * DAY_MS),
    );
    const dropped = await this.repo.dropPartitionsBefore(
      this.db,
      new Date(now.getTime() - this.settings.retentionDays * DAY_MS),
    );
    return { created, dropped };
  }

  private record(venue: Venue, holder: TokenHolder, mode: 'visitor_scan' | 'gate_scan') {
    return this.recorder.submit({
      venueId: venue.id,
      personId: holder.personId,
      mode,
      communeCode: venue.commune_code,
    });
  }
}

const countColumns: SheetColumn<CheckinCountRow>[] = [
  { header: { vi: 'Ngày', en: 'Day' }, width: 12, value: (r) => sheetDay(r.day) },
  { header: { vi: 'Địa điểm', en: 'Venue' }, width: 30, value: (r) => r.venueName },
  { header: { vi: 'Mã xã', en: 'Commune' }, width: 10, value: (r) => r.communeCode },
  { header: { vi: 'Lượt check-in', en: 'Check-ins' }, width: 14, value: (r) => r.checkins },
];
