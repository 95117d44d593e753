import { sql, type RawBuilder } from 'kysely';
import type { AuditAlertKind } from '../../../core/schemas/audit.ts';
import type { Db } from '../../db/database.ts';
import { escapeLike } from '../../db/path-scope.ts';
import { decodeCursor } from '../../shared/cursor.ts';

/** Reads of people's data, as the person's own access log counts them (accessKind in audit.service.ts). */
const sensitiveRead = sql`(e.action in ('read', 'read_list', 'export') or e.action like 'read\\_%' or e.action like 'print\\_%')`;

export interface VolumeLimits {
  now: Date;
  perHour: number;
  perDay: number;
  baselineFactor: number;
  /** Below this many people a day, no account is "far above its own average". */
  baselineFloor: number;
}

export interface AlertRow {
  source: 'e' | 'a';
  id: string;
  kind: AuditAlertKind;
  at: Date;
  at_key: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  entity_type: string | null;
  people: number;
  threshold: number | null;
  baseline: number | null;
  window_start: Date | null;
  window_end: Date | null;
}

export interface AlertsFilter {
  within: string;
  kind?: AuditAlertKind;
  actorId?: string;
  from?: string;
  to?: string;
  after?: string;
  limit: number;
}

const within = (column: string, path: string): RawBuilder<boolean> =>
  path === 'VN'
    ? sql<boolean>`true`
    : sql<boolean>`(${sql.ref(column)} = ${path} or ${sql.ref(column)} like ${`${escapeLike(path)}/%`})`;

/** The alerts of the audit view: exports (from the log itself) and volume alerts (raised by a job). */
export class AuditAlertsRepository {
  /**
   * Raises, for each official account, the volume alerts its reads of the last hour and day cross
   * (people counted once per window). An alert of a kind is raised again only once its window has
   * passed. Returns how many were raised.
   */
  async raiseVolumeAlerts(db: Db, o: VolumeLimits): Promise<number> {
    const r = await sql`
      with recent as (
        select e.actor_id, count(distinct p) filter (where e.at > ${o.now}::timestamptz - interval '1 hour') as hour_people, count(distinct p) as day_people
        from audit_events e join audit_event_subjects s on s.event_id = e.id cross join unnest(s.person_ids) p
        where e.at > ${o.now}::timestamptz - interval '1 day' and e.at <= ${o.now}::timestamptz and e.actor_id is not null and ${sensitiveRead}
        group by e.actor_id
      ),
      baseline as (
        select e.actor_id, sum(cardinality(s.person_ids))::float8 / 30 as per_day
        from audit_events e join audit_event_subjects s on s.event_id = e.id
        where e.at > ${o.now}::timestamptz - interval '31 days' and e.at <= ${o.now}::timestamptz - interval '1 day'
          and e.actor_id in (select actor_id from recent) and ${sensitiveRead}
        group by e.actor_id
      ),
      crossed as (
        select r.actor_id, 'people_per_hour' as kind, interval '1 hour' as span, r.hour_people as people, ${o.perHour}::int as threshold, null::float8 as baseline
          from recent r where r.hour_people > ${o.perHour}
        union all
        select r.actor_id, 'people_per_day', interval '1 day', r.day_people, ${o.perDay}::int, null from recent r where r.day_people > ${o.perDay}
        union all
        select r.actor_id, 'above_baseline', interval '1 day', r.day_people, ceil(${o.baselineFactor}::float8 * greatest(coalesce(b.per_day, 0), ${o.baselineFloor}))::int, coalesce(b.per_day, 0)
          from recent r left join baseline b on b.actor_id = r.actor_id
          where r.day_people > ${o.baselineFactor}::float8 * greatest(coalesce(b.per_day, 0), ${o.baselineFloor})
      )
      insert into audit_alerts (kind, actor_id, actor_name, actor_role, locality_path, window_start, window_end, people, threshold, baseline)
      select c.kind, c.actor_id, u.username, u.role, l.path, ${o.now}::timestamptz - c.span, ${o.now}::timestamptz, c.people, c.threshold, c.baseline
      from crossed c join users u on u.id = c.actor_id join localities l on l.code = u.locality_code
      where not exists (select 1 from audit_alerts a where a.actor_id = c.actor_id and a.kind = c.kind and a.window_end > ${o.now}::timestamptz - c.span)
      on conflict do nothing`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  }

  /** Newest first on (time, source, id): exports and volume alerts in one keyset-paged list. */
  async list(db: Db, f: AlertsFilter): Promise<AlertRow[]> {
    const cursor = decodeCursor(f.after, ['timestamp', 'text', 'integer']);
    const wants = (kind: 'export' | 'volume') =>
      !f.kind || (kind === 'export' ? f.kind === 'export' : f.kind !== 'export');
    const parts: RawBuilder<unknown>[] = [];
    if (wants('export')) {
      parts.push(sql`
        select 'e' as source, e.id, 'export' as kind, e.at, e.actor_id, e.actor_name, e.actor_role, e.entity_type,
          (select coalesce(sum(cardinality(s.person_ids)), 0) from audit_event_subjects s where s.event_id = e.id)::int as people,
          null::int as threshold, null::float8 as baseline, null::timestamptz as window_start, null::timestamptz as window_end
        from audit_events e where e.action = 'export' and ${within('e.locality_path', f.within)}`);
    }
    if (wants('volume')) {
      parts.push(sql`
        select 'a', a.id, a.kind, a.raised_at, a.actor_id, a.actor_name, a.actor_role, null, a.people, a.threshold, a.baseline, a.window_start, a.window_end
        from audit_alerts a where ${within('a.locality_path', f.within)} ${f.kind && f.kind !== 'export' ? sql`and a.kind = ${f.kind}` : sql``}`);
    }
    const conditions: RawBuilder<unknown>[] = [sql`true`];
    if (f.actorId) conditions.push(sql`x.actor_id = ${f.actorId}`);
    if (f.from) conditions.push(sql`x.at >= ${f.from}::timestamptz`);
    if (f.to) conditions.push(sql`x.at < ${f.to}::timestamptz`);
    if (cursor)
      conditions.push(
        sql`(x.at, x.source, x.id) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}, ${String(cursor[2])}::bigint)`,
      );
    const r = await sql<AlertRow>`
      select x.source, x.id::text, x.kind, x.at, to_char(x.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key,
        x.actor_id, x.actor_name, x.actor_role, x.entity_type, x.people, x.threshold, x.baseline, x.window_start, x.window_end
      from (${sql.join(parts, sql` union all `)}) x
      where ${sql.join(conditions, sql` and `)}
      order by x.at desc, x.source desc, x.id desc
      limit ${f.limit + 1}`.execute(db);
    return r.rows;
  }
}
