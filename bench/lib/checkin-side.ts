/** One side of the check-ins benchmark: a server, its own token cursor, and what its answers said. */
import { randomUUID } from 'node:crypto';
import { benchVenueName } from './checkins-fixture.ts';
import type { ServerChild } from './children.ts';

export const checkinsEndpoint = '/api/public/checkins';
const endpoint = checkinsEndpoint;

export interface Tally {
  /** 200 with `"repeated":false`: an acknowledged, new check-in. */
  acknowledged: number;
  /** 200 with `"repeated":true`: a token reused within the repeat window (should not happen). */
  repeated: number;
  /** Any other answer. */
  other: number;
  /** Answers parsed in full and checked (one in `sampleEvery`). */
  sampled: number;
  sampleMismatches: number;
  firstProblem: string | null;
}

const sampleEvery = 50;
export const newTally = (): Tally => ({
  acknowledged: 0,
  repeated: 0,
  other: 0,
  sampled: 0,
  sampleMismatches: 0,
  firstProblem: null,
});

/** Whether a check-in answer has the documented shape and is a new check-in at the bench venue. */
export function checkAnswer(body: string): string | null {
  try {
    const a = JSON.parse(body) as {
      checkinId?: unknown;
      checkedInAt?: unknown;
      venueName?: unknown;
      status?: { colour?: unknown };
      repeated?: unknown;
    };
    if (typeof a.checkinId !== 'string' || a.checkinId === '') return 'no checkinId';
    if (typeof a.checkedInAt !== 'string' || Number.isNaN(Date.parse(a.checkedInAt))) return 'no checkedInAt';
    if (a.venueName !== benchVenueName) return `venueName ${String(a.venueName)}`;
    if (typeof a.status?.colour !== 'string') return 'no status colour';
    if (a.repeated !== false) return `repeated ${String(a.repeated)}`;
    return null;
  } catch {
    return 'not JSON';
  }
}

export class Side {
  /** Next token to use: each side has its own database, so each goes through all tokens once. */
  cursor = 0;
  tally = newTally();

  constructor(
    readonly server: ServerChild,
    readonly tokens: readonly string[],
    readonly venueCode: string,
    /** Commits check-ins (so tokens must not repeat and rows are counted). */
    readonly commits: boolean,
    /** Its PostgreSQL database, whose backends' CPU is measured (PostgreSQL only). */
    readonly database: string | null = null,
  ) {}

  get label() {
    return this.server.label;
  }

  /** Requests left before a token would come round again (set-up calls of autocannon included). */
  remaining(connections: number): number {
    return this.tokens.length - this.cursor - 2 * connections;
  }

  /** The next visitor: a new body, and their phone's session as the bearer. */
  nextRequest(): { body: string; headers: Record<string, string> } {
    const session = this.tokens[this.cursor++ % this.tokens.length] as string;
    return {
      body: JSON.stringify({ clientKey: randomUUID(), venueCode: this.venueCode }),
      headers: { authorization: `Bearer ${session}` },
    };
  }

  onResponse(status: number, body: string): void {
    const t = this.tally;
    if (status === 200 && body.includes('"repeated":false')) t.acknowledged++;
    else if (status === 200 && body.includes('"repeated":true')) t.repeated++;
    else {
      t.other++;
      t.firstProblem ??= `${status} ${body.slice(0, 300)}`;
    }
    if ((t.acknowledged + t.repeated + t.other) % sampleEvery === 0) {
      t.sampled++;
      const problem = status === 200 ? checkAnswer(body) : `status ${status}`;
      if (problem) {
        t.sampleMismatches++;
        t.firstProblem ??= `${problem}: ${body.slice(0, 300)}`;
      }
    }
  }
}

/** One POST outside the load, to check a server answers a new check-in (and, with the same token, a repeat). */
export async function checkinOnce(side: Side, session: string): Promise<{ status: number; body: string }> {
  const res = await fetch(new URL(endpoint, side.server.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
    body: JSON.stringify({ clientKey: randomUUID(), venueCode: side.venueCode }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.text() };
}
