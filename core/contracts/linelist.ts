import { z } from 'zod';
import { defineRoutes, mediaTypes } from './contract.ts';
import { lineListFields } from '../rules/linelist-columns.ts';
import { linelistImportResult } from '../schemas/cases.ts';

const mappingJson = z
  .string()
  .max(10_000)
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Ánh xạ cột phải là JSON / The column mapping must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.enum(lineListFields, 'Trường không tồn tại / Unknown field')));
const importQuery = z.object({
  source: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/,
      'Nhãn nguồn: chữ, số, dấu chấm, gạch / Source label: letters, digits, dots, dashes',
    )
    .default('linelist'),
  /** Table column → field, e.g. {"Mã BN":"caseNumber"}; unmapped columns are recognised by name. */
  mapping: mappingJson.optional(),
  profile: z.string().max(64).optional(),
});

export const linelistContract = defineRoutes(['cases'], {
  postCasesImport: {
    method: 'POST',
    path: '/cases/import',
    summary: 'Import a line list (vn-2020 JSON, CSV or .xlsx): all rows or none; the same file again updates',
    query: importQuery,
    answer: linelistImportResult,
    upload: [mediaTypes.json, mediaTypes.csv, mediaTypes.xlsx],
  },
});
