import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { quarantinePolicy } from './quarantine.policy.ts';
import type { AdmissionRecord, QuarantineRepository } from './quarantine.repository.ts';

/** The stay if the actor may read it; NOT_FOUND otherwise, whether it is missing or out of reach. */
export async function readableAdmissionOrThrow(
  quarantine: QuarantineRepository,
  db: Db,
  actor: Actor,
  id: string,
): Promise<AdmissionRecord> {
  const a = await quarantine.findById(db, id);
  if (!a || !quarantinePolicy.read(actor, a)) throw new AppError('NOT_FOUND');
  return a;
}
