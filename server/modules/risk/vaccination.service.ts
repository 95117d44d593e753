import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import type { VaccinationRow } from '../../../core/schemas/risk-admin.ts';
import type { Db } from '../../db/database.ts';
import { recordedBy, type Actor } from '../../shared/actor.ts';
import { readImport, rejectInvalidRows, rowPath } from '../../shared/file-import.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { riskPolicy } from './risk.policy.ts';
import type { RiskContextRepository } from './risk-context.repository.ts';
import { parseVaccinationTable } from './vaccination-import.ts';

const unknownCommune = { vi: 'Không có xã/phường này trong phạm vi của bạn', en: 'No such commune in your area' };

/**
 * Vaccination coverage (C2 of Resolution 128) is an input from the immunisation programme: a file
 * or rows of percentages per commune and date. All rows or none; a re-import of the same commune
 * and date replaces the figures.
 */
export class VaccinationService {
  constructor(
    private readonly db: Db,
    private readonly context: RiskContextRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async importFile(actor: Actor, body: Buffer, contentType: string): Promise<{ imported: number; replaced: number }> {
    const { rows, rowNumbers, errors } = await readImport({ body, contentType }, actor.locale, parseVaccinationTable);
    rejectInvalidRows(errors);
    return this.importRows(actor, rows, { code: 'IMPORT_INVALID', pathOf: (i) => rowPath(rowNumbers[i] ?? i + 2) });
  }

  async importRows(
    actor: Actor,
    rows: readonly VaccinationRow[],
    errorsAs: { code: 'IMPORT_INVALID' | 'VALIDATION_FAILED'; pathOf: (i: number) => string } = {
      code: 'VALIDATION_FAILED',
      pathOf: (i) => `rows.${i}.commune`,
    },
  ): Promise<{ imported: number; replaced: number }> {
    if (!riskPolicy.importCoverage(actor, actor.scope)) throw new AppError('FORBIDDEN');
    return this.db.transaction().execute(async (trx) => {
      const found = new Map(
        (await this.localities.findManyByCode(trx, [...new Set(rows.map((r) => r.commune))])).map((l) => [l.code, l]),
      );
      const errors: ErrorDetail[] = [];
      rows.forEach((r, i) => {
        const l = found.get(r.commune);
        if (!l || l.level !== 'commune' || !riskPolicy.importCoverage(actor, l))
          errors.push({ path: errorsAs.pathOf(i), message: `${unknownCommune[actor.locale]}: ${r.commune}` });
      });
      if (errors.length) throw new AppError(errorsAs.code, errors);
      const result = await this.context.upsertCoverage(
        trx,
        rows.map((r) => ({
          code: r.commune,
          asOf: r.asOf,
          adults1Dose: r.adults1Dose ?? null,
          adultsFull: r.adultsFull ?? null,
          highRisk: r.highRisk ?? null,
        })),
        recordedBy(actor),
      );
      await this.audit.record(trx, actor, {
        action: 'import_vaccination',
        entityType: 'vaccination_coverage',
        entityId: actor.scope.code,
        localityCode: actor.scope.code,
        localityPath: actor.scope.path,
        after: { ...result, communes: found.size },
      });
      return result;
    });
  }
}
