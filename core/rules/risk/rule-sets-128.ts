import type { AggregationRule, CommuneRule, RiskLevel, RiskRuleSet } from '../../schemas/risk-rule-set.ts';
import { colours, m, share, when } from './rule-set-builders.ts';

// ---------------------------------------------------------------------------------------------
// Resolution 128/NQ-CP (11/10/2021) with Decision 4800/QĐ-BYT, and Decision 218/QĐ-BYT (27/1/2022).
// ---------------------------------------------------------------------------------------------

/**
 * The four levels of Resolution 128. Measures are the broad lines of the resolution, short and
 * editable; ASSUMPTION: the wording per level is to be replaced by the province's own plan.
 */
const levels128: RiskLevel[] = [
  {
    key: 'level_1',
    number: 1,
    colour: colours.green,
    name: m('Cấp 1 — Nguy cơ thấp (bình thường mới)', 'Level 1 — Low risk (new normal)'),
    measures: [
      m('Hoạt động kinh tế - xã hội bình thường, thực hiện 5K', 'Normal economic and social activity with 5K'),
    ],
  },
  {
    key: 'level_2',
    number: 2,
    colour: colours.yellow,
    name: m('Cấp 2 — Nguy cơ trung bình', 'Level 2 — Medium risk'),
    measures: [
      m(
        'Hạn chế tụ tập đông người; một số dịch vụ hoạt động có điều kiện',
        'Limit crowds; some services operate under conditions',
      ),
    ],
  },
  {
    key: 'level_3',
    number: 3,
    colour: colours.orange,
    name: m('Cấp 3 — Nguy cơ cao', 'Level 3 — High risk'),
    measures: [
      m(
        'Tạm dừng dịch vụ không thiết yếu; hạn chế di chuyển ra vào địa bàn',
        'Suspend non-essential services; restrict movement in and out',
      ),
    ],
  },
  {
    key: 'level_4',
    number: 4,
    colour: colours.red,
    name: m('Cấp 4 — Nguy cơ rất cao', 'Level 4 — Very high risk'),
    measures: [
      m(
        'Người dân ở tại nhà, chỉ ra ngoài khi thật cần thiết; chỉ hoạt động thiết yếu',
        'Stay at home except when necessary; essential activity only',
      ),
    ],
  },
];

/** C3 of Resolution 128: while treatment capacity is not met, a level may not be lowered. */
const constraints128 = {
  cannotLowerWhen: [when('treatment_capacity_met', '==', 0)],
  raiseNoticeHours: 48,
};

/**
 * ASSUMPTION TO CONFIRM (both decisions): a district or province takes a level when at least 50%
 * of its child units are at that level or above. DOMAIN only says the assessment goes "from the
 * commune up".
 */
const halfAtOrAbove = (keys: string[]): AggregationRule[] =>
  [...keys].reverse().map((key) => ({
    id: `agg.${key}.half`,
    level: key,
    match: 'all' as const,
    conditions: [share(key, '>=', 50)],
    description: m(
      `GIẢ ĐỊNH: ≥ 50% đơn vị cấp dưới ở cấp này trở lên`,
      `ASSUMPTION: ≥ 50% of child units at this level or above`,
    ),
  }));

/**
 * Resolution 128 + Decision 4800. C1 = new community cases per 100,000 per week.
 * - Level 4 at C1 ≥ 150 is confirmed (DOMAIN).
 * - The other C1 bands, < 20 / 20–< 50 / 50–< 150, are the commonly cited ones that DOMAIN says to
 *   verify: they are data here (the `value`s below) and must be confirmed.
 * - C2 (DOMAIN: adults with ≥ 1 dose). ASSUMPTION: "met" means ≥ 70% of adults; when it is not met,
 *   the C1 band gives one level higher (a C1 < 20 commune is level 2, 20–< 50 level 3, 50–< 150
 *   level 4). C1 ≥ 150 is level 4 whatever the coverage.
 * - C3 (treatment capacity) not met: the level may not be lowered (constraint, not a rule).
 * - Raising needs 48 hours' notice.
 */
const c2Threshold4800 = 70;
const c1Bands4800 = { level_2: 20, level_3: 50, level_4: 150 } as const;
const lowCoverage4800 = when('vaccine_coverage_1dose_adults', '<', c2Threshold4800);

export const nq128_qd4800_2021: RiskRuleSet = {
  code: 'nq128_qd4800_2021',
  version: 1,
  name: m(
    'Nghị quyết 128/NQ-CP và Quyết định 4800/QĐ-BYT (10/2021): cấp độ 1–4',
    'Resolution 128/NQ-CP with Decision 4800/QĐ-BYT (Oct 2021): levels 1–4',
  ),
  legalBases: [
    'Nghị quyết số 128/NQ-CP ngày 11 tháng 10 năm 2021 của Chính phủ ban hành Quy định tạm thời "Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19"',
    'Quyết định số 4800/QĐ-BYT ngày 12 tháng 10 năm 2021 của Bộ trưởng Bộ Y tế ban hành Hướng dẫn tạm thời chuyên môn y tế thực hiện Nghị quyết số 128/NQ-CP',
  ],
  levels: levels128,
  communeRules: [
    {
      id: 'level_4.c1',
      level: 'level_4',
      match: 'all',
      conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_4)],
      description: m('C1 ≥ 150 ca/100.000/tuần', 'C1 ≥ 150 cases per 100,000 per week'),
    },
    {
      id: 'level_4.c1_c2_low',
      level: 'level_4',
      match: 'all',
      conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_3), lowCoverage4800],
      description: m('C1 50–< 150 và C2 chưa đạt (giả định 70%)', 'C1 50–< 150 and C2 not met (assumed 70%)'),
    },
    {
      id: 'level_3.c1',
      level: 'level_3',
      match: 'all',
      conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_3)],
      description: m('C1 50–< 150 (cần xác minh)', 'C1 50–< 150 (to verify)'),
    },
    {
      id: 'level_3.c1_c2_low',
      level: 'level_3',
      match: 'all',
      conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_2), lowCoverage4800],
      description: m('C1 20–< 50 và C2 chưa đạt (giả định 70%)', 'C1 20–< 50 and C2 not met (assumed 70%)'),
    },
    {
      id: 'level_2.c1',
      level: 'level_2',
      match: 'all',
      conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_2)],
      description: m('C1 20–< 50 (cần xác minh)', 'C1 20–< 50 (to verify)'),
    },
    {
      id: 'level_2.c2_low',
      level: 'level_2',
      match: 'all',
      conditions: [lowCoverage4800],
      description: m('C1 < 20 và C2 chưa đạt (giả định 70%)', 'C1 < 20 and C2 not met (assumed 70%)'),
    },
  ] satisfies CommuneRule[],
  aggregationRules: halfAtOrAbove(['level_2', 'level_3', 'level_4']),
  constraints: constraints128,
};

/**
 * Decision 218/QĐ-BYT (27/1/2022), replacing 4800 under Resolution 128.
 * - Level 4 at C1 > 600 per 100,000 per week is confirmed (DOMAIN).
 * - C2 is met with ≥ 75% of adults fully vaccinated and ≥ 90% of high-risk groups (DOMAIN).
 * - ASSUMPTIONS TO CONFIRM: the other C1 bands, ≤ 20 → level 1, > 20–600 split at 150
 *   (> 20 → level 2, > 150 → level 3), written with '>' like the confirmed 600; and, as under 4800,
 *   C2 not met moves a commune one level up (capped at level 4).
 * - C3 and the 48-hour notice as under Resolution 128.
 */
const c1Bands218 = { level_2: 20, level_3: 150, level_4: 600 } as const;
const c2Low218 = [
  {
    key: 'full',
    condition: when('vaccine_coverage_full_adults', '<', 75),
    vi: '< 75% người lớn tiêm đủ liều',
    en: '< 75% of adults fully vaccinated',
  },
  {
    key: 'high_risk',
    condition: when('vaccine_coverage_high_risk', '<', 90),
    vi: '< 90% nhóm nguy cơ cao',
    en: '< 90% of high-risk groups',
  },
] as const;
const c1Above218 = (band: number) => when('community_cases_7d_per_100k', '>', band);
const c2LowRules218 = (level: 'level_4' | 'level_3' | 'level_2', band: number | null): CommuneRule[] =>
  c2Low218.map((low) => ({
    id: `${level}.c2_low_${low.key}`,
    level,
    match: 'all',
    conditions: band === null ? [low.condition] : [c1Above218(band), low.condition],
    description: m(
      `GIẢ ĐỊNH: ${band === null ? `C1 ≤ ${c1Bands218.level_2}` : `C1 > ${band}`} và C2 chưa đạt (${low.vi}): lên một cấp`,
      `ASSUMPTION: ${band === null ? `C1 ≤ ${c1Bands218.level_2}` : `C1 > ${band}`} and C2 not met (${low.en}): one level up`,
    ),
  }));

export const qd218_2022: RiskRuleSet = {
  code: 'qd218_2022',
  version: 1,
  name: m('Quyết định 218/QĐ-BYT (27/1/2022): cấp độ 1–4', 'Decision 218/QĐ-BYT (27 January 2022): levels 1–4'),
  legalBases: [
    'Nghị quyết số 128/NQ-CP ngày 11 tháng 10 năm 2021 của Chính phủ ban hành Quy định tạm thời "Thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19"',
    'Quyết định số 218/QĐ-BYT ngày 27 tháng 01 năm 2022 của Bộ trưởng Bộ Y tế ban hành Hướng dẫn tạm thời chuyên môn y tế thực hiện Nghị quyết số 128/NQ-CP',
  ],
  levels: levels128,
  communeRules: [
    {
      id: 'level_4.c1',
      level: 'level_4',
      match: 'all',
      conditions: [c1Above218(c1Bands218.level_4)],
      description: m('C1 > 600 ca/100.000/tuần', 'C1 > 600 cases per 100,000 per week'),
    },
    ...c2LowRules218('level_4', c1Bands218.level_3),
    {
      id: 'level_3.c1',
      level: 'level_3',
      match: 'all',
      conditions: [c1Above218(c1Bands218.level_3)],
      description: m('GIẢ ĐỊNH: C1 > 150 đến 600', 'ASSUMPTION: C1 > 150 up to 600'),
    },
    ...c2LowRules218('level_3', c1Bands218.level_2),
    {
      id: 'level_2.c1',
      level: 'level_2',
      match: 'all',
      conditions: [c1Above218(c1Bands218.level_2)],
      description: m('GIẢ ĐỊNH: C1 > 20 đến 150', 'ASSUMPTION: C1 > 20 up to 150'),
    },
    ...c2LowRules218('level_2', null),
  ],
  aggregationRules: halfAtOrAbove(['level_2', 'level_3', 'level_4']),
  constraints: constraints128,
};
