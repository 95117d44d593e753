/**
 * Plausible, clearly-marked demo population for a commune-level unit. Not real: the vendored data
 * carries no population. Density depends on the unit type (wards are urban) and varies by a
 * deterministic hash of the code, so every install shows the same figures.
 */
export function demoPopulation(unit: { code: string; type: string; areaKm2: number }): number {
  const density = unit.type === 'phuong' ? 500 : unit.type === 'dac_khu' ? 150 : 40;
  const jitter = 0.6 + (hash(unit.code) % 800) / 1000;
  const raw = Math.max(1, unit.areaKm2) * density * jitter;
  const bounded = Math.min(Math.max(raw, 2500), 150_000);
  return Math.round(bounded / 10) * 10;
}

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}
