import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * `phongdich federation status`: the replication state of this instance, from PostgreSQL's own
 * views. Publisher side: publications, their slots (how much WAL each retains for a subscriber
 * that has not confirmed it) and the senders streaming now. Subscriber side: each subscription, its
 * worker, the tables still in their first copy, and (on the hub) each province's last heartbeat.
 */
export interface FederationStatus {
  publications: { name: string; tables: number; operations: string }[];
  slots: {
    name: string;
    active: boolean;
    /** Bytes of WAL written since the subscriber last confirmed: its lag, and what the slot retains. */
    lagBytes: number | null;
    /** `reserved`, `extended`, `unreserved` or `lost` (past max_slot_wal_keep_size: the subscriber must be set up again). */
    walStatus: string | null;
  }[];
  senders: { subscription: string; state: string; replayLagSeconds: number | null }[];
  subscriptions: {
    name: string;
    enabled: boolean;
    /** A worker is applying changes now (false while the publisher is out of reach). */
    streaming: boolean;
    lastMessageAt: string | null;
    /** How long ago the publisher's last message arrived. */
    lagSeconds: number | null;
    tablesCopying: number;
  }[];
  heartbeats: { province: string; beatAt: string; ageSeconds: number }[];
}

export async function federationStatus(db: Db): Promise<FederationStatus> {
  const publications = await sql<{ name: string; tables: number; operations: string }>`
    select p.pubname as name, (select count(*)::int from pg_publication_tables t where t.pubname = p.pubname) as tables,
      concat_ws(', ', case when p.pubinsert then 'insert' end, case when p.pubupdate then 'update' end,
        case when p.pubdelete then 'delete' end) as operations
    from pg_publication p order by p.pubname`.execute(db);
  const slots = await sql<{ name: string; active: boolean; lag_bytes: string | null; wal_status: string | null }>`
    select slot_name as name, active, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint::text as lag_bytes, wal_status
    from pg_replication_slots where slot_type = 'logical' and database = current_database() order by slot_name`.execute(
    db,
  );
  const senders = await sql<{ subscription: string; state: string; replay_lag: number | null }>`
    select application_name as subscription, state, extract(epoch from replay_lag)::float8 as replay_lag
    from pg_stat_replication order by application_name`.execute(db);
  const subscriptions = await sql<{
    name: string;
    enabled: boolean;
    streaming: boolean;
    last_message_at: Date | null;
    lag_seconds: number | null;
    tables_copying: number;
  }>`
    select s.subname as name, s.subenabled as enabled, st.pid is not null as streaming,
      st.last_msg_receipt_time as last_message_at,
      extract(epoch from now() - st.last_msg_send_time)::float8 as lag_seconds,
      (select count(*)::int from pg_subscription_rel r where r.srsubid = s.oid and r.srsubstate <> 'r') as tables_copying
    from pg_subscription s
    left join pg_stat_subscription st on st.subid = s.oid and st.relid is null
    where s.subdbid = (select oid from pg_database where datname = current_database())
    order by s.subname`.execute(db);
  const heartbeats = await sql<{ province: string; beat_at: Date; age: number }>`
    select province_code as province, beat_at, extract(epoch from now() - beat_at)::float8 as age
    from federation_heartbeats order by province_code`.execute(db);
  return {
    publications: publications.rows,
    slots: slots.rows.map((s) => ({
      name: s.name,
      active: s.active,
      lagBytes: s.lag_bytes === null ? null : Number(s.lag_bytes),
      walStatus: s.wal_status,
    })),
    senders: senders.rows.map((s) => ({
      subscription: s.subscription,
      state: s.state,
      replayLagSeconds: s.replay_lag,
    })),
    subscriptions: subscriptions.rows.map((s) => ({
      name: s.name,
      enabled: s.enabled,
      streaming: s.streaming,
      lastMessageAt: s.last_message_at?.toISOString() ?? null,
      lagSeconds: s.lag_seconds,
      tablesCopying: s.tables_copying,
    })),
    heartbeats: heartbeats.rows.map((h) => ({
      province: h.province,
      beatAt: h.beat_at.toISOString(),
      ageSeconds: Math.round(h.age),
    })),
  };
}

/** The status as text for a terminal, one line per object. */
export function formatFederationStatus(s: FederationStatus): string {
  const lines: string[] = [];
  lines.push('Publications:');
  for (const p of s.publications) lines.push(`  ${p.name}  ${p.tables} tables  (${p.operations})`);
  lines.push('Replication slots (changes kept for a subscriber):');
  for (const x of s.slots) {
    const lag = x.lagBytes === null ? '?' : `${x.lagBytes} bytes behind`;
    lines.push(`  ${x.name}  ${x.active ? 'active' : 'INACTIVE'}  ${lag}  wal ${x.walStatus ?? '?'}`);
  }
  for (const x of s.senders) {
    lines.push(`  sending to ${x.subscription}: ${x.state}, replay lag ${x.replayLagSeconds ?? 0} s`);
  }
  lines.push('Subscriptions:');
  for (const x of s.subscriptions) {
    const state = !x.enabled ? 'DISABLED' : x.streaming ? 'streaming' : 'NOT CONNECTED';
    const lag = x.lagSeconds === null ? '' : `, last message ${x.lagSeconds.toFixed(1)} s ago`;
    const copying = x.tablesCopying ? `, ${x.tablesCopying} tables in first copy` : '';
    lines.push(`  ${x.name}  ${state}${lag}${copying}`);
  }
  if (s.heartbeats.length) {
    lines.push('Provinces (last heartbeat):');
    for (const h of s.heartbeats) lines.push(`  ${h.province}  ${h.beatAt}  (${h.ageSeconds} s ago)`);
  }
  return lines.join('\n');
}
