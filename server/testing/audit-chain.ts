import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Seals every audit row committed so far into the hash chain, as the server's `audit-chain-seal`
 * job does every few seconds (migration 0045), waiting for a sealer already at work. A test that
 * changes an audit row and expects verify to notice must seal first: a row not sealed yet is covered
 * by no hash (verify reports it as pending). Returns the number of rows sealed.
 */
export async function sealAuditChain(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`select audit_chain_seal(2147483647, true) as n`.execute(db);
  return Number(r.rows[0]!.n);
}
