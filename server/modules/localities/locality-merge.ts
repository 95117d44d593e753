import { combineAreas, isAreaGeometry } from '../../../core/rules/geometry.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import type { LocalitiesRepository } from './localities.repository.ts';

/**
 * What a merge carries from the closed unit into the one that absorbs it (DOMAIN §2): the population
 * added up (the target's stays when either is unknown) and the two boundaries drawn as one. Answers
 * the target's population after.
 */
export async function combineInto(
  trx: Db,
  repo: LocalitiesRepository,
  source: LocalityRow,
  target: LocalityRow,
): Promise<number | null> {
  const population =
    source.population !== null && target.population !== null
      ? source.population + target.population
      : target.population;
  await repo.setPopulation(
    trx,
    target.code,
    population,
    target.population_year,
    source.population_is_demo || target.population_is_demo,
  );
  const [sb, tb] = await Promise.all([repo.findBoundary(trx, source.code), repo.findBoundary(trx, target.code)]);
  if (sb && tb && isAreaGeometry(sb.geometry) && isAreaGeometry(tb.geometry)) {
    await repo.upsertBoundaries(trx, [{ code: target.code, geometry: combineAreas(tb.geometry, sb.geometry) }]);
  }
  return population;
}
