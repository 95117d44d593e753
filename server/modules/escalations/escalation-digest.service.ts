import { vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { DirectiveEscalation } from '../directives/directives.module.ts';
import type { NotificationsService } from '../notifications/notifications.module.ts';
import type { LateEscalation } from '../reports/reports.module.ts';
import type { UnitsService } from '../units/units.module.ts';
import { digestWords, directiveLine, lateReportLine, type DigestLine } from './escalations.messages.ts';
import type { EscalationsRepository } from './escalations.repository.ts';

export const DIGEST_QUEUE = 'escalation-digest';
/** The hour (Viet Nam time) the digest goes out: the start of a working day. */
export const DIGEST_HOUR = 8;
const HOUR_MS = 3_600_000;

interface DigestJob {
  day: string;
  /** The instant the escalations are read at: the scan that queued the day's run. */
  at: string;
}

/** A matter escalated to a unit's officers, with the page that shows it. */
interface Escalated {
  unitId: string;
  line: DigestLine;
  link: string;
}

/**
 * The daily digest of escalations (issue 16). The reminders escalate one matter at a time; an
 * official above many units would receive a message per late unit and overdue task. The digest
 * gives each official who has something escalated to them one message a day, at 08:00 Viet Nam
 * time, listing it all: units below theirs late with a report from its second late day (as the
 * report reminders escalate), recipients of their unit's directives that have not acknowledged by
 * the 4th day, and tasks of their directives not done after the deadline.
 *
 * A platform job calls `scheduleDue` every 15 minutes; from 08:00 it queues the day's run once on the
 * durable job queue (retried by pg-boss if it fails). The run claims each official's digest (one row
 * per official and day) in the transaction that writes the message: a second run, a retry after a
 * partial failure or two nodes at once, sends nobody a second digest.
 */
export class EscalationDigest {
  constructor(
    private readonly db: Db,
    private readonly repo: EscalationsRepository,
    private readonly queue: JobQueue,
    private readonly units: UnitsService,
    private readonly notifications: NotificationsService,
    private readonly sources: {
      lateReports: (now: Date) => Promise<LateEscalation[]>;
      directives: (db: Db, today: string) => Promise<DirectiveEscalation[]>;
    },
  ) {
    queue.define<DigestJob>({
      name: DIGEST_QUEUE,
      handle: async (job) => void (await this.run(job.data.day, new Date(job.data.at))),
    });
  }

  /** Queues today's run once, from 08:00 Viet Nam time; answers whether this call queued it. */
  async scheduleDue(now = new Date()): Promise<boolean> {
    const day = vietnamToday(now);
    if (now.getTime() < vietnamMidnight(day).getTime() + DIGEST_HOUR * HOUR_MS) return false;
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.repo.queueDay(trx, day))) return false;
      await this.queue.send(trx, DIGEST_QUEUE, { day, at: now.toISOString() } satisfies DigestJob);
      return true;
    });
  }

  /**
   * Sends the day's digests: reads what is escalated at `at`, groups it per official, and writes one
   * message to each official not yet claimed for the day. Answers how many digests this run sent.
   */
  async run(day: string, at: Date): Promise<number> {
    const escalated = await this.escalated(day, at);
    if (escalated.length === 0) return 0;
    const officers = await this.units.officersOf(this.db, [...new Set(escalated.map((e) => e.unitId))]);
    const perOfficial = new Map<string, Escalated[]>();
    for (const o of officers) {
      const mine = escalated.filter((e) => e.unitId === o.unit_id);
      perOfficial.set(o.user_id, [...(perOfficial.get(o.user_id) ?? []), ...mine]);
    }
    let sent = 0;
    for (const [userId, items] of perOfficial) {
      if (items.length === 0) continue;
      // One transaction per official: a failure part-way leaves the others' digests sent and claimed.
      const claimed = await this.db.transaction().execute(async (trx) => {
        if (!(await this.repo.claim(trx, userId, day, items.length))) return false;
        const links = new Set(items.map((i) => i.link));
        await this.notifications.notify(trx, [userId], {
          kind: 'escalation_digest',
          ...digestWords(
            day,
            items.map((i) => i.line),
          ),
          link: links.size === 1 ? [...links][0]! : '/reports',
          key: `escalation_digest:${day}`,
        });
        return true;
      });
      if (claimed) sent++;
    }
    return sent;
  }

  /** The officials who received a day's digest (tests, diagnostics). */
  sentOn(day: string) {
    return this.repo.digestsOf(this.db, day);
  }

  /** Runs the queued digests (tests; the server's workers poll instead). */
  drain(): Promise<number> {
    return this.queue.drain(DIGEST_QUEUE);
  }

  private async escalated(day: string, at: Date): Promise<Escalated[]> {
    const late = await this.sources.lateReports(at);
    const directives = await this.sources.directives(this.db, day);
    // Directives first: fewer and more particular than a list of late units, they are never cut off.
    return [
      ...directives.map((e) => ({
        unitId: e.issuerUnitId,
        line: directiveLine(e),
        link: `/directives/${e.directiveId}`,
      })),
      ...late.map((e) => ({
        unitId: e.supervisorUnitId,
        line: lateReportLine(e),
        link: `/reports/units/${e.unit.id}?period=${encodeURIComponent(e.period.id)}`,
      })),
    ];
  }
}
