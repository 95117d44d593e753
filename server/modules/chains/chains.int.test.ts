import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainGraph } from '../../../core/schemas/cases.ts';
import { systemActor } from '../../shared/actor.ts';
import { BINH_LU, createTestPlatform, DOAN_KET, LAI_CHAU, type TestPlatform } from '../../testing/test-platform.ts';

/**
 * Chains seen from different scopes. Đoàn Kết: A → B → D, A → C → D (a diamond), C → E in Bình Lư;
 * F alone in Đoàn Kết; G → H in Bình Lư, in cluster CHO-BL.
 */
const table = [
  'case_number,confirmed_date,commune_code,sources',
  `A,2021-05-01,${DOAN_KET},LA`,
  `B,2021-05-03,${DOAN_KET},A`,
  `C,2021-05-03,${DOAN_KET},A`,
  `D,2021-05-05,${DOAN_KET},B;C`,
  `E,2021-05-06,${BINH_LU},C`,
  `F,2021-05-06,${DOAN_KET},`,
  `G,2021-05-07,${BINH_LU},CHO-BL`,
  `H,2021-05-08,${BINH_LU},G;CHO-BL`,
].join('\n');

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
  await t.platform.services.linelist.import(
    systemActor('test'),
    { format: 'csv', body: Buffer.from(table) },
    { source: 'chains' },
  );
});
afterAll(async () => t.close());

const graphOf = async (role: Parameters<TestPlatform['signIn']>[0], locality: string, query = '') => {
  const c = await t.signIn(role, locality);
  const res = await c.get(`/api/chains${query}`);
  return { res, graph: res.json<ChainGraph>(), client: c };
};
const byNumber = (g: ChainGraph) => Object.fromEntries(g.nodes.map((n) => [n.caseNumber, n]));
const edgeNames = (g: ChainGraph) =>
  g.edges.map(([a, b]) => `${g.nodes[a]!.caseNumber}>${g.nodes[b]!.caseNumber}`).sort();

describe('GET /api/chains', () => {
  it('gives the province its chains, generations and chain numbers, largest chain first', async () => {
    const { graph } = await graphOf('health_department', LAI_CHAU, '?linkedOnly=false');
    expect(graph.stats).toEqual({
      cases: 8,
      links: 6,
      chainsWithAtLeastTwo: 2,
      largestChain: 5,
      longestGenerationPath: 2,
    });
    const n = byNumber(graph);
    expect([n.A!.generation, n.B!.generation, n.D!.generation, n.E!.generation, n.F!.generation]).toEqual([
      0, 1, 2, 2, 0,
    ]);
    expect([n.A!.chain, n.E!.chain, n.G!.chain, n.H!.chain]).toEqual([0, 0, 1, 1]);
    expect(n.F!.chain).toBe(2);
    expect(n.H!.clusterCode).toBe('CHO-BL');
    expect(edgeNames(graph)).toEqual(['A>B', 'A>C', 'B>D', 'C>D', 'C>E', 'G>H']);
    const linked = (await graphOf('steering_committee', LAI_CHAU)).graph;
    expect(linked.nodes.map((x) => x.caseNumber).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'G', 'H']);
  });

  it('shows a commune only its cases and the links among them', async () => {
    const { graph } = await graphOf('commune_officer', DOAN_KET, '?linkedOnly=false');
    expect(graph.nodes.map((x) => x.caseNumber).sort()).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(edgeNames(graph)).toEqual(['A>B', 'A>C', 'B>D', 'C>D']);
    expect(graph.stats).toMatchObject({ cases: 5, links: 4, largestChain: 4 });
  });

  it('narrows to one chain or one cluster, and hides what is out of scope', async () => {
    const { graph: all, client } = await graphOf('steering_committee', LAI_CHAU, '?linkedOnly=false');
    const n = byNumber(all);
    const chain = (await client.get(`/api/chains?caseId=${n.D!.id}`)).json<ChainGraph>();
    expect(chain.nodes.map((x) => x.caseNumber).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(chain.stats).toMatchObject({ cases: 5, chainsWithAtLeastTwo: 1 });
    const cluster = await t.platform.database.db
      .selectFrom('clusters')
      .select('id')
      .where('code', '=', 'CHO-BL')
      .executeTakeFirstOrThrow();
    const inCluster = (await client.get(`/api/chains?clusterId=${cluster.id}`)).json<ChainGraph>();
    expect(edgeNames(inCluster)).toEqual(['G>H']);

    const doanKet = await t.signIn('commune_officer', DOAN_KET);
    expect((await doanKet.get(`/api/chains?caseId=${n.E!.id}`)).statusCode).toBe(404);
    expect((await doanKet.get(`/api/chains?clusterId=${cluster.id}`)).statusCode).toBe(404);
    expect((await doanKet.get(`/api/chains?locality=${BINH_LU}`)).statusCode).toBe(404);
  });

  it('gives an inspector the measures without a single case', async () => {
    const { graph, res } = await graphOf('inspector', LAI_CHAU, '?linkedOnly=false');
    expect(res.statusCode).toBe(200);
    expect(graph.nodes).toEqual([]);
    expect(graph.edges).toEqual([]);
    expect(graph.stats.cases).toBeGreaterThan(0);
    expect(res.body).not.toMatch(/"caseNumber"/);
  });

  it('refuses organisations and facility staff, and audits every read', async () => {
    expect((await graphOf('organisation_admin', LAI_CHAU)).res.statusCode).toBe(403);
    expect((await graphOf('facility_staff', LAI_CHAU)).res.statusCode).toBe(403);
    const { client } = await graphOf('health_department', LAI_CHAU, `?locality=${BINH_LU}`);
    const events = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['action', 'entity_type', 'locality_code'])
      .where('actor_name', '=', client.user.username)
      .where('action', '=', 'read_list')
      .execute();
    expect(events).toEqual([{ action: 'read_list', entity_type: 'case', locality_code: BINH_LU }]);
  });
});
