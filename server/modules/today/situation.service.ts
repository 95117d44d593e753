import { can, type Capability } from '../../../core/roles.ts';
import type { SituationFigure, SituationFigureKind, SituationView } from '../../../core/schemas/situation.ts';
import { addDays, vietnamMidnight, vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import { boundFacilities, type Actor } from '../../shared/actor.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { SituationRepository } from './situation.repository.ts';

/** What the situation asks of the risk module (its services, wired by the module's entry point). */
export interface SituationRiskPort {
  /** Cases confirmed per day by classification in a subtree (the stored daily counts). */
  casesByDay(
    path: string,
    from: string,
    to: string,
  ): Promise<{ day: string; community: number; inQuarantine: number; imported: number }[]>;
  levelSituation(actor: Actor, code: string, now: Date): Promise<NonNullable<SituationView['levels']> & LevelsPending>;
}
interface LevelsPending {
  awaitingDecision: { today: number; yesterday: number };
}

/** Who reads each figure (core/roles.ts): a role that may not read cases sees no case figure. */
export const figureCapability: Record<SituationFigureKind, Capability> = {
  cases_community: 'cases.read',
  cases_in_quarantine: 'cases.read',
  cases_imported: 'cases.read',
  people_in_quarantine: 'quarantine.read',
  tests_pending: 'testing.read',
  beds_occupied: 'treatment.occupancy',
  contacts_to_confirm: 'cases.read',
  levels_to_decide: 'risk.read',
};

/** Where each figure's list is, filtered to what the figure counts (the web client's pages). */
function linkOf(kind: SituationFigureKind, today: string): string {
  const confirmedToday = `confirmedFrom=${today}&confirmedTo=${today}`;
  switch (kind) {
    case 'cases_community':
      return `/cases?classification=community&${confirmedToday}`;
    case 'cases_in_quarantine':
      return `/cases?classification=in_quarantine&${confirmedToday}`;
    case 'cases_imported':
      return `/cases?classification=imported&${confirmedToday}`;
    case 'people_in_quarantine':
      return '/quarantine';
    case 'tests_pending':
      return '/testing?tab=orders';
    case 'beds_occupied':
      return '/treatment';
    case 'contacts_to_confirm':
      return '/cases?tab=follow-up&status=proposed';
    case 'levels_to_decide':
      return '/risk';
  }
}

/**
 * The home page's situation room: the area's headline figures beside yesterday's, and its
 * communes' levels, in one answer. Cases come from the stored daily counts and levels from the
 * risk module's assessment; the states are indexed counts. Only aggregates: nothing is audited.
 */
export class SituationService {
  constructor(
    private readonly db: Db,
    private readonly repo: SituationRepository,
    private readonly localities: LocalitiesService,
    private readonly risk: SituationRiskPort,
  ) {}

  async situation(actor: Actor, q: { locality?: string }, now = new Date()): Promise<SituationView> {
    const place = await this.localities.findReadableOrThrow(actor, q.locality ?? actor.scope.code, this.db);
    const today = vietnamToday(now);
    const yesterday = addDays(today, -1);
    const since = vietnamMidnight(today);
    const facilities = boundFacilities(actor);
    const reads = (kind: SituationFigureKind) => can(actor.role, figureCapability[kind]);
    const scope = { path: place.path, since, facilities };
    const none = Promise.resolve(null);
    // Cases first: reading them recounts the stale daily cells once, before the levels read them.
    const cases = reads('cases_community') ? await this.risk.casesByDay(place.path, yesterday, today) : null;
    const [levels, quarantine, tests, beds, contacts] = await Promise.all([
      reads('levels_to_decide') ? this.risk.levelSituation(actor, place.code, now) : none,
      reads('people_in_quarantine')
        ? this.repo.peopleInQuarantine(this.db, { path: place.path, today, yesterday, facilities })
        : none,
      reads('tests_pending') ? this.repo.testsPending(this.db, scope) : none,
      reads('beds_occupied') ? this.repo.bedsOccupied(this.db, scope) : none,
      reads('contacts_to_confirm') ? this.repo.contactsToConfirm(this.db, scope) : none,
    ]);
    const figures: SituationFigure[] = [];
    const add = (kind: SituationFigureKind, value: number, before: number) =>
      figures.push({ kind, value, yesterday: before, link: linkOf(kind, today) });
    if (cases) {
      const on = (day: string) => cases.find((c) => c.day === day);
      add('cases_community', on(today)?.community ?? 0, on(yesterday)?.community ?? 0);
      add('cases_in_quarantine', on(today)?.inQuarantine ?? 0, on(yesterday)?.inQuarantine ?? 0);
      add('cases_imported', on(today)?.imported ?? 0, on(yesterday)?.imported ?? 0);
    }
    if (quarantine) add('people_in_quarantine', quarantine.now, quarantine.before);
    if (tests) add('tests_pending', tests.now, tests.before);
    if (beds) add('beds_occupied', beds.now, beds.before);
    if (contacts) add('contacts_to_confirm', contacts.now, contacts.before);
    if (levels) add('levels_to_decide', levels.awaitingDecision.today, levels.awaitingDecision.yesterday);
    return {
      date: today,
      locality: { code: place.code, name: place.full_name },
      figures,
      levels: levels && { ruleSet: levels.ruleSet, communes: levels.communes },
    };
  }
}
