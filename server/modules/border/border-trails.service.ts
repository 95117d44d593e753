import { AppError } from '../../../core/errors.ts';
import { patrolWindows } from '../../../core/rules/border/border-rules.ts';
import { parseGpx } from '../../../core/rules/border/gpx.ts';
import type { LineString, PatrolRequest, TrailRequest, TrailView } from '../../../core/schemas/border.ts';
import type { Actor } from '../../shared/actor.ts';
import { recordedBy } from '../../shared/actor.ts';
import type { BorderDeps } from './border-deps.ts';
import { borderMessages as m, gpxProblemMessages } from './border.messages.ts';
import { BorderPlaces } from './border-places.ts';
import { borderPolicy as policy } from './border.policy.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Trails and openings drawn over the commune outlines, and the patrols that walked them. */
export class BorderTrailsService {
  private readonly places: BorderPlaces;

  constructor(private readonly d: BorderDeps) {
    this.places = new BorderPlaces(d.localities);
  }

  private now(): Date {
    return this.d.clock ? this.d.clock() : new Date();
  }

  async create(actor: Actor, req: TrailRequest): Promise<TrailView> {
    const resent = await this.d.field.findTrailByClientKey(this.d.db, req.clientKey);
    if (resent) return this.view(actor, resent.id);
    // The outlines are read before the transaction: PGlite has one connection.
    const commune = await this.places.communeOrThrow(this.d.db, actor, req.communeCode, 'communeCode');
    if (!policy.manageAt(actor, { locality_path: commune.path })) throw new AppError('FORBIDDEN');
    await this.places.checkLine(commune, req.line.coordinates, 'line.coordinates', actor.locale);
    return this.d.db.transaction().execute(async (trx) => {
      const id = await this.d.field.insertTrail(trx, {
        client_key: req.clientKey,
        name: req.name,
        risk: req.risk,
        line: JSON.stringify(req.line),
        commune_code: commune.code,
        locality_path: commune.path,
        province_code: commune.province_code ?? commune.code,
        created_by: recordedBy(actor),
      });
      await this.d.audit.record(trx, actor, {
        action: 'create',
        entityType: 'border_trail',
        entityId: id,
        localityCode: commune.code,
        localityPath: commune.path,
        after: { name: req.name, risk: req.risk, points: req.line.coordinates.length },
      });
      return this.viewIn(trx, actor, id);
    });
  }

  private async view(actor: Actor, id: string): Promise<TrailView> {
    return this.viewIn(this.d.db, actor, id);
  }

  private async viewIn(db: BorderDeps['db'], actor: Actor, id: string): Promise<TrailView> {
    const trail = await this.d.field.findTrail(db, id);
    if (!trail || !policy.readAt(actor, trail)) throw new AppError('NOT_FOUND');
    const all = await this.d.field.trails(db, trail.locality_path);
    const row = all.find((r) => r.id === id)!;
    return this.toView(row);
  }

  /** Every trail of the area with whether it was patrolled in the last 24 h and 72 h. */
  async list(actor: Actor, q: { locality?: string }): Promise<TrailView[]> {
    if (!policy.read(actor)) throw new AppError('FORBIDDEN');
    const within = q.locality
      ? (await this.d.localities.findReadableOrThrow(actor, q.locality, this.d.db)).path
      : actor.scope.path;
    return (await this.d.field.trails(this.d.db, within)).map((r) => this.toView(r));
  }

  private toView(r: Awaited<ReturnType<BorderDeps['field']['trails']>>[number]): TrailView {
    const last = r.last_patrol_ended_at === null ? null : new Date(r.last_patrol_ended_at);
    const windows = patrolWindows(last, this.now());
    return {
      id: r.id,
      name: r.name,
      risk: r.risk,
      communeCode: r.commune_code,
      line: r.line as LineString,
      lastPatrolEndedAt: last ? iso(last) : null,
      patrolledWithin24h: windows.within24h,
      patrolledWithin72h: windows.within72h,
    };
  }

  /** A patrol on a trail: its time and team, and its route drawn or read from a phone's GPX track. */
  async patrol(actor: Actor, trailId: string, req: PatrolRequest) {
    const t = actor.locale;
    return this.d.db.transaction().execute(async (trx) => {
      const trail = await this.d.field.findTrail(trx, trailId);
      if (!trail || !policy.readAt(actor, trail)) throw new AppError('NOT_FOUND');
      if (!policy.recordAt(actor, trail, true)) throw new AppError('FORBIDDEN');
      const resent = await this.d.field.findPatrolByClientKey(trx, req.clientKey);
      if (resent) {
        if (resent.trail_id !== trail.id)
          throw new AppError('CONFLICT', [{ path: 'clientKey', message: m.otherRecord[t] }]);
        return this.patrolView(resent);
      }
      const started = new Date(req.startedAt);
      const ended = new Date(req.endedAt);
      if (ended < started)
        throw new AppError('VALIDATION_FAILED', [{ path: 'endedAt', message: m.endsBeforeStart[t] }]);
      if (ended.getTime() > this.now().getTime() + 5 * 60_000)
        throw new AppError('VALIDATION_FAILED', [{ path: 'endedAt', message: m.inFuture[t] }]);
      let route: LineString | null = req.route ?? null;
      let source: 'drawn' | 'gpx' | 'none' = route ? 'drawn' : 'none';
      if (req.gpx !== undefined) {
        const read = parseGpx(req.gpx);
        if (!read.ok)
          throw new AppError('VALIDATION_FAILED', [{ path: 'gpx', message: gpxProblemMessages[read.problem][t] }]);
        route = { type: 'LineString', coordinates: read.coordinates };
        source = 'gpx';
      }
      const row = await this.d.field.insertPatrol(trx, {
        client_key: req.clientKey,
        trail_id: trail.id,
        started_at: started,
        ended_at: ended,
        team: JSON.stringify(req.team),
        route: route ? JSON.stringify(route) : null,
        source,
        locality_path: trail.locality_path,
        province_code: trail.province_code,
        created_by: recordedBy(actor),
      });
      await this.d.audit.record(trx, actor, {
        action: 'create',
        entityType: 'border_patrol',
        entityId: row.id,
        localityPath: trail.locality_path,
        after: { trailId: trail.id, source, team: req.team.length },
      });
      return this.patrolView(row);
    });
  }

  private patrolView(p: Awaited<ReturnType<BorderDeps['field']['insertPatrol']>>) {
    const route = p.route as LineString | null;
    return {
      id: p.id,
      trailId: p.trail_id,
      startedAt: iso(p.started_at),
      endedAt: iso(p.ended_at),
      source: p.source,
      points: route?.coordinates.length ?? 0,
    };
  }
}
