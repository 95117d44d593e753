/**
 * The list calls of the `lists` bench beyond cases: tracing contacts, quarantine stays, test
 * orders, declarations, arrivals, check-in counts per venue and the audit log, each through its
 * service as the web client calls it (scope, filters and the access record included). For each:
 * the first page, every enumerated filter, page 51 through the cursor, and the lookups the list
 * offers (none of these lists has a free-text box: a facility, a venue, an entity or an actor).
 */
import { sql } from 'kysely';
import { contactStatuses } from '../../core/schemas/cases.ts';
import type { Page } from '../../core/schemas/common.ts';
import { admissionStatuses } from '../../core/schemas/quarantine.ts';
import { orderReasons, orderStatuses } from '../../core/schemas/testing.ts';
import type { Db } from '../../server/db/database.ts';
import type { Platform } from '../../server/main.ts';
import type { Actor } from '../../server/shared/actor.ts';
import { actor, areas, PAGE, type Area, type ListScenario } from './lists-scenarios.ts';

type Query = Record<string, unknown> & { limit: number; after?: string };

interface ListUnderTest {
  list: string;
  /** Who may read it: officials, or administrators for the audit log. */
  role: 'officials' | 'admin';
  call: (who: Actor, q: Query) => Promise<Page<unknown>>;
  /** What every call of the list carries (the date range of the check-in counts). */
  base?: Query;
  filters: [string, Record<string, unknown>][];
  lookups: (area: Area) => Promise<[string, Record<string, unknown>][]>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function listsUnderTest(db: Db, platform: Platform): ListUnderTest[] {
  const s = platform.services;
  const one = async <T>(query: Promise<{ rows: T[] }>) => (await query).rows[0];
  return [
    {
      list: 'contacts',
      role: 'officials',
      call: (who, q) => s.tracing.listWithin(who, q as Parameters<typeof s.tracing.listWithin>[1]),
      filters: contactStatuses.map((status) => [`status = ${status}`, { status }]),
      lookups: async () => [],
    },
    {
      list: 'quarantine',
      role: 'officials',
      call: (who, q) => s.quarantineRegister.list(who, q as Parameters<typeof s.quarantineRegister.list>[1]),
      filters: [
        ...admissionStatuses.map((status): [string, Record<string, unknown>] => [`status = ${status}`, { status }]),
        ['ends by today', { endsBy: day(0) }],
      ],
      lookups: async (area) => {
        const f = await one(
          sql<{
            id: string;
          }>`select id from facilities where locality_path = ${`VN/${area.path.split('/')[1]}`} limit 1`.execute(db),
        );
        return f ? [['facility', { facilityId: f.id }]] : [];
      },
    },
    {
      list: 'test orders',
      role: 'officials',
      call: (who, q) => s.testing.listOrders(who, q as Parameters<typeof s.testing.listOrders>[1]),
      filters: [
        ...orderStatuses.map((status): [string, Record<string, unknown>] => [`status = ${status}`, { status }]),
        ...orderReasons.map((reason): [string, Record<string, unknown>] => [`reason = ${reason}`, { reason }]),
        ['due by today', { dueBy: day(0) }],
      ],
      lookups: async () => [],
    },
    {
      list: 'declarations',
      role: 'officials',
      call: (who, q) =>
        s.declarationsOfficials.listDeclarations(
          who,
          q as Parameters<typeof s.declarationsOfficials.listDeclarations>[1],
        ),
      filters: [
        ['flagged', { flagged: true }],
        ['not flagged', { flagged: false }],
        ['last 2 days', { from: new Date(Date.now() - 2 * 86_400_000).toISOString() }],
      ],
      lookups: async () => [],
    },
    {
      list: 'arrivals',
      role: 'officials',
      call: (who, q) =>
        s.declarationsOfficials.listArrivals(who, q as Parameters<typeof s.declarationsOfficials.listArrivals>[1]),
      filters: [
        ...(['none', 'pending', 'contacted', 'closed'] as const).map((followUp): [string, Record<string, unknown>] => [
          `follow-up = ${followUp}`,
          { followUp },
        ]),
        ['flagged', { flagged: true }],
        ['not flagged', { flagged: false }],
      ],
      lookups: async () => [],
    },
    {
      list: 'check-in counts',
      role: 'officials',
      call: (who, q) => s.checkins.counts(who, q as Parameters<typeof s.checkins.counts>[1]),
      base: { limit: PAGE, from: day(-13), to: day(0) },
      filters: [],
      lookups: async (area) => {
        const v = await one(
          sql<{ id: string }>`select venue_id as id from checkins c join venues v on v.id = c.venue_id
            where v.locality_path = ${area.path} or v.locality_path like ${`${area.path}/%`} limit 1`.execute(db),
        );
        return v ? [['venue', { venueId: v.id }]] : [];
      },
    },
    {
      list: 'audit',
      role: 'admin',
      call: (who, q) => s.audit.list(who, q as Parameters<typeof s.audit.list>[1]),
      filters: [
        ...['read_list', 'export', 'update'].map((action): [string, Record<string, unknown>] => [
          `action = ${action}`,
          { action },
        ]),
        ...['case', 'quarantine_admission'].map((entityType): [string, Record<string, unknown>] => [
          `entity = ${entityType}`,
          { entityType },
        ]),
        ['last 2 days', { from: new Date(Date.now() - 2 * 86_400_000).toISOString() }],
      ],
      lookups: async (area) => {
        const e = await one(
          sql<{
            entity_type: string;
            entity_id: string;
            actor_id: string;
          }>`select entity_type, entity_id, actor_id from audit_events
            where locality_path = ${area.path} or locality_path like ${`${area.path}/%`} order by id desc offset 7 limit 1`.execute(
            db,
          ),
        );
        return e
          ? [
              ['one record', { entityType: e.entity_type, entityId: e.entity_id }],
              ['one actor', { actorId: e.actor_id }],
            ]
          : [];
      },
    },
  ];
}

/** A deep page through the cursor: the cursor after `pages` pages, walked once (untimed). */
async function cursorAfter(l: ListUnderTest, who: Actor, base: Query, pages: number): Promise<string | undefined> {
  let after: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = await l.call(who, { ...base, after });
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return after;
}

export async function moreListScenarios(db: Db, platform: Platform, deepPage = 51): Promise<ListScenario[]> {
  const a = await areas(db);
  const people: [string, Area][] = [
    [`CDC of the biggest province (${a.big.code})`, a.big],
    [`CDC of a small province (${a.small.code})`, a.small],
    [`officer of its biggest commune (${a.bigCommune.code})`, a.bigCommune],
    [`officer of the small province's biggest commune (${a.smallCommune.code})`, a.smallCommune],
  ];
  const out: ListScenario[] = [];
  for (const l of listsUnderTest(db, platform)) {
    for (const [who, area] of people) {
      const commune = area.path.split('/').length > 2;
      const role = l.role === 'admin' ? 'system_admin' : commune ? 'commune_officer' : 'health_department';
      const person = actor(role, area.code, area.path);
      const base: Query = l.base ?? { limit: PAGE };
      const after = await cursorAfter(l, person, base, deepPage - 1);
      const calls: [string, Record<string, unknown>][] = [
        ['first page', {}],
        ...l.filters,
        [`page ${deepPage} (cursor)`, { after }],
        ...(await l.lookups(area)).map(([what, q]): [string, Record<string, unknown>] => [`lookup: ${what}`, q]),
      ];
      for (const [what, q] of calls) {
        out.push({
          list: l.list,
          who,
          label: `${l.list}, ${what} — ${who}`,
          prepare: async () => undefined,
          call: async () => (await l.call(person, { ...base, ...q })).items.length,
        });
      }
    }
  }
  return out;
}
