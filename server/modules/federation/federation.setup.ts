import { sql } from 'kysely';
import type { FederationConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import {
  hubPublicationsFor,
  hubSubscriptionName,
  provincePublications,
  provinceSubscriptionName,
  publicationSql,
  quoteIdentifier,
  quoteLiteral,
  type PublicationSpec,
} from './federation.publications.ts';

/** What `federation publish|subscribe` did, one line per publication or subscription. */
export type SetupStep = { object: string; done: 'created' | 'updated' | 'refreshed' };

/** The publications this instance owes the federation (a province's two; the hub's two per province). */
export function publicationsOf(federation: FederationConfig): PublicationSpec[] {
  return federation.role === 'province'
    ? provincePublications(federation.provinceCode)
    : federation.provinces.flatMap((p) => hubPublicationsFor(p.code));
}

/**
 * Creates the publications, or sets their tables again (a new table, a changed column list):
 * idempotent, run it after every upgrade. Publishing needs the server's wal_level=logical to carry
 * anything; PostgreSQL only warns when it is not.
 */
export async function publish(db: Db, federation: FederationConfig): Promise<SetupStep[]> {
  const steps: SetupStep[] = [];
  for (const spec of publicationsOf(federation)) {
    const found = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_publication where pubname = ${spec.name}`.execute(db);
    const exists = (found.rows[0]?.n ?? 0) > 0;
    await sql.raw(publicationSql(spec, exists ? 'alter' : 'create')).execute(db);
    steps.push({ object: `publication ${spec.name}`, done: exists ? 'updated' : 'created' });
  }
  return steps;
}

interface SubscriptionSpec {
  name: string;
  connection: string;
  publications: string[];
}

export function subscriptionsOf(federation: FederationConfig): SubscriptionSpec[] {
  if (federation.role === 'province') {
    const code = federation.provinceCode;
    return [
      {
        name: provinceSubscriptionName(code),
        connection: federation.hubUrl,
        publications: hubPublicationsFor(code).map((p) => p.name),
      },
    ];
  }
  return federation.provinces.map((p) => ({
    name: hubSubscriptionName(p.code),
    connection: p.url,
    publications: provincePublications(p.code).map((x) => x.name),
  }));
}

/**
 * Subscribes to the other side's publications, which must exist already (run `publish` on every
 * instance first). A new subscription copies the rows already there, then streams changes from its
 * replication slot on the publisher; an existing one gets its connection string again and picks up
 * tables added to its publications. Needs a superuser (PostgreSQL 15).
 */
export async function subscribe(db: Db, federation: FederationConfig): Promise<SetupStep[]> {
  const steps: SetupStep[] = [];
  for (const s of subscriptionsOf(federation)) {
    const name = quoteIdentifier(s.name);
    const publications = s.publications.map(quoteIdentifier).join(', ');
    const found = await sql<{ n: number }>`
      select count(*)::int as n from pg_subscription
      where subname = ${s.name} and subdbid = (select oid from pg_database where datname = current_database())`.execute(
      db,
    );
    if ((found.rows[0]?.n ?? 0) === 0) {
      // The slot lives on the publisher's cluster, where its name must be unique: it names the
      // subscribing database too, so two subscribers of one province (the hub and a staging copy,
      // two test runs) do not take each other's slot.
      const database = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]!.name;
      const slot = quoteLiteral(
        `${s.name}_${database}`
          .toLowerCase()
          .replace(/[^a-z0-9_]/g, '_')
          .slice(0, 63),
      );
      await sql
        .raw(
          `create subscription ${name} connection ${quoteLiteral(s.connection)} publication ${publications} with (slot_name = ${slot})`,
        )
        .execute(db);
      steps.push({ object: `subscription ${s.name}`, done: 'created' });
    } else {
      await sql.raw(`alter subscription ${name} connection ${quoteLiteral(s.connection)}`).execute(db);
      await sql.raw(`alter subscription ${name} set publication ${publications} with (refresh = true)`).execute(db);
      steps.push({ object: `subscription ${s.name}`, done: 'refreshed' });
    }
  }
  return steps;
}

/**
 * Drops this database's subscriptions (a province leaving, a test starting again). A publisher out
 * of reach keeps its slot: the subscription is detached from it first, and the slot must then be
 * dropped on the publisher (`select pg_drop_replication_slot('fed_…')`), or it retains WAL.
 */
export async function unsubscribeAll(db: Db, options: { publisherReachable: boolean }): Promise<string[]> {
  const subs = await sql<{ subname: string }>`
    select subname from pg_subscription where subdbid = (select oid from pg_database where datname = current_database())`.execute(
    db,
  );
  for (const { subname } of subs.rows) {
    const name = quoteIdentifier(subname);
    if (!options.publisherReachable) {
      await sql.raw(`alter subscription ${name} disable`).execute(db);
      await sql.raw(`alter subscription ${name} set (slot_name = none)`).execute(db);
    }
    await sql.raw(`drop subscription ${name}`).execute(db);
  }
  return subs.rows.map((r) => r.subname);
}
