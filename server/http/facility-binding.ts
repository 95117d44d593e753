import type { FastifyInstance } from 'fastify';
import type { FacilityStaffService } from '../modules/facilities/facility-staff.service.ts';

/**
 * A facility staff account acts for the facilities it is bound to, read afresh on every request so
 * that an administrator's change applies at once. Registered after the auth hook, which resolves
 * the actor; an actor without the list is bound to nothing (see `boundFacilities`).
 */
export function registerFacilityBinding(app: FastifyInstance, staff: FacilityStaffService) {
  app.addHook('onRequest', async (req) => {
    const actor = req.actorOrNull;
    if (actor?.role !== 'facility_staff') return;
    req.actorOrNull = { ...actor, facilityIds: await staff.facilitiesOf(actor.userId) };
  });
}
