import type { Platform } from '../main.ts';
import type { VerifyReport } from '../modules/audit/audit-chain.service.ts';

const problems: Record<NonNullable<VerifyReport['broken']>['problem'], string> = {
  missing: 'deleted: the chain names a row that is no longer there',
  gap: 'a link of the chain is missing (removed or reordered)',
  relinked: 'the chain was rewritten here: this link does not follow the one before it',
  changed: 'changed after it was written: its content no longer gives its chain hash',
  unchained: 'written without its chain link or a place in the sealing queue (the trigger was switched off)',
  checkpoint_mismatch: 'a signed checkpoint disagrees with the chain (the chain was rewritten)',
  checkpoint_signature: 'a checkpoint signature does not verify',
  checkpoint_unknown_key: 'a checkpoint is signed with an unknown key',
};

/** The lines `phongdich audit verify` prints: OK with counts and the head, or the first broken row. */
export function formatVerifyReport(r: VerifyReport): string[] {
  const counts = `${r.counts.events} events, ${r.counts.subjects} lists of people, ${r.counts.chained} chain links, ${r.counts.checkpoints} signed checkpoints`;
  const head = r.head ? `head: link ${r.head.seq} ${r.head.hash} (${r.head.chainedAt})` : 'head: the chain is empty';
  const checkpoint = r.lastCheckpoint
    ? `last checkpoint: ${r.lastCheckpoint.at} at link ${r.lastCheckpoint.seq}; ${r.uncheckpointed} links after it`
    : `no checkpoint yet; ${r.uncheckpointed} links not covered by a signature`;
  const pending = r.pending.rows
    ? `pending: ${r.pending.rows} rows written and not sealed yet, the oldest queued ${r.pending.oldestQueuedAt} (${r.pending.oldestAgeSeconds!.toFixed(1)} s ago); no hash covers them until the sealer runs`
    : 'pending: none, every row is sealed';
  if (r.ok) return [`OK: ${counts}`, head, checkpoint, pending];
  const b = r.broken!;
  const event = b.event
    ? `audit event ${b.event.id} at ${b.event.at}, action ${b.event.action} on ${b.event.entityType}${b.event.actorName ? ` by ${b.event.actorName}` : ''}`
    : null;
  return [
    `BROKEN: ${problems[b.problem]}`,
    ...(event ? [`first broken row: ${event}`] : []),
    `where: ${b.detail}`,
    `checked: ${counts}`,
    pending,
  ];
}

/** `phongdich audit verify`: prints the report; a broken log sets a non-zero exit code. */
export async function auditVerify(p: Platform): Promise<boolean> {
  const report = await p.services.auditChain.verify();
  const lines = formatVerifyReport(report);
  (report.ok ? console.log : console.error)(lines.join('\n'));
  return report.ok;
}

/** `phongdich audit seal`: links the rows written so far into the chain now, as the server's job does. */
export async function auditSeal(p: Platform): Promise<void> {
  const n = await p.services.auditChain.seal({ wait: true });
  console.log(`${n} audit rows sealed into the chain`);
}
