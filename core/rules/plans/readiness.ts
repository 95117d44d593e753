/**
 * Readiness of a unit for a level (issue 18): what its plan requires at that level against what it
 * has. A line is one resource (a kind of staff, a bed kind, quarantine places, a vehicle or a supply
 * item); each counts the same, covered up to its requirement (a surplus of masks does not make up
 * for missing ventilators), and the percentage is the mean coverage of the lines.
 */

export const resourceKinds = ['staff', 'bed', 'quarantine_place', 'vehicle', 'item'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export interface ResourceLine {
  kind: ResourceKind;
  code: string;
  quantity: number;
}

export interface Shortfall extends ResourceLine {
  required: number;
  available: number;
}

export interface Readiness {
  required: ResourceLine[];
  available: ResourceLine[];
  shortfalls: Shortfall[];
  /** 0–100, whole; 100 when the plan requires nothing at that level. */
  readinessPercent: number;
}

export const lineKey = (l: Pick<ResourceLine, 'kind' | 'code'>): string => `${l.kind}:${l.code}`;

/** Required against available: the shortfall of each line short of its need, and the mean coverage. */
export function readinessOf(
  required: readonly ResourceLine[],
  availableOf: (line: Pick<ResourceLine, 'kind' | 'code'>) => number,
): Readiness {
  const merged = new Map<string, ResourceLine>();
  for (const r of required) {
    const prev = merged.get(lineKey(r));
    merged.set(lineKey(r), { kind: r.kind, code: r.code, quantity: (prev?.quantity ?? 0) + r.quantity });
  }
  const lines = [...merged.values()].filter((l) => l.quantity > 0);
  const available = lines.map((l) => ({ kind: l.kind, code: l.code, quantity: Math.max(0, availableOf(l)) }));
  const shortfalls: Shortfall[] = [];
  let coverage = 0;
  lines.forEach((l, i) => {
    const have = available[i]!.quantity;
    coverage += Math.min(have, l.quantity) / l.quantity;
    if (have < l.quantity)
      shortfalls.push({
        kind: l.kind,
        code: l.code,
        quantity: l.quantity - have,
        required: l.quantity,
        available: have,
      });
  });
  const readinessPercent = lines.length === 0 ? 100 : Math.floor((coverage / lines.length) * 100);
  return { required: lines, available, shortfalls, readinessPercent };
}

/** Bed kinds as the facilities module counts them. */
export const bedKinds = ['regular_bed', 'oxygen_bed', 'icu_bed', 'negative_pressure_room'] as const;

/**
 * Whether a requirement names something that can be counted: a force kind for staff, a catalogue
 * item for supplies and vehicles, a facility bed kind for beds, `quarantine_place` for places.
 */
export function knownResource(
  line: Pick<ResourceLine, 'kind' | 'code'>,
  o: { forceKinds: readonly string[]; itemCodes: readonly string[] },
): boolean {
  switch (line.kind) {
    case 'staff':
      return o.forceKinds.includes(line.code);
    case 'item':
    case 'vehicle':
      return o.itemCodes.includes(line.code);
    case 'bed':
      return (bedKinds as readonly string[]).includes(line.code);
    case 'quarantine_place':
      return line.code === 'quarantine_place';
  }
}
