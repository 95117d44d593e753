import { can } from '../../../core/roles.ts';
import { inScope, type Actor } from '../../shared/actor.ts';

type Located = { path: string };
type Organisation = { locality_path: string; owner_user_id: string | null };

const owns = (a: Actor, o: Organisation) => a.role === 'organisation_admin' && o.owner_user_id === a.userId;

/**
 * Organisations: an organisation registers and keeps its own (its admin sees nothing else); the
 * officials of the place see every organisation of their subtree and decide on it, as for venues.
 */
export const organisationsPolicy = {
  mayRegister: (a: Actor) => can(a.role, 'organisations.register'),
  register: (a: Actor, commune: Located) => can(a.role, 'organisations.register') && inScope(a, commune.path),
  /** Officials of the place import their area's organisations (each row's commune is checked with `decide`). */
  mayImport: (a: Actor) => can(a.role, 'organisations.decide'),
  list: (a: Actor) => can(a.role, 'organisations.list'),
  listOnlyOwn: (a: Actor) => a.role === 'organisation_admin',
  read: (a: Actor, o: Organisation) =>
    inScope(a, o.locality_path) && (can(a.role, 'organisations.readAny') || owns(a, o)),
  /** Deciding on the organisations of a commune (an import's rows). */
  decideIn: (a: Actor, commune: Located) => can(a.role, 'organisations.decide') && inScope(a, commune.path),
  decide: (a: Actor, o: Organisation) => can(a.role, 'organisations.decide') && inScope(a, o.locality_path),
  /** The organisation's own contact fills it in; an administrator of the place may enter one for it. */
  assess: (a: Actor, o: Organisation) =>
    can(a.role, 'organisations.assess') &&
    inScope(a, o.locality_path) &&
    (a.role !== 'organisation_admin' || owns(a, o)),
  /** The workforce roster and the sites: the organisation's own (an administrator may act for it). */
  manageWorkforce: (a: Actor, o: Organisation) =>
    can(a.role, 'workforce.manage') && inScope(a, o.locality_path) && (a.role !== 'organisation_admin' || owns(a, o)),
  /** The roster and the gate compliance: officials of the place, the organisation its own. */
  readWorkforce: (a: Actor, o: Organisation) =>
    can(a.role, 'workforce.read') && inScope(a, o.locality_path) && (a.role !== 'organisation_admin' || owns(a, o)),
  /**
   * Publishing the low-risk status is the organisation's choice; the commune records it for an
   * organisation without an account of its own (an imported one).
   */
  publish: (a: Actor, o: Organisation) =>
    inScope(a, o.locality_path) && (owns(a, o) || can(a.role, 'organisations.decide')),
  /** The contact's phone is proved by a code sent to it: the organisation itself, or the commune for it. */
  verifyContact: (a: Actor, o: Organisation) =>
    inScope(a, o.locality_path) && (owns(a, o) || can(a.role, 'organisations.decide')),
  /** The safety map of an area's organisations: officials only (an organisation sees its own page). */
  readMap: (a: Actor) => can(a.role, 'organisations.list') && a.role !== 'organisation_admin',
  /** The compliance of an area's organisations together: officials only. */
  readAreaCompliance: (a: Actor) => can(a.role, 'workforce.read') && a.role !== 'organisation_admin',
  /** The gate of the organisation's sites: its own staff, or officials who may run any gate of the area. */
  operateGate: (a: Actor, o: Organisation) =>
    inScope(a, o.locality_path) && (owns(a, o) || can(a.role, 'gates.operateAny')),
  /** The organisation's screening rule: its own admin, or the commune's officials for it. */
  editScreeningSettings: (a: Actor, o: Organisation) =>
    inScope(a, o.locality_path) && (owns(a, o) || can(a.role, 'organisations.decide')),
  /** Screening tests for an organisation's workers are ordered by those who plan tests for its place. */
  orderScreening: (a: Actor, o: Organisation) => can(a.role, 'testing.plan') && inScope(a, o.locality_path),
  /** A worker with symptoms: the organisation's safety contact reports them (an administrator may for it). */
  reportSymptoms: (a: Actor, o: Organisation) =>
    can(a.role, 'workforce.manage') && inScope(a, o.locality_path) && (a.role !== 'organisation_admin' || owns(a, o)),
  /** A report of a worker with symptoms is taken in by those who trace in the place (it is on their today's work). */
  handleSymptoms: (a: Actor, o: Organisation) => can(a.role, 'cases.investigate') && inScope(a, o.locality_path),
  /** Templates are the installation's configuration: any official or organisation reads them. */
  readTemplates: (a: Actor) => can(a.role, 'organisations.list') || can(a.role, 'organisations.assess'),
};
