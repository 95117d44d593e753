import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { AuditChainRepository, ChainProblem } from './audit-chain.repository.ts';

/** A checkpoint signing key, derived from the instance secret; only its id is stored beside a checkpoint. */
export interface CheckpointKey {
  id: string;
  key: Buffer;
}

/**
 * The key that signs chain checkpoints. Derived (HKDF) from the instance secret, which services
 * receive from configuration: it never sits in the database the chain is in.
 */
export function checkpointKeyFrom(secret: string): CheckpointKey {
  const key = Buffer.from(hkdfSync('sha256', secret, 'phongdich', 'audit-checkpoint-v1', 32));
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 12), key };
}

export interface BrokenRow {
  /** What is wrong, in words an operator acts on. */
  problem: ChainProblem | 'unchained' | 'checkpoint_mismatch' | 'checkpoint_signature' | 'checkpoint_unknown_key';
  /** The audit event concerned (the event a list of people belongs to), when it still exists. */
  event: { id: string; at: string; action: string; entityType: string; actorName: string | null } | null;
  /** The row named when the event itself is gone or the problem is a checkpoint. */
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  counts: { events: number; subjects: number; chained: number; checkpoints: number };
  head: { seq: string; hash: string; chainedAt: string } | null;
  lastCheckpoint: { id: string; at: string; seq: string } | null;
  /** Links after the last checkpoint: rewritable without the key until the next checkpoint. */
  uncheckpointed: number;
  /**
   * Rows written and not sealed into the chain yet (the sealer job links them every few seconds).
   * No hash covers them yet: a change to one before it is sealed is not detected.
   */
  pending: { rows: number; oldestQueuedAt: string | null; oldestAgeSeconds: number | null };
  broken: BrokenRow | null;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** What a checkpoint's signature covers: the head, when, and the checkpoint before it. */
function checkpointMessage(
  c: { seq: string; headHash: Uint8Array; at: Date },
  previousSignature: Uint8Array | null,
): string {
  return `phongdich.audit.checkpoint.v1|${c.seq}|${hex(c.headHash)}|${c.at.toISOString()}|${previousSignature ? hex(previousSignature) : ''}`;
}

const sign = (key: Buffer, message: string) => createHmac('sha256', key).update(message).digest();

/**
 * The audit log's integrity: sealing written rows into the hash chain and signing checkpoints of it
 * (jobs), and the verification `phongdich audit verify` runs. Only the system uses it: no route
 * exposes it.
 */
export class AuditChainService {
  /** @param keys the signing key first, then earlier keys still accepted when verifying */
  constructor(
    private readonly db: Db,
    private readonly chain: AuditChainRepository,
    private readonly keys: readonly [CheckpointKey, ...CheckpointKey[]],
  ) {}

  /**
   * Seals the rows queued by committed transactions into the chain, in batches, until the queue is
   * empty or `maxBatches` are done. Without `wait`, returns 0 at once when another sealer is at work
   * (several server processes may run the job); with it, queues behind that sealer (shutdown, tests).
   */
  async seal(o: { batch?: number; maxBatches?: number; wait?: boolean } = {}): Promise<number> {
    const batch = o.batch ?? 5000;
    let total = 0;
    for (let i = 0; i < (o.maxBatches ?? 100); i++) {
      const n = await this.chain.seal(this.db, batch, o.wait ?? false);
      total += n;
      if (n < batch) break;
    }
    return total;
  }

  /** Signs the current chain head, unless no link was added since the last checkpoint. */
  async checkpoint(now = new Date()): Promise<{ seq: string; hash: string } | null> {
    return this.db.transaction().execute(async (trx) => {
      await this.chain.lockCheckpoints(trx);
      const head = await this.chain.head(trx);
      const last = await this.chain.lastCheckpoint(trx);
      if (!head || (last && last.seq === head.seq)) return null;
      const [key] = this.keys;
      const at = new Date(Math.max(now.getTime(), last ? last.at.getTime() + 1 : 0));
      const signature = sign(
        key.key,
        checkpointMessage({ seq: head.seq, headHash: head.hash, at }, last?.signature ?? null),
      );
      await this.chain.insertCheckpoint(trx, {
        at,
        seq: head.seq,
        headHash: Buffer.from(head.hash),
        keyId: key.id,
        signature,
      });
      return { seq: head.seq, hash: hex(head.hash) };
    });
  }

  /**
   * Checks the whole log: every link of the chain (set-based, in the database), every audit row
   * chained or queued for sealing (those counted apart, with the oldest's age), every checkpoint signed by our key over the checkpoint before it and matching the
   * chain. Stops at the first problem, in chain order.
   */
  async verify(): Promise<VerifyReport> {
    const [counts, head, last] = [
      await this.chain.counts(this.db),
      await this.chain.head(this.db),
      await this.chain.lastCheckpoint(this.db),
    ];
    const report: VerifyReport = {
      ok: true,
      counts,
      broken: null,
      head: head ? { seq: head.seq, hash: hex(head.hash), chainedAt: head.chained_at.toISOString() } : null,
      lastCheckpoint: last ? { id: last.id, at: last.at.toISOString(), seq: last.seq } : null,
      uncheckpointed: await this.chain.countAfter(this.db, last?.seq ?? '0'),
      pending: await this.pending(),
    };
    report.broken =
      (await this.brokenLink()) ??
      (await this.unchainedRow()) ??
      (await this.pendingMissing()) ??
      (await this.badCheckpoint());
    report.ok = report.broken === null;
    return report;
  }

  private async brokenLink(): Promise<BrokenRow | null> {
    const link = await this.chain.firstBrokenLink(this.db);
    if (!link) return null;
    const eventId = link.event_id;
    const what =
      link.entry_table === 'audit_events'
        ? `audit event ${link.entry_id}`
        : `people of an audit event (row ${link.entry_id})`;
    return {
      problem: link.problem,
      event: eventId ? await this.eventSummary(eventId) : null,
      detail: `${what}, chain link ${link.seq} written ${link.chained_at.toISOString()}`,
    };
  }

  private async pending(): Promise<VerifyReport['pending']> {
    const p = await this.chain.pending(this.db);
    return { rows: p.rows, oldestQueuedAt: p.oldest?.toISOString() ?? null, oldestAgeSeconds: p.ageSeconds };
  }

  /** A row queued for sealing and deleted before it was. */
  private async pendingMissing(): Promise<BrokenRow | null> {
    const row = await this.chain.firstPendingMissing(this.db);
    if (!row) return null;
    const what =
      row.entry_table === 'audit_events' ? `audit event ${row.id}` : `people of an audit event (row ${row.id})`;
    return {
      problem: 'missing',
      event: row.entry_table === 'audit_events' ? null : await this.eventSummary(row.event_id),
      detail: `${what}, queued for sealing and gone before it was sealed`,
    };
  }

  private async unchainedRow(): Promise<BrokenRow | null> {
    const row = await this.chain.firstUnchained(this.db);
    if (!row) return null;
    const eventId =
      row.entry_table === 'audit_events' ? row.id : (await this.chain.findSubjectsEvent(this.db, row.id))?.event_id;
    return {
      problem: 'unchained',
      event: eventId ? await this.eventSummary(eventId) : null,
      detail: row.entry_table === 'audit_events' ? `audit event ${row.id}` : `people of an audit event (row ${row.id})`,
    };
  }

  /** Signatures are checked in Node, checkpoint after checkpoint (there are few: one per job run with news). */
  private async badCheckpoint(): Promise<BrokenRow | null> {
    const mismatch = await this.chain.firstCheckpointMismatch(this.db);
    let after = '0';
    let previous: Uint8Array | null = null;
    for (;;) {
      const page = await this.chain.checkpointsAfter(this.db, after, 1000);
      for (const c of page) {
        if (mismatch && mismatch.id === c.id)
          return checkpointProblem('checkpoint_mismatch', c, 'the chain no longer has the head it signed');
        const key = this.keys.find((k) => k.id === c.key_id);
        if (!key)
          return checkpointProblem(
            'checkpoint_unknown_key',
            c,
            `signed with a key this instance does not hold (key ${c.key_id})`,
          );
        const expected = sign(key.key, checkpointMessage({ seq: c.seq, headHash: c.head_hash, at: c.at }, previous));
        const given = Buffer.from(c.signature);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          return checkpointProblem(
            'checkpoint_signature',
            c,
            'its signature does not match (forged, edited, or a checkpoint before it removed)',
          );
        }
        previous = c.signature;
      }
      if (page.length < 1000) return null;
      after = page.at(-1)!.id;
    }
  }

  private async eventSummary(id: string): Promise<BrokenRow['event']> {
    const e = await this.chain.findEvent(this.db, id);
    return e
      ? { id: e.id, at: e.at.toISOString(), action: e.action, entityType: e.entity_type, actorName: e.actor_name }
      : null;
  }
}

function checkpointProblem(
  problem: BrokenRow['problem'],
  c: { id: string; at: Date; seq: string },
  why: string,
): BrokenRow {
  return { problem, event: null, detail: `checkpoint ${c.id} of ${c.at.toISOString()} (chain link ${c.seq}): ${why}` };
}
