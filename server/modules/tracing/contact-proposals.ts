import type { CandidateRow, ProposalInput, TracingSource } from './tracing.repository.ts';

/**
 * One proposal per person: someone found from several sources keeps the source with the most
 * time together, and all their venue evidence. Without venue times (household only) the exposure
 * spans the source's window.
 */
export function mergeByPerson(
  rows: readonly CandidateRow[],
  sources: readonly TracingSource[],
  level: number,
  fallbackPath: string,
): ProposalInput[] {
  const byPerson = new Map<string, ProposalInput>();
  for (const r of rows) {
    const source = sources[r.source]!;
    const candidate: ProposalInput = {
      personId: r.person_id,
      level,
      viaContactId: source.viaContactId,
      household: r.household,
      declared: false,
      totalMinutes: r.total_minutes,
      distinctVenues: r.distinct_venues,
      firstAt: r.first_at ?? source.from,
      lastAt: r.last_at ?? source.to,
      evidence: { venues: r.venues },
      localityPath: r.locality_path ?? fallbackPath,
    };
    const seen = byPerson.get(r.person_id);
    if (!seen) {
      byPerson.set(r.person_id, candidate);
      continue;
    }
    const best = candidate.totalMinutes > seen.totalMinutes ? candidate : seen;
    byPerson.set(r.person_id, {
      ...best,
      household: seen.household || candidate.household,
      firstAt: minDate(seen.firstAt, candidate.firstAt),
      lastAt: maxDate(seen.lastAt, candidate.lastAt),
      evidence: { venues: [...venuesOf(seen), ...venuesOf(candidate)] },
    });
  }
  return [...byPerson.values()];
}

const venuesOf = (p: ProposalInput) => (Array.isArray(p.evidence.venues) ? (p.evidence.venues as unknown[]) : []);
const minDate = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const maxDate = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
