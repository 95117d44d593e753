import { describe, expect, it } from 'vitest';
import { borderContract } from '../../../core/contracts/border.ts';
import { checkinsContract } from '../../../core/contracts/checkins.ts';
import { citizenContract } from '../../../core/contracts/citizen.ts';
import { declarationsContract } from '../../../core/contracts/declarations.ts';
import { exposureContract } from '../../../core/contracts/exposure.ts';
import { inspectionsContract } from '../../../core/contracts/inspections.ts';
import { localitiesContract } from '../../../core/contracts/localities.ts';
import { organisationMapContract } from '../../../core/contracts/organisation-map.ts';
import { quarantineContract } from '../../../core/contracts/quarantine.ts';
import { supportContract } from '../../../core/contracts/resources.ts';
import { riskContract } from '../../../core/contracts/risk.ts';
import { venuesContract } from '../../../core/contracts/venues.ts';
import * as endpoints from './endpoints.ts';

const publicEntries = [
  borderContract,
  checkinsContract,
  citizenContract,
  declarationsContract,
  exposureContract,
  inspectionsContract,
  localitiesContract,
  organisationMapContract,
  quarantineContract,
  riskContract,
  supportContract,
  venuesContract,
]
  .flatMap((c) => Object.values(c))
  .filter((e) => e.path.startsWith('/public/'));

describe("the citizens' endpoints", () => {
  it('are public contract entries (the type check ties each to its entry)', () => {
    for (const e of Object.values(endpoints)) {
      expect(
        publicEntries.some((c) => c.method === e.method && c.path === e.path),
        `${e.method} ${e.path}`,
      ).toBe(true);
    }
  });
});
