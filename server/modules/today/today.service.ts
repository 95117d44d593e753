import { todayKinds, type TodayKind, type TodayWork } from '../../../core/schemas/today.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { boundFacilities, type Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { todayPolicy } from './today.policy.ts';
import type { TodayRepository, TodayRow } from './today.repository.ts';

/** Today's work in the user's area (a facility staff account: its facilities): one group per kind of task their role acts on. */
export class TodayService {
  constructor(
    private readonly db: Db,
    private readonly repo: TodayRepository,
    private readonly localities: LocalitiesService,
    /** Communes whose computed level awaits the steering committee (the risk module). */
    private readonly levelsToDecide: (actor: Actor, path: string, limit: number, now: Date) => Promise<TodayRow[]>,
    private readonly audit: AuditTrailService,
    /** Follow-ups of high and very-high self-assessments (the organisations module). */
    private readonly workplaceFollowUps: (actor: Actor, path: string, limit: number, now: Date) => Promise<TodayRow[]>,
    /** People another province referred here (the federation module; none when not federated). */
    private readonly referralsIn: (actor: Actor, path: string, limit: number) => Promise<TodayRow[]> = async () => [],
    /** Citizens' self-reports of symptoms or a positive rapid test (the exposure module). */
    private readonly selfReports: (actor: Actor, path: string, limit: number) => Promise<TodayRow[]> = async () => [],
    /** Corrective actions past their deadline, of the units the user inspects for (the inspections module). */
    private readonly overdueActions: (
      actor: Actor,
      path: string,
      limit: number,
      now: Date,
    ) => Promise<TodayRow[]> = async () => [],
    /** National directives this province has not acknowledged (the federation module; none when not federated). */
    private readonly nationalDirectives: (
      actor: Actor,
      path: string,
      limit: number,
    ) => Promise<TodayRow[]> = async () => [],
    /** Workers with symptoms reported by their organisation (the organisations module). */
    private readonly workplaceSymptoms: (
      actor: Actor,
      path: string,
      limit: number,
    ) => Promise<TodayRow[]> = async () => [],
  ) {}

  async work(actor: Actor, q: { locality?: string; perGroup: number }, now = new Date()): Promise<TodayWork> {
    const path = await this.localities.listScope(actor, q.locality, this.db);
    const today = vietnamToday(now);
    const facilities = boundFacilities(actor);
    const fetchers: Record<TodayKind, () => Promise<TodayRow[]>> = {
      contacts_to_decide: () => this.repo.contactsToDecide(this.db, path, today, q.perGroup),
      quarantine_to_arrange: () => this.repo.quarantineToArrange(this.db, path, today, q.perGroup),
      tests_due: () => this.repo.testsDue(this.db, path, today, q.perGroup, facilities),
      releases_due: () => this.repo.releasesDue(this.db, path, today, q.perGroup, facilities),
      missing_reports: () => this.repo.missingReports(this.db, path, today, q.perGroup, facilities),
      case_proposals: () => this.repo.caseProposals(this.db, path, today, q.perGroup),
      capacity_alerts: () => this.repo.capacityAlerts(this.db, path, q.perGroup, facilities),
      levels_to_decide: () => this.levelsToDecide(actor, path, q.perGroup, now),
      link_requests: () => this.repo.linkRequests(this.db, path, today, q.perGroup),
      workplace_follow_ups: () => this.workplaceFollowUps(actor, path, q.perGroup, now),
      referrals_in: () => this.referralsIn(actor, path, q.perGroup),
      self_reports: () => this.selfReports(actor, path, q.perGroup),
      overdue_actions: () => this.overdueActions(actor, path, q.perGroup, now),
      national_directives: () => this.nationalDirectives(actor, path, q.perGroup),
      workplace_symptoms: () => this.workplaceSymptoms(actor, path, q.perGroup),
    };
    const groups = [];
    const people: (string | null)[] = [];
    for (const kind of todayKinds) {
      if (!todayPolicy.sees(actor, kind)) continue;
      const rows = await fetchers[kind]();
      people.push(...rows.map((r) => r.person_id));
      groups.push({
        kind,
        count: Number(rows[0]?.total ?? 0),
        overdue: Number(rows[0]?.overdue_total ?? 0),
        items: rows.map((r) => ({ id: r.id, label: r.label, dueOn: r.due_on, overdue: r.overdue, link: r.link })),
      });
    }
    // Tasks are labelled with people's names: a list that shows someone is a logged read.
    if (people.some((id) => id !== null)) {
      await this.audit.record(this.db, actor, {
        action: 'read_list',
        entityType: 'work_list',
        entityId: null,
        localityPath: path,
        subjectIds: people,
      });
    }
    return { date: today, groups };
  }
}
