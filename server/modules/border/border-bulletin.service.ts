import { AppError } from '../../../core/errors.ts';
import type { BulletinFigures, BulletinQuery, BulletinView } from '../../../core/schemas/border.ts';
import type { Actor } from '../../shared/actor.ts';
import { sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { BorderDeps } from './border-deps.ts';
import type { BulletinArea } from './border-bulletin.repository.ts';
import { bulletinColumns } from './border.export.ts';
import { borderPolicy as policy } from './border.policy.ts';

/** How far back a person sent to quarantine may still be in it (21 days and extensions, with margin). */
const QUARANTINE_HORIZON_DAYS = 45;

const zero = (): BulletinFigures => ({
  people: 0,
  vehicles: 0,
  rapidTests: 0,
  positives: 0,
  recorded: 0,
  sentToQuarantine: 0,
  turnedBack: 0,
  interceptions: 0,
  intercepted: 0,
});

const daysBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The daily bulletin, per checkpoint and for the province: the shift logs' counts, the individual
 * records and their decisions, interceptions, and returnees by origin (today, cumulative, still in
 * quarantine). Counts only: no person is named.
 */
export class BorderBulletinService {
  constructor(private readonly d: BorderDeps) {}

  async bulletin(actor: Actor, q: BulletinQuery): Promise<BulletinView> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const place = q.locality
      ? await this.d.localities.findReadableOrThrow(actor, q.locality, this.d.db)
      : await this.d.localities.findByCode(this.d.db, actor.scope.code);
    if (!place) throw new AppError('NOT_FOUND');
    if (q.post) {
      const post = await this.d.repo.findPost(this.d.db, q.post);
      if (!post || !policy.readAt(actor, post)) throw new AppError('NOT_FOUND');
    }
    // The country's scope has no province code: its bulletin is asked per province.
    const provinceCode = place.level === 'province' ? place.code : place.province_code;
    if (!provinceCode) throw new AppError('NOT_FOUND');
    const area: BulletinArea = { provinceCode, withinPath: place.path, ...(q.post ? { postId: q.post } : {}) };
    const db = this.d.db;
    const [shifts, crossings, interceptions, returnees, admitted] = await Promise.all([
      this.d.bulletin.shiftsOfDay(db, area, q.day),
      this.d.bulletin.crossingsOfDay(db, area, q.day),
      this.d.bulletin.interceptionsOfDay(db, area, q.day),
      this.d.bulletin.returneesByOrigin(db, area, q.day),
      this.d.bulletin.admissionsSince(db, area, daysBefore(q.day, QUARANTINE_HORIZON_DAYS), q.day),
    ]);
    const perPost = new Map<string, BulletinFigures>();
    const of = (id: string) => perPost.get(id) ?? perPost.set(id, zero()).get(id)!;
    for (const s of shifts) {
      const f = of(s.post_id);
      f.people += s.people;
      f.vehicles += s.vehicles;
      f.rapidTests += s.rapid_tests;
      f.positives += s.positives;
    }
    for (const c of crossings) {
      const f = of(c.post_id);
      f.recorded += c.recorded;
      f.sentToQuarantine += c.quarantined;
      f.turnedBack += c.turned_back;
    }
    const total = zero();
    for (const i of interceptions) {
      const f = i.post_id ? of(i.post_id) : null;
      const n = Number(i.interceptions);
      if (f) {
        f.interceptions += n;
        f.intercepted += i.people;
      }
      total.interceptions += n;
      total.intercepted += i.people;
    }
    for (const f of perPost.values())
      for (const k of [
        'people',
        'vehicles',
        'rapidTests',
        'positives',
        'recorded',
        'sentToQuarantine',
        'turnedBack',
      ] as const)
        total[k] += f[k];
    const names = new Map(
      (await this.d.bulletin.postNames(db, [...perPost.keys()])).map((p) => [p.id, p.name] as const),
    );
    const active = await this.d.quarantine.stillActive(
      db,
      admitted.flatMap((a) => (a.admission_id ? [a.admission_id] : [])),
    );
    const stillIn = new Map<string, number>();
    for (const a of admitted)
      if (a.admission_id && active.has(a.admission_id)) stillIn.set(a.origin, (stillIn.get(a.origin) ?? 0) + 1);
    return {
      day: q.day,
      total,
      posts: [...perPost.entries()]
        .map(([postId, f]) => ({ postId, name: names.get(postId) ?? postId, ...f }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
      returnees: returnees.map((r) => ({
        origin: r.origin,
        today: r.today,
        cumulative: r.cumulative,
        inQuarantine: stillIn.get(r.origin) ?? 0,
      })),
    };
  }

  async exportXlsx(actor: Actor, q: BulletinQuery): Promise<SheetExport> {
    const b = await this.bulletin(actor, q);
    const total = { postId: '', name: actor.locale === 'vi' ? 'Toàn địa bàn' : 'Whole area', ...b.total };
    return sheetExport({
      filename: `ban-tin-bien-gioi-${q.day}.xlsx`,
      sheetName: actor.locale === 'vi' ? 'Bản tin ngày' : 'Daily bulletin',
      locale: actor.locale,
      columns: bulletinColumns(),
      pages: (async function* () {
        yield [...b.posts, total];
      })(),
    });
  }
}
