import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import { defaultPoolingPolicy, planPools, poolSizeFor } from '../../../core/rules/pooled-testing.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type {
  CampaignSamplesRequest,
  CampaignView,
  CreateCampaignRequest,
  PoolView,
} from '../../../core/schemas/testing.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import { allPages, sheetExport, type SheetExport } from '../../shared/excel.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryService } from '../people/people-registry.service.ts';
import type { CampaignRecord, CampaignsRepository } from './campaigns.repository.ts';
import { testingMessages as m } from './testing.messages.ts';
import { campaignColumns } from './testing.export.ts';
import { testingPolicy } from './testing.policy.ts';
import type { NewSample, TestingRepository } from './testing.repository.ts';
import { toCampaignView } from './testing.presenter.ts';

/** Mass testing of an area ("xét nghiệm diện rộng"): a target population, pooled samples, daily progress. */
export class CampaignsService {
  constructor(
    private readonly db: Db,
    private readonly campaigns: CampaignsRepository,
    private readonly testing: TestingRepository,
    private readonly registry: PeopleRegistryService,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  private async readableOrThrow(actor: Actor, id: string, db: Db): Promise<CampaignRecord> {
    const c = await this.campaigns.findById(db, id);
    if (!c || !testingPolicy.readCampaign(actor, c)) throw new AppError('NOT_FOUND');
    return c;
  }

  /** Pool size: as asked, else 5 in higher-risk areas (or unknown risk) and 10 elsewhere. */
  async create(actor: Actor, req: CreateCampaignRequest): Promise<CampaignView> {
    return this.db.transaction().execute(async (trx) => {
      const place = await this.localities.findReadableOrThrow(actor, req.localityCode, trx);
      if (!testingPolicy.planCampaign(actor, place)) throw new AppError('FORBIDDEN');
      const poolSize =
        req.poolSize ?? poolSizeFor(defaultPoolingPolicy, await this.campaigns.riskLevelOf(trx, place.code));
      const id = await this.campaigns.insert(trx, {
        name: req.name,
        locality_code: place.code,
        locality_path: place.path,
        target_population: req.targetPopulation,
        starts_on: req.startsOn,
        ends_on: req.endsOn,
        pool_size: poolSize,
      });
      await this.audit.record(trx, actor, {
        action: 'create',
        entityType: 'test_campaign',
        entityId: id,
        localityCode: place.code,
        localityPath: place.path,
        after: { ...req, poolSize },
      });
      return toCampaignView((await this.campaigns.findById(trx, id))!);
    });
  }

  async get(actor: Actor, id: string): Promise<CampaignView> {
    return toCampaignView(await this.readableOrThrow(actor, id, this.db));
  }

  async list(actor: Actor, q: { locality?: string; after?: string; limit: number }): Promise<Page<CampaignView>> {
    if (!testingPolicy.listCampaigns(actor)) throw new AppError('FORBIDDEN');
    const within = await this.localities.listScope(actor, q.locality, this.db);
    const rows = await this.campaigns.list(this.db, { within, after: q.after, limit: q.limit });
    const page = toPage(rows, q.limit, (r) => [r.created_key, r.id]);
    return { items: page.items.map(toCampaignView), nextCursor: page.nextCursor };
  }

  async pools(actor: Actor, id: string, q: { after?: string; limit: number }): Promise<Page<PoolView>> {
    const c = await this.readableOrThrow(actor, id, this.db);
    const rows = await this.campaigns.pools(this.db, c.id, q);
    const page = toPage(rows, q.limit, (r) => [r.code]);
    return {
      items: page.items.map((r) => ({
        code: r.code,
        size: r.size,
        result: r.result,
        resultedAt: r.resulted_at?.toISOString() ?? null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async exportXlsx(actor: Actor, q: { locality?: string }): Promise<SheetExport> {
    return sheetExport({
      filename: 'dot-xet-nghiem.xlsx',
      sheetName: actor.locale === 'vi' ? 'Đợt xét nghiệm' : 'Campaigns',
      locale: actor.locale,
      columns: campaignColumns(await this.localities.unitNamer(this.db, actor.locale)),
      pages: await allPages((after) => this.list(actor, { ...q, after, limit: 500 })),
    });
  }

  async progress(actor: Actor, id: string) {
    const c = await this.readableOrThrow(actor, id, this.db);
    const [days, people] = await Promise.all([
      this.campaigns.progressByDay(this.db, id),
      this.campaigns.distinctPeopleSampled(this.db, id),
    ]);
    return {
      campaign: toCampaignView(c),
      coverage: people / c.target_population,
      days: days.map((d) => ({ ...d, positivity: d.resulted > 0 ? d.positive / d.resulted : null })),
    };
  }

  private samplePeople(db: Db, actor: Actor, samples: CampaignSamplesRequest['samples'], fallbackPath: string) {
    return resolveSamplePeople(this.registry, this.testing, db, actor, samples, fallbackPath);
  }

  /**
   * Records a batch of samples taken in the campaign and pools them in the order given (the order
   * the tubes were racked). Pool codes continue the campaign's numbering. All or nothing.
   */
  async addSamples(actor: Actor, id: string, req: CampaignSamplesRequest) {
    return this.db.transaction().execute(async (trx) => {
      const c = await this.readableOrThrow(actor, id, trx);
      if (!testingPolicy.sampleCampaign(actor, c)) throw new AppError('FORBIDDEN');
      const codes = req.samples.map((s) => s.code);
      const taken = new Set(await this.testing.sampleCodesTaken(trx, codes));
      const errors: ErrorDetail[] = [];
      codes.forEach((code, i) => {
        if (taken.has(code) || codes.indexOf(code) !== i)
          errors.push({ path: `samples.${i}.code`, message: `${m.codeTaken[actor.locale]}: ${code}` });
      });
      if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
      const people = await this.samplePeople(trx, actor, req.samples, c.locality_path);
      const groups = c.pool_size > 1 ? planPools(people, c.pool_size) : [];
      const first = await this.testing.poolCountOf(trx, c.id);
      const prefix = c.id.slice(0, 8).toUpperCase();
      const pools = groups.map((g, i) => ({
        code: `${prefix}-G${String(first + i + 1).padStart(5, '0')}`,
        members: g,
      }));
      const poolIds = await this.testing.insertPools(
        trx,
        pools.map((p) => ({
          code: p.code,
          campaignId: c.id,
          size: p.members.length,
          lab: req.lab ?? null,
          localityPath: c.locality_path,
        })),
      );
      const poolOf = new Map(pools.flatMap((p) => p.members.map((mem) => [mem.code, poolIds.get(p.code)!] as const)));
      const samples: NewSample[] = people.map((p) => ({
        code: p.code,
        personId: p.personId,
        orderId: null,
        campaignId: c.id,
        poolId: poolOf.get(p.code) ?? null,
        kind: 'rt_pcr',
        collectedAt: new Date(req.collectedAt),
        collectedBy: req.collectedBy ?? null,
        lab: req.lab ?? null,
        localityPath: p.path,
      }));
      await this.testing.insertSamples(trx, samples);
      await this.audit.record(trx, actor, {
        action: 'record_samples',
        entityType: 'test_campaign',
        entityId: c.id,
        localityPath: c.locality_path,
        after: { samples: samples.length, pools: pools.length },
      });
      return {
        samples: samples.length,
        pools: pools.map((p) => ({ code: p.code, members: p.members.map((mem) => mem.code) })),
      };
    });
  }
}

/**
 * The people behind a batch: registered people (scanned CCCD QR, picked from a list) are looked up
 * in one query; typed identities go through the registry one by one (find or register).
 */
async function resolveSamplePeople(
  registry: PeopleRegistryService,
  testing: TestingRepository,
  db: Db,
  actor: Actor,
  samples: CampaignSamplesRequest['samples'],
  fallbackPath: string,
): Promise<{ code: string; personId: string; path: string }[]> {
  const ids = samples.flatMap((s) => ('personId' in s.subject ? [s.subject.personId] : []));
  const known = new Map((await testing.livePeople(db, ids)).map((p) => [p.id, p]));
  const out: { code: string; personId: string; path: string }[] = [];
  for (const [i, s] of samples.entries()) {
    if ('personId' in s.subject) {
      const p = known.get(s.subject.personId);
      if (!p || !p.locality_path || !testingPolicy.sampleCampaign(actor, { locality_path: p.locality_path })) {
        throw new AppError('VALIDATION_FAILED', [
          { path: `samples.${i}.subject`, message: m.unknownPerson[actor.locale] },
        ]);
      }
      out.push({ code: s.code, personId: p.id, path: p.locality_path });
    } else {
      const person = await registry.resolve(db, actor, s.subject, `samples.${i}.subject`);
      out.push({ code: s.code, personId: person.id, path: person.localityPath ?? fallbackPath });
    }
  }
  return out;
}
