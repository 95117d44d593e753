import type { AggregationRule, CommuneRule, RiskCondition, RiskLevel, RiskRuleSet } from '../../schemas/risk-rule-set.ts';

/**
 * Locality risk rule sets from DOMAIN §5, as data. Each is a default an admin can edit (and version);
 * every figure marked ASSUMPTION is not in DOMAIN and must be confirmed with the provincial health
 * department against the text of the decision before a level is published.
 *
 * Units: per-100,000 rates; coverages and shares are percentages (0–100).
 */

const when = (indicator: RiskCondition['indicator'], op: RiskCondition['op'], value: number): RiskCondition => ({ indicator, op, value });
const share = (level: string, op: RiskCondition['op'], value: number) => ({ indicator: `share_at_or_above:${level}`, op, value });
const count = (level: string, op: RiskCondition['op'], value: number) => ({ indicator: `count_at_or_above:${level}`, op, value });
const m = (vi: string, en: string) => ({ vi, en });

const colours = { green: '#2e9e44', yellow: '#f2c200', orange: '#f07f00', red: '#d62828' } as const;

// ---------------------------------------------------------------------------------------------
// 2020: three groups (Prime Minister's decision of 15/4/2020).
// ---------------------------------------------------------------------------------------------

/**
 * DOMAIN gives the three group names and the Directive 15 / Directive 16 measures only.
 * CONFIGURATION TO CONFIRM (ASSUMPTION) — the commune criteria below encode the practice of the
 * time: community transmission with an untraced source makes a locality high risk; community cases
 * whose chains are all traced make it "at risk"; no community case in 14 days, low risk. Upper levels
 * take the highest group of their child units (the 2020 groups were set for whole provinces on the
 * strength of their worst outbreak).
 */
export const vn2020_three_groups: RiskRuleSet = {
  code: 'vn2020_three_groups',
  version: 1,
  name: m('Ba nhóm nguy cơ (Quyết định của Thủ tướng ngày 15/4/2020)', 'Three risk groups (Prime Minister decision of 15 April 2020)'),
  levels: [
    {
      key: 'low',
      number: 1,
      colour: colours.green,
      name: m('Nguy cơ thấp', 'Low risk'),
      // ASSUMPTION: the base measures of the period (5K), not listed in DOMAIN for this group.
      measures: [m('Đeo khẩu trang nơi công cộng, rửa tay, khai báo y tế (5K)', 'Masks in public, hand washing, health declaration (5K)')],
    },
    {
      key: 'at_risk',
      number: 2,
      colour: colours.orange,
      name: m('Có nguy cơ', 'At risk'),
      measures: [
        m('Theo Chỉ thị 15: không tổ chức sự kiện trên 20 người trong một phòng', 'Directive 15: no events of more than 20 people in a room'),
        m('Theo Chỉ thị 15: không tập trung quá 10 người ngoài phạm vi công sở, trường học, bệnh viện', 'Directive 15: no gatherings of more than 10 people outside offices, schools and hospitals'),
      ],
    },
    {
      key: 'high',
      number: 3,
      colour: colours.red,
      name: m('Nguy cơ cao', 'High risk'),
      measures: [
        m('Theo Chỉ thị 16: không tập trung quá 2 người nơi công cộng', 'Directive 16: no gatherings of more than 2 people in public'),
        m('Theo Chỉ thị 16: giữ khoảng cách tối thiểu 2 m', 'Directive 16: keep at least 2 m apart'),
      ],
    },
  ],
  communeRules: [
    {
      id: 'high.untraced_community_case',
      level: 'high',
      match: 'any',
      conditions: [when('community_case_unknown_source_14d', '>=', 1)],
      description: m('GIẢ ĐỊNH: có ca bệnh cộng đồng không rõ nguồn lây trong 14 ngày', 'ASSUMPTION: a community case with unknown source in 14 days'),
    },
    {
      id: 'at_risk.community_case',
      level: 'at_risk',
      match: 'any',
      conditions: [when('community_cases_14d', '>=', 1)],
      description: m('GIẢ ĐỊNH: có ca bệnh cộng đồng trong 14 ngày (đã truy vết được nguồn)', 'ASSUMPTION: a community case in 14 days (source traced)'),
    },
  ],
  aggregationRules: [
    { id: 'agg.high.any_child', level: 'high', match: 'any', conditions: [count('high', '>=', 1)], description: m('GIẢ ĐỊNH: có đơn vị cấp dưới nguy cơ cao', 'ASSUMPTION: any child unit at high risk') },
    { id: 'agg.at_risk.any_child', level: 'at_risk', match: 'any', conditions: [count('at_risk', '>=', 1)], description: m('GIẢ ĐỊNH: có đơn vị cấp dưới có nguy cơ', 'ASSUMPTION: any child unit at risk') },
  ],
};

// ---------------------------------------------------------------------------------------------
// Decision 2686/QĐ-BCĐQG (31/5/2021): four levels, commune → district → province.
// ---------------------------------------------------------------------------------------------

/**
 * From DOMAIN §5:
 * - commune "nguy cơ": a community F0 with known source, or > 1 F0 per 100,000 people in 14 days;
 * - district (and province, from its districts or communes) "nguy cơ cao": ≥ 30% of communes high,
 *   or ≥ 50% at "nguy cơ", or any commune very high; "nguy cơ rất cao": ≥ 30% very high or ≥ 50% high.
 *   "x% high" is read as "x% at high or above" (a very-high commune is also at least high).
 *
 * ASSUMPTIONS TO CONFIRM (not in DOMAIN):
 * - commune "nguy cơ cao": a community F0 with unknown source in 14 days, or > 10 per 100,000 in 14 days;
 * - commune "nguy cơ rất cao": ≥ 2 community F0 with unknown source in 14 days, or > 50 per 100,000;
 * - district "nguy cơ": any commune at "nguy cơ" or above (DOMAIN gives no district rule for it);
 * - measures at "bình thường mới" and "nguy cơ" (DOMAIN lists those of the two upper levels).
 */
export const qd2686_2021: RiskRuleSet = {
  code: 'qd2686_2021',
  version: 1,
  name: m('Quyết định 2686/QĐ-BCĐQG (31/5/2021): bốn cấp độ nguy cơ', 'Decision 2686/QĐ-BCĐQG (31 May 2021): four risk levels'),
  levels: [
    {
      key: 'new_normal',
      number: 1,
      colour: colours.green,
      name: m('Bình thường mới', 'New normal'),
      measures: [m('Thực hiện 5K, khai báo y tế (giả định)', 'Follow 5K, health declaration (assumption)')],
    },
    {
      key: 'at_risk',
      number: 2,
      colour: colours.yellow,
      name: m('Nguy cơ', 'At risk'),
      measures: [m('Hạn chế tập trung đông người, tăng cường giám sát và xét nghiệm (giả định)', 'Limit crowds, step up surveillance and testing (assumption)')],
    },
    {
      key: 'high',
      number: 3,
      colour: colours.orange,
      name: m('Nguy cơ cao', 'High risk'),
      measures: [
        m('Không tập trung từ 30 người trở lên', 'No gatherings of 30 people or more'),
        m('Giữ khoảng cách 2 m', 'Keep 2 m apart'),
        m('Khai báo y tế toàn dân trên địa bàn', 'Health declaration for all residents'),
      ],
    },
    {
      key: 'very_high',
      number: 4,
      colour: colours.red,
      name: m('Nguy cơ rất cao', 'Very high risk'),
      measures: [
        m('Phong tỏa, cách ly khu vực', 'Lockdown of the area'),
        m('Chỉ hoạt động kinh doanh hàng hóa, dịch vụ thiết yếu', 'Only essential goods and services may operate'),
      ],
    },
  ],
  communeRules: [
    {
      id: 'very_high.untraced_or_rate',
      level: 'very_high',
      match: 'any',
      conditions: [when('community_case_unknown_source_14d', '>=', 2), when('community_cases_14d_per_100k', '>', 50)],
      description: m('GIẢ ĐỊNH: ≥ 2 F0 cộng đồng không rõ nguồn lây, hoặc > 50 F0/100.000 dân trong 14 ngày', 'ASSUMPTION: ≥ 2 community F0 with unknown source, or > 50 F0 per 100,000 in 14 days'),
    },
    {
      id: 'high.untraced_or_rate',
      level: 'high',
      match: 'any',
      conditions: [when('community_case_unknown_source_14d', '>=', 1), when('community_cases_14d_per_100k', '>', 10)],
      description: m('GIẢ ĐỊNH: có F0 cộng đồng không rõ nguồn lây, hoặc > 10 F0/100.000 dân trong 14 ngày', 'ASSUMPTION: a community F0 with unknown source, or > 10 F0 per 100,000 in 14 days'),
    },
    {
      id: 'at_risk.known_source_or_rate',
      level: 'at_risk',
      match: 'any',
      conditions: [when('community_case_known_source_14d', '>=', 1), when('community_cases_14d_per_100k', '>', 1)],
      description: m('Có F0 cộng đồng rõ nguồn lây, hoặc > 1 F0/100.000 dân trong 14 ngày', 'A community F0 with known source, or > 1 F0 per 100,000 in 14 days'),
    },
  ],
  aggregationRules: [
    {
      id: 'agg.very_high',
      level: 'very_high',
      match: 'any',
      conditions: [share('very_high', '>=', 30), share('high', '>=', 50)],
      description: m('≥ 30% số xã nguy cơ rất cao, hoặc ≥ 50% nguy cơ cao', '≥ 30% of communes very high, or ≥ 50% high'),
    },
    {
      id: 'agg.high',
      level: 'high',
      match: 'any',
      conditions: [share('high', '>=', 30), share('at_risk', '>=', 50), count('very_high', '>=', 1)],
      description: m('≥ 30% số xã nguy cơ cao, hoặc ≥ 50% ở mức nguy cơ, hoặc có xã nguy cơ rất cao', '≥ 30% of communes high, or ≥ 50% at risk, or any commune very high'),
    },
    {
      id: 'agg.at_risk',
      level: 'at_risk',
      match: 'any',
      conditions: [count('at_risk', '>=', 1)],
      description: m('GIẢ ĐỊNH: có xã ở mức nguy cơ', 'ASSUMPTION: any commune at risk'),
    },
  ],
};

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
    measures: [m('Hoạt động kinh tế - xã hội bình thường, thực hiện 5K', 'Normal economic and social activity with 5K')],
  },
  {
    key: 'level_2',
    number: 2,
    colour: colours.yellow,
    name: m('Cấp 2 — Nguy cơ trung bình', 'Level 2 — Medium risk'),
    measures: [m('Hạn chế tụ tập đông người; một số dịch vụ hoạt động có điều kiện', 'Limit crowds; some services operate under conditions')],
  },
  {
    key: 'level_3',
    number: 3,
    colour: colours.orange,
    name: m('Cấp 3 — Nguy cơ cao', 'Level 3 — High risk'),
    measures: [m('Tạm dừng dịch vụ không thiết yếu; hạn chế di chuyển ra vào địa bàn', 'Suspend non-essential services; restrict movement in and out')],
  },
  {
    key: 'level_4',
    number: 4,
    colour: colours.red,
    name: m('Cấp 4 — Nguy cơ rất cao', 'Level 4 — Very high risk'),
    measures: [m('Người dân ở tại nhà, chỉ ra ngoài khi thật cần thiết; chỉ hoạt động thiết yếu', 'Stay at home except when necessary; essential activity only')],
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
    description: m(`GIẢ ĐỊNH: ≥ 50% đơn vị cấp dưới ở cấp này trở lên`, `ASSUMPTION: ≥ 50% of child units at this level or above`),
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
  name: m('Nghị quyết 128/NQ-CP và Quyết định 4800/QĐ-BYT (10/2021): cấp độ 1–4', 'Resolution 128/NQ-CP with Decision 4800/QĐ-BYT (Oct 2021): levels 1–4'),
  levels: levels128,
  communeRules: [
    { id: 'level_4.c1', level: 'level_4', match: 'all', conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_4)], description: m('C1 ≥ 150 ca/100.000/tuần', 'C1 ≥ 150 cases per 100,000 per week') },
    { id: 'level_4.c1_c2_low', level: 'level_4', match: 'all', conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_3), lowCoverage4800], description: m('C1 50–< 150 và C2 chưa đạt (giả định 70%)', 'C1 50–< 150 and C2 not met (assumed 70%)') },
    { id: 'level_3.c1', level: 'level_3', match: 'all', conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_3)], description: m('C1 50–< 150 (cần xác minh)', 'C1 50–< 150 (to verify)') },
    { id: 'level_3.c1_c2_low', level: 'level_3', match: 'all', conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_2), lowCoverage4800], description: m('C1 20–< 50 và C2 chưa đạt (giả định 70%)', 'C1 20–< 50 and C2 not met (assumed 70%)') },
    { id: 'level_2.c1', level: 'level_2', match: 'all', conditions: [when('community_cases_7d_per_100k', '>=', c1Bands4800.level_2)], description: m('C1 20–< 50 (cần xác minh)', 'C1 20–< 50 (to verify)') },
    { id: 'level_2.c2_low', level: 'level_2', match: 'all', conditions: [lowCoverage4800], description: m('C1 < 20 và C2 chưa đạt (giả định 70%)', 'C1 < 20 and C2 not met (assumed 70%)') },
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
  { key: 'full', condition: when('vaccine_coverage_full_adults', '<', 75), vi: '< 75% người lớn tiêm đủ liều', en: '< 75% of adults fully vaccinated' },
  { key: 'high_risk', condition: when('vaccine_coverage_high_risk', '<', 90), vi: '< 90% nhóm nguy cơ cao', en: '< 90% of high-risk groups' },
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
  levels: levels128,
  communeRules: [
    { id: 'level_4.c1', level: 'level_4', match: 'all', conditions: [c1Above218(c1Bands218.level_4)], description: m('C1 > 600 ca/100.000/tuần', 'C1 > 600 cases per 100,000 per week') },
    ...c2LowRules218('level_4', c1Bands218.level_3),
    { id: 'level_3.c1', level: 'level_3', match: 'all', conditions: [c1Above218(c1Bands218.level_3)], description: m('GIẢ ĐỊNH: C1 > 150 đến 600', 'ASSUMPTION: C1 > 150 up to 600') },
    ...c2LowRules218('level_3', c1Bands218.level_2),
    { id: 'level_2.c1', level: 'level_2', match: 'all', conditions: [c1Above218(c1Bands218.level_2)], description: m('GIẢ ĐỊNH: C1 > 20 đến 150', 'ASSUMPTION: C1 > 20 up to 150') },
    ...c2LowRules218('level_2', null),
  ],
  aggregationRules: halfAtOrAbove(['level_2', 'level_3', 'level_4']),
  constraints: constraints128,
};

export const riskRuleSetPresets: readonly RiskRuleSet[] = [vn2020_three_groups, qd2686_2021, nq128_qd4800_2021, qd218_2022];

/**
 * The rule set a new installation applies until an administrator activates another: Decision 218,
 * the last of DOMAIN §5's decisions in force.
 */
export const defaultRiskRuleSet = qd218_2022;
