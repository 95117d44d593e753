import type { Content } from 'pdfmake';
import { signerCapacityLines } from '../../../core/schemas/risk-decision-act.ts';
import type { RiskRuleSet } from '../../../core/schemas/risk-rule-set.ts';
import { vietnamWallClock } from '../../../core/vietnam-calendar.ts';
import type { OfficialDocument } from '../../shared/official-document.ts';
import type { DecisionRow } from './risk.repository.ts';

/** "Phường Đoàn Kết" → "phường Đoàn Kết": a unit's kind is lower case inside a sentence. */
const inSentence = (name: string) => name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
const two = (n: number) => String(n).padStart(2, '0');
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** "08 giờ 00 phút, ngày 07/12/2026" in Viet Nam's time. */
function vietnamMoment(instant: Date): string {
  const w = vietnamWallClock(instant);
  const day = `${w.getUTCFullYear()}-${two(w.getUTCMonth() + 1)}-${two(w.getUTCDate())}`;
  return `${two(w.getUTCHours())} giờ ${two(w.getUTCMinutes())} phút, ngày ${vnDate(day)}`;
}

/** The issuing body as Decree 30 writes a People's Committee: "ỦY BAN NHÂN DÂN" over "TỈNH LAI CHÂU". */
function issuerLines(issuerName: string): [string] {
  const prefix = 'Ủy ban nhân dân ';
  return [issuerName.startsWith(prefix) ? `${prefix.trim()}\n${issuerName.slice(prefix.length)}` : issuerName];
}

/** The bases an act cites: the rule set's decisions, then the province's own, each as "Căn cứ …;". */
export function decisionLegalBases(row: Pick<DecisionRow, 'legal_bases' | 'local_basis'>): string[] {
  const stored = Array.isArray(row.legal_bases) ? row.legal_bases.filter((b) => typeof b === 'string') : [];
  return [...stored, ...(row.local_basis ? [row.local_basis] : [])];
}

export interface LevelDecisionContext {
  row: DecisionRow;
  /** The rule set as it was at the version the decision applied (its level names and measures). */
  ruleSet: RiskRuleSet | null;
  /** The province's short name, the place of issue ("Lai Châu"). */
  provinceName: string;
}

/**
 * QUYẾT ĐỊNH công bố (or điều chỉnh) cấp độ dịch: the act as signed, in the Decree 30 layout of
 * `official-document.ts`. Article 1 states the level, Article 2 the measures of the rule set at
 * that level (cumulative), Article 3 the effective moment and who carries it out.
 */
export function levelDecisionDocument({ row, ruleSet, provinceName }: LevelDecisionContext): OfficialDocument {
  const levels = ruleSet?.levels ?? [];
  const index = levels.findIndex((l) => l.key === row.level_key);
  const level = levels[index];
  const levelName = level?.name.vi ?? row.level_key;
  const computedName = levels.find((l) => l.key === row.computed_level)?.name.vi ?? row.computed_level;
  const measures = levels.slice(0, index + 1).flatMap((l) => l.measures.map((m) => m.vi));
  const area = inSentence(row.locality_name);
  const areaWithProvince = row.locality_code.length === 2 ? area : `${area}, tỉnh ${provinceName}`;
  const override = row.kind === 'override';
  const number = `${row.document_serial}/${row.document_symbol}`;
  const bases = decisionLegalBases(row);
  const article = (n: number, text: Content): Content => ({
    text: [{ text: `Điều ${n}. `, bold: true }, text],
    margin: [0, 0, 0, 4],
    alignment: 'justify',
  });
  return {
    issuer: issuerLines(row.issuer_name),
    number: `Số: ${number}`,
    place: provinceName,
    date: row.signed_on,
    kind: 'Quyết định',
    summary: `${override ? 'Về việc điều chỉnh cấp độ dịch' : 'Về việc công bố cấp độ dịch'} trên địa bàn ${areaWithProvince}`,
    // The chair decides levels (Resolution 128); signed for the committee, the committee issues it.
    authority: `${row.signer_capacity.startsWith('committee_') ? '' : 'Chủ tịch '}${row.issuer_name}`,
    title: `Quyết định ${number} — cấp độ dịch ${row.locality_name}`,
    bases: [
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
      'Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;',
      ...bases.map((b) => `Căn cứ ${b};`),
      `Theo đề nghị của Giám đốc Sở Y tế và Ban Chỉ đạo phòng, chống dịch tỉnh ${provinceName}.`,
    ],
    body: [
      { text: 'QUYẾT ĐỊNH:', bold: true, alignment: 'center', margin: [0, 10, 0, 8] },
      article(
        1,
        `${override ? 'Điều chỉnh' : 'Công bố'} cấp độ dịch trên địa bàn ${areaWithProvince}: ${levelName}` +
          `${level && !/^cấp\s*\d/i.test(levelName) ? ` (cấp ${level.number})` : ''}, theo bộ tiêu chí ${ruleSet?.name.vi ?? row.rule_set_code} (phiên bản ${row.rule_set_version}).` +
          (override
            ? ` Cấp độ theo đánh giá các tiêu chí là ${computedName}; lý do điều chỉnh: ${row.reason ?? ''}.`
            : ''),
      ),
      article(
        2,
        `Áp dụng các biện pháp phòng, chống dịch tương ứng với cấp độ dịch tại Điều 1${measures.length ? ':' : '.'}`,
      ),
      ...(measures.length ? [{ ul: measures, margin: [18, 0, 0, 4] } as Content] : []),
      article(
        3,
        `Quyết định này có hiệu lực kể từ ${vietnamMoment(row.effective_from)}. Chánh Văn phòng Ủy ban nhân dân tỉnh, ` +
          `Giám đốc Sở Y tế, Chủ tịch Ủy ban nhân dân ${row.locality_code.length === 2 ? 'các xã, phường' : area} ` +
          'và các cơ quan, đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.',
      ),
    ],
    recipients: [
      'Như Điều 3;',
      'Bộ Y tế (để báo cáo);',
      `Ban Chỉ đạo phòng, chống dịch tỉnh ${provinceName};`,
      'Lưu: VT.',
    ],
    signature: { capacity: [...signerCapacityLines[row.signer_capacity]], name: row.signer_name },
  };
}
