import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import { daysTouched, venueDayIdentifier, windowInMinutes } from '../../../core/rules/exposure-alerts.ts';
import { clip, MAX_STAY_MINUTES, stayInterval, type Interval } from '../../../core/rules/exposure.ts';
import { defaultDiseaseProfile } from '../../../core/rules/disease-profiles.ts';
import type { DiseaseProfile } from '../../../core/schemas/disease-profile.ts';
import type { ExposureCounts, ExposureFeed, FeedProfile } from '../../../core/schemas/exposure.ts';
import { addDays, DAY_MS, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { CheckinsService } from '../checkins/checkins.service.ts';
import type { DiseaseProfilesService } from '../disease-profiles/disease-profiles.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { exposurePolicy } from './exposure.policy.ts';
import type { EntryToPublish, ExposureRepository } from './exposure.repository.ts';
import type { FeedSigner } from './feed-signing.ts';

const MINUTE = 60_000;

/** A stay at a venue with what its entries need: the venue's key and province. */
export interface StayWithKey {
  venue_id: string;
  exposure_key: string;
  locality_path: string;
  checked_in_at: Date;
  checked_out_at: Date | null;
}
const provinceOf = (path: string) => path.split('/')[1] ?? '';

/** A built feed: the signed body and its compressed copies, answered until the entries change. */
export interface BuiltFeed {
  etag: string;
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  signature: string;
  version: string;
  checkedAt: number;
}

/** How long a built feed is answered before the entries' version is looked at again. */
const RECHECK_MS = 5_000;

/**
 * Exposure entries (issue 20): published when a case is registered (its stays at venues inside the
 * infectious window, never who), served per province as a signed, compressed, cacheable feed, and
 * deleted with the check-in retention. The feed is built once per change and answered from memory:
 * a request costs a map look-up and, every few seconds, one small count query.
 */
export class ExposureService {
  private readonly feeds = new Map<string, BuiltFeed>();
  private fetches = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly repo: ExposureRepository,
    private readonly checkins: CheckinsService,
    private readonly profiles: DiseaseProfilesService,
    private readonly localities: LocalitiesService,
    private readonly signer: FeedSigner,
    private readonly retentionDays: number,
  ) {}

  get publicKey(): string {
    return this.signer.publicKey;
  }

  /**
   * Publishes a case's stays at venues during its infectious window, in the caller's transaction.
   * Each stay is clipped to the window (what tracing counts) and published under the identifier of
   * every Viet Nam day it touches.
   */
  async publishForCase(
    db: Db,
    c: { caseId: string; personId: string | null; profileCode: string },
    window: Interval,
    now = new Date(),
  ): Promise<number> {
    if (!c.personId) return 0;
    const stays = await this.checkins.staysWithKeys(
      db,
      c.personId,
      new Date(window.from.getTime() - MAX_STAY_MINUTES * MINUTE),
      window.to,
    );
    return this.publishStays(db, c, stays, window, now);
  }

  /**
   * Publishes stays of a case at venues: each stay (the profile's assumed stay without a check-out),
   * clipped to `window` when given, under the identifier of every Viet Nam day it touches. The path
   * of a registered case and of a visit an investigator marks as a transmission risk.
   */
  async publishStays(
    db: Db,
    c: { caseId: string; profileCode: string },
    stays: readonly StayWithKey[],
    window?: Interval,
    now = new Date(),
  ): Promise<number> {
    const profile = await this.profiles.getOrThrow(db, c.profileCode);
    const rows: EntryToPublish[] = [];
    for (const s of stays) {
      const stay = stayInterval({ checkedInAt: s.checked_in_at, checkedOutAt: s.checked_out_at }, profile);
      const inside = window ? clip(stay, window) : stay;
      if (!inside) continue;
      const { fromMinute, toMinute } = windowInMinutes(inside);
      for (const day of daysTouched(inside)) {
        rows.push({
          identifier: await venueDayIdentifier(s.exposure_key, day),
          from: new Date(fromMinute * MINUTE),
          to: new Date(toMinute * MINUTE),
          provinceCode: provinceOf(s.locality_path),
          venueId: s.venue_id,
          caseId: c.caseId,
          selfReportId: null,
          status: 'published',
          profileCode: c.profileCode,
          publishedOn: vietnamToday(now),
        });
      }
    }
    const n = await this.repo.publish(db, rows);
    if (n) this.feeds.clear();
    return n;
  }

  /** Entries a self-reporter's phone derived (identifiers only, venues unknown here): pending until an official decides. */
  async publishSelfReported(
    db: Db,
    report: { id: string; provinceCode: string },
    entries: readonly { identifier: string; fromMinute: number; toMinute: number }[],
    now = new Date(),
  ): Promise<number> {
    const n = await this.repo.publish(
      db,
      entries.map((e) => ({
        identifier: e.identifier,
        from: new Date(e.fromMinute * MINUTE),
        to: new Date(e.toMinute * MINUTE),
        provinceCode: report.provinceCode,
        venueId: null,
        caseId: null,
        selfReportId: report.id,
        status: 'pending',
        profileCode: defaultDiseaseProfile.code,
        publishedOn: vietnamToday(now),
      })),
    );
    if (n) this.feeds.clear();
    return n;
  }

  /** Called after a self-report's entries changed status (confirmed or withdrawn). */
  feedsChanged(): void {
    this.feeds.clear();
  }

  /** The province's feed, built when its entries changed; counted (per process, flushed every minute). */
  async feed(province: string, now = Date.now()): Promise<BuiltFeed> {
    const day = vietnamToday(new Date(now));
    const k = `${province}|${day}`;
    this.fetches.set(k, (this.fetches.get(k) ?? 0) + 1);
    const cached = this.feeds.get(province);
    if (cached && now - cached.checkedAt < RECHECK_MS) return cached;
    const v = await this.repo.feedVersion(this.db, province);
    const version = `${v.n}-${v.changed?.getTime() ?? 0}`;
    if (cached && cached.version === version) {
      cached.checkedAt = now;
      return cached;
    }
    const built = await this.build(province, v.changed ?? new Date(0), version, now);
    this.feeds.set(province, built);
    return built;
  }

  private async build(province: string, changed: Date, version: string, now: number): Promise<BuiltFeed> {
    const rows = await this.repo.feedEntries(this.db, province, new Date(now - this.retentionDays * DAY_MS));
    const profiles: Record<string, FeedProfile> = {};
    for (const code of new Set(rows.map((r) => r.profile_code)))
      profiles[code] = feedProfile((await this.profiles.find(this.db, code)) ?? defaultDiseaseProfile);
    const feed: ExposureFeed = {
      v: 1,
      province,
      generatedAt: changed.toISOString(),
      profiles,
      entries: rows.map((r) => [
        r.identifier,
        Math.floor(r.from_at.getTime() / MINUTE),
        Math.ceil(r.to_at.getTime() / MINUTE),
        r.status === 'pending' ? 1 : 0,
        r.profile_code,
      ]),
    };
    const body = Buffer.from(JSON.stringify(feed));
    return {
      body,
      gzip: gzipSync(body, { level: 9 }),
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      signature: this.signer.sign(body),
      version,
      checkedAt: now,
    };
  }

  /** Adds this process's fetch counts to the table (the platform job, every minute). */
  async flushFetchCounts(): Promise<number> {
    const counted = this.fetches;
    this.fetches = new Map();
    const rows = [...counted].map(([k, n]) => {
      const [province, day] = k.split('|') as [string, string];
      return { province, day, n };
    });
    await this.repo.addFetches(this.db, rows);
    return rows.reduce((s, r) => s + r.n, 0);
  }

  /** Retention: entries end with the check-ins they came from. */
  async purgeExpired(retentionDays = this.retentionDays, now = new Date()): Promise<number> {
    const n = await this.repo.purgeBefore(this.db, new Date(now.getTime() - retentionDays * DAY_MS));
    if (n) this.feeds.clear();
    return n;
  }

  /** Officials' counts for the last 14 days of their area (no venue visitor, no case, no reporter). */
  async counts(actor: Actor, q: { locality?: string }, now = new Date()): Promise<ExposureCounts> {
    if (!exposurePolicy.counts(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const to = vietnamToday(now);
    const from = addDays(to, -13);
    // Feeds are per province: a country account sees every province's fetches.
    const province = within.includes('/') ? provinceOf(within) : null;
    const { entries, fetches, reports } = await this.repo.dailyCounts(this.db, province, within, from, to);
    const days: ExposureCounts['days'] = [];
    for (let day = to; day >= from; day = addDays(day, -1)) {
      const r = reports.find((x) => x.day === day);
      days.push({
        day,
        entriesPublished: Number(entries.find((x) => String(x.day) === day)?.n ?? 0),
        feedFetches: Number(fetches.find((x) => String(x.day) === day)?.n ?? 0),
        selfReportsReceived: Number(r?.received ?? 0),
        selfReportsHandled: Number(r?.handled ?? 0),
      });
    }
    const venues = (await this.repo.perVenue(this.db, within, from, to, 50)).map((v) => ({
      day: String(v.day),
      venueName: v.name,
      entries: Number(v.n),
    }));
    return { from, to, days, venues };
  }
}

function feedProfile(p: DiseaseProfile): FeedProfile {
  return {
    name: p.name,
    minOverlapMinutes: p.contact.minOverlapMinutes,
    assumedStayMinutes: p.contact.assumedStayMinutes,
    quarantineDays: p.quarantine.f1.days,
    monitoringDays: p.quarantine.f1.homeMonitoringDays,
    testDays: p.testScheduleDays,
  };
}
