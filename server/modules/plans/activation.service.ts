import { AppError } from '../../../core/errors.ts';
import { activationProgress, levelChange, taskDeadline, taskStanding } from '../../../core/rules/plans/activation.ts';
import type { ActivationView, WhatIfView } from '../../../core/schemas/plans.ts';
import { vietnamToday } from '../../../core/vietnam-calendar.ts';
import type { Db } from '../../db/database.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { systemActor, type Actor } from '../../shared/actor.ts';
import type { DecidedLevel } from '../risk/risk.module.ts';
import type { UnitRecord } from '../units/units.module.ts';
import type { PlansContext } from './plans-context.ts';
import { planMessages as messages } from './plans.messages.ts';
import { plansPolicy as policy } from './plans.policy.ts';
import { iso, levelWords } from './plans.presenter.ts';
import type { ActivationRecord } from './plans.repository.ts';
import type { ReadinessService } from './readiness.service.ts';

export const LEVEL_IN_FORCE_QUEUE = 'plans-level-in-force';

interface LevelInForceJob {
  localityCode: string;
  effectiveFrom: string;
}

/** The decision in force for a locality at a moment (the risk module). */
export interface DecidedLevels {
  decidedAt(db: Db, localityCode: string, at: Date): Promise<DecidedLevel | undefined>;
}

/**
 * Activation follows the level (issue 18). Each level decision queues one job, due when the
 * decision takes effect (after its notice): the job reads the level then in force for the
 * locality — a later decision may have replaced it — and, for each unit of that area with an
 * approved plan, opens the level's section (tasks with their deadlines, the responsible units and
 * the committee notified) and closes the sections above it. Nothing polls.
 */
export class ActivationService {
  constructor(
    private readonly c: PlansContext,
    private readonly queue: JobQueue,
    private readonly decided: DecidedLevels,
    private readonly readiness: ReadinessService,
  ) {
    queue.define<LevelInForceJob>({
      name: LEVEL_IN_FORCE_QUEUE,
      handle: (job) => this.applyLevel(job.data.localityCode, new Date(job.data.effectiveFrom)).then(() => undefined),
    });
  }

  /** Queues the activation for when the decision takes effect, in the transaction recording it. */
  async onLevelDecided(db: Db, d: DecidedLevel): Promise<void> {
    await this.queue.send<LevelInForceJob>(
      db,
      LEVEL_IN_FORCE_QUEUE,
      { localityCode: d.localityCode, effectiveFrom: d.effectiveFrom.toISOString() },
      { startAfter: d.effectiveFrom },
    );
  }

  /** Applies the level in force at `at` to the plans of the locality's units; answers the sections opened. */
  async applyLevel(localityCode: string, at: Date): Promise<number> {
    return this.c.db.transaction().execute(async (trx) => {
      const level = await this.decided.decidedAt(trx, localityCode, at);
      if (!level) return 0;
      const units = (await this.c.units.within(trx, level.localityPath)).filter(
        (u) => u.locality_code === localityCode,
      );
      const plans = new Map(
        (
          await this.c.repo.approvedOf(
            trx,
            units.map((u) => u.id),
          )
        ).map((p) => [p.unit_id, p]),
      );
      const sections = await this.c.repo.sections(
        trx,
        [...plans.values()].map((p) => p.id),
      );
      let opened = 0;
      for (const unit of units) {
        const plan = plans.get(unit.id);
        const open = await this.c.repo.openActivations(trx, unit.id);
        const change = levelChange(
          open.map((a) => ({ levelKey: a.level_key, levelNumber: a.level_number })),
          { levelKey: level.levelKey, levelNumber: level.levelNumber },
          (key) => plan !== undefined && sections.some((s) => s.plan_id === plan.id && s.level_key === key),
        );
        const closing = open.filter((a) => change.close.some((c) => c.levelKey === a.level_key));
        await this.c.repo.closeActivations(
          trx,
          closing.map((a) => a.id),
          at,
        );
        for (const a of closing)
          await this.c.audit(trx, systemActor('plans'), 'close_plan_activation', 'plan_activation', a.id, unit, {
            level: a.level_key,
            now: level.levelKey,
          });
        if (change.open && plan && (await this.open(trx, unit, plan.id, level, at))) opened++;
      }
      return opened;
    });
  }

  private async open(db: Db, unit: UnitRecord, planId: string, level: DecidedLevel, at: Date): Promise<boolean> {
    const id = await this.c.repo.insertActivation(db, {
      unit_id: unit.id,
      plan_id: planId,
      level_key: level.levelKey,
      level_number: level.levelNumber,
      decision_id: level.decisionId,
      activated_at: at,
      locality_path: unit.locality_path,
      province_code: unit.province_code,
    });
    if (!id) return false;
    const tasks = await this.c.repo.tasks(db, [planId], level.levelKey);
    for (const t of tasks)
      await this.c.repo.insertActivationTask(db, {
        activation_id: id,
        title: t.title,
        responsible_unit_id: t.responsible_unit_id,
        due_at: taskDeadline(at, t.due_after_hours),
      });
    await this.c.audit(db, systemActor('plans'), 'activate_plan', 'plan_activation', id, unit, {
      level: level.levelKey,
      decisionId: level.decisionId,
      tasks: tasks.length,
    });
    const officers = await this.c.units.officersOf(db, [unit.id, ...tasks.map((t) => t.responsible_unit_id)]);
    const members = await this.c.repo.members(db, [unit.id]);
    const ruleSet = await this.c.ruleSets.active(db);
    const name = {
      vi: levelWords(ruleSet, level.levelKey, 'vi').name,
      en: levelWords(ruleSet, level.levelKey, 'en').name,
    };
    await this.c.notifications.notify(
      db,
      [...officers.map((o) => o.user_id), ...members.flatMap((m) => (m.user_id ? [m.user_id] : []))],
      {
        kind: 'plan_activated',
        key: `plan_activated:${id}`,
        urgent: true,
        title: {
          vi: `Kích hoạt phương án ${name.vi}: ${unit.name}`,
          en: `Plan activated, ${name.en}: ${unit.name_en}`,
        },
        body: {
          vi: `Quyết định cấp độ dịch có hiệu lực: ${tasks.length} nhiệm vụ được giao, hạn tính từ ${at.toISOString()}.`,
          en: `The level decision is in force: ${tasks.length} tasks assigned, deadlines counted from ${at.toISOString()}.`,
        },
        link: `/plans/units/${unit.id}`,
      },
    );
    return true;
  }

  async list(actor: Actor, unitId: string, openOnly: boolean): Promise<{ items: ActivationView[] }> {
    const unit = await this.c.unitOrThrow(this.c.db, unitId);
    if (!policy.read(await this.c.relationOf(this.c.db, actor, unit))) throw new AppError('NOT_FOUND');
    const activations = await this.c.repo.activations(this.c.db, unit.id, openOnly);
    return { items: await this.views(this.c.db, actor, activations) };
  }

  /** The responsible unit's officer marks a task done. */
  async completeTask(actor: Actor, taskId: string): Promise<ActivationView> {
    const m = messages[actor.locale];
    return this.c.db.transaction().execute(async (trx) => {
      const task = await this.c.repo.activationTask(trx, taskId);
      if (!task) throw new AppError('NOT_FOUND');
      const activation = (await this.c.repo.activationById(trx, task.activation_id))!;
      const unit = await this.c.unitOrThrow(trx, activation.unit_id);
      const responsible = await this.c.unitOrThrow(trx, task.responsible_unit_id);
      const rel = await this.c.relationOf(trx, actor, unit);
      const relResponsible = await this.c.relationOf(trx, actor, responsible);
      if (!policy.read(rel) && !policy.read(relResponsible)) throw new AppError('NOT_FOUND');
      if (!relResponsible.own) throw new AppError('FORBIDDEN', [{ path: 'id', message: m.notResponsible }]);
      if (task.status !== 'open') throw new AppError('CONFLICT', [{ path: 'id', message: m.taskNotOpen }]);
      await this.c.repo.completeTask(trx, task.id, this.c.now(), this.c.by(actor));
      await this.c.audit(trx, actor, 'complete_plan_task', 'plan_activation', activation.id, responsible, {
        taskId: task.id,
      });
      return (await this.views(trx, actor, [activation]))[0]!;
    });
  }

  /** What would open (and close), and what would be missing, if the unit went to level N tomorrow at 00:00. */
  async whatIf(actor: Actor, unitId: string, levelNumber: number): Promise<WhatIfView> {
    const { db } = this.c;
    const unit = await this.c.unitOrThrow(db, unitId);
    if (!policy.read(await this.c.relationOf(db, actor, unit))) throw new AppError('NOT_FOUND');
    const level = await this.readiness.level(db, levelNumber, actor.locale);
    const ruleSet = await this.c.ruleSets.active(db);
    const tomorrow = new Date(`${vietnamToday(new Date(this.c.now().getTime() + 86_400_000))}T00:00:00+07:00`);
    const plan = (await this.c.repo.approvedOf(db, [unit.id]))[0];
    const sections = plan ? await this.c.repo.sections(db, [plan.id]) : [];
    const section = sections.find((s) => s.level_key === level.key);
    const open = await this.c.repo.activations(db, unit.id, true);
    const change = levelChange(
      open.map((a) => ({ levelKey: a.level_key, levelNumber: a.level_number })),
      { levelKey: level.key, levelNumber: level.number },
      () => section !== undefined,
    );
    const tasks = plan && section ? await this.c.repo.tasks(db, [plan.id], level.key) : [];
    const refs = await this.c.unitRefs(
      db,
      actor,
      tasks.map((t) => t.responsible_unit_id),
    );
    const words = levelWords(ruleSet, level.key, actor.locale);
    return {
      unit: this.c.units.refOf(unit, actor),
      levelKey: level.key,
      levelName: words.name,
      at: tomorrow.toISOString(),
      wouldOpen: change.open !== null,
      measures: [...words.measures, ...(section?.own_measures ?? [])],
      tasks: tasks.map((t) => ({
        title: t.title,
        responsibleUnit: refs(t.responsible_unit_id),
        dueAt: taskDeadline(tomorrow, t.due_after_hours).toISOString(),
      })),
      wouldClose: change.close.map((s) => ({
        levelKey: s.levelKey,
        levelName: levelWords(ruleSet, s.levelKey, actor.locale).name,
      })),
      readiness: (await this.readiness.compute(db, actor, [unit], level, unit.locality_path))[0]!,
    };
  }

  private async views(db: Db, actor: Actor, activations: readonly ActivationRecord[]): Promise<ActivationView[]> {
    const tasks = await this.c.repo.activationTasks(
      db,
      activations.map((a) => a.id),
    );
    const sections = await this.c.repo.sections(db, [...new Set(activations.map((a) => a.plan_id))]);
    const ruleSet = await this.c.ruleSets.active(db);
    const refs = await this.c.unitRefs(db, actor, [
      ...activations.map((a) => a.unit_id),
      ...tasks.map((t) => t.responsible_unit_id),
    ]);
    const mine = new Set(await this.c.units.unitIdsOf(db, actor.userId));
    const now = this.c.now();
    return activations.map((a) => {
      const own = tasks.filter((t) => t.activation_id === a.id);
      const words = levelWords(ruleSet, a.level_key, actor.locale);
      const section = sections.find((s) => s.plan_id === a.plan_id && s.level_key === a.level_key);
      return {
        id: a.id,
        unit: refs(a.unit_id),
        levelKey: a.level_key,
        levelNumber: a.level_number,
        levelName: words.name,
        activatedAt: iso(a.activated_at)!,
        closedAt: iso(a.closed_at),
        progressPercent: activationProgress(own),
        measures: [...words.measures, ...(section?.own_measures ?? [])],
        tasks: own.map((t) => ({
          id: t.id,
          title: t.title,
          responsibleUnit: refs(t.responsible_unit_id),
          dueAt: iso(t.due_at)!,
          standing: taskStanding({ status: t.status, dueAt: new Date(t.due_at) }, now),
          mayComplete: t.status === 'open' && mine.has(t.responsible_unit_id),
        })),
      };
    });
  }
}
