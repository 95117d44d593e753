import { randomUUID } from 'node:crypto';
import { qd2194_2020 } from '../../../core/rules/workplaces/templates/qd2194.ts';
import { DOAN_KET, type TestClient } from '../../testing/test-platform.ts';

/** Registration bodies with a fresh client key; `over` changes any field. */
let serial = 0;
export const organisationBody = (over: Record<string, unknown> = {}) => ({
  clientKey: randomUUID(),
  name: `Công ty May Tây Bắc ${++serial}`,
  type: 'enterprise',
  sector: 'Dệt may',
  addressLine: '5 đường Trần Phú',
  communeCode: DOAN_KET,
  headName: 'Nguyễn Văn Giám',
  contactName: 'Lò Thị An',
  contactPhone: '0912 345 678',
  headcount: 450,
  shifts: 2,
  runsDormitory: true,
  runsShuttle: true,
  ...over,
});

export async function registerOrganisation(c: TestClient, over: Record<string, unknown> = {}) {
  const res = await c.post('/api/organisations', organisationBody(over));
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; name: string; status: string; taxCode: string | null }>();
}

/**
 * Answers to the Decision 2194 preset scoring 22 of 36 (61%, "high"): the safest option everywhere
 * but at the gate, isolation, masks, canteen, dormitory and shuttle.
 */
export function highRisk2194Answers(): Record<string, string> {
  const risky = new Set([
    'gate_temperature',
    'gate_declaration',
    'isolation_room',
    'symptom_protocol',
    'masks_worn',
    'canteen_seating',
    'dormitory',
    'shuttle',
    'workers_on_site',
  ]);
  return Object.fromEntries(
    qd2194_2020.items.map((i) => [i.code, (risky.has(i.code) ? i.options.at(-1)! : i.options[0]!).code]),
  );
}
