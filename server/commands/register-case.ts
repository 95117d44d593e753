import type { CaseView, CreateCaseRequest } from '../../core/schemas/cases.ts';
import { MAX_STAY_MINUTES } from '../../core/rules/exposure.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { CaseCommandDeps } from './case-command-deps.ts';

/**
 * Registers a case and, in one transaction, marks the person F0 (QR red), links the case to its
 * infectors (named, or found because the person was a confirmed contact) and proposes its F1s.
 * A resend with the same client key returns the first case.
 */
export async function registerCase(d: CaseCommandDeps, actor: Actor, req: CreateCaseRequest): Promise<CaseView> {
  const earlier = await d.cases.findByClientKey(d.db, req.clientKey);
  if (earlier) return d.cases.view(d.db, await d.cases.findReadableOrThrow(d.db, actor, earlier.id));
  try {
    return await d.db.transaction().execute((trx) => registerCaseIn(trx, d, actor, req));
  } catch (err) {
    // A twin request committed first: answer with its case.
    const twin = await d.cases.findByClientKey(d.db, req.clientKey);
    if (twin) return d.cases.view(d.db, await d.cases.findReadableOrThrow(d.db, actor, twin.id));
    throw err;
  }
}

/** Every step writes with `trx`, so the case, its links, the person's level and the proposals commit together. */
async function registerCaseIn(trx: Db, d: CaseCommandDeps, actor: Actor, req: CreateCaseRequest): Promise<CaseView> {
  const person = await d.peopleRegistry.resolve(trx, actor, req.subject, 'subject');
  const { id, caseNumber, place } = await d.cases.insertIn(trx, actor, req, person);
  await d.tracing.refreshPersonLevel(trx, person.id);
  const c = (await d.cases.findById(trx, id))!;
  await d.cases.addLinks(trx, await d.tracing.infectorsFoundFor(trx, c));
  const traced = await d.tracing.traceCase(trx, c);
  // Visitors' phones learn of the case's stays from the feed, without learning who it was.
  const published = await d.exposure.publishForCase(
    trx,
    { caseId: c.id, personId: c.person_id, profileCode: c.profile_code },
    {
      from: new Date(traced.window.from),
      // A case not isolated yet is still infectious: its stays are published whole, not cut at this instant.
      to: c.isolated_at ? new Date(traced.window.to) : new Date(Date.now() + MAX_STAY_MINUTES * 60_000),
    },
  );
  await d.auditTrail.record(trx, actor, {
    action: 'create',
    entityType: 'case',
    entityId: id,
    localityCode: place.code,
    localityPath: place.path,
    after: {
      caseNumber,
      classification: req.classification,
      proposedContacts: traced.proposed,
      exposureEntries: published,
    },
  });
  return d.cases.view(trx, c);
}
