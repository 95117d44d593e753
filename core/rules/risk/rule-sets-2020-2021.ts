import type { RiskRuleSet } from '../../schemas/risk-rule-set.ts';
import { colours, count, m, share, when } from './rule-set-builders.ts';

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
  name: m(
    'Ba nhóm nguy cơ (Quyết định của Thủ tướng ngày 15/4/2020)',
    'Three risk groups (Prime Minister decision of 15 April 2020)',
  ),
  levels: [
    {
      key: 'low',
      number: 1,
      colour: colours.green,
      name: m('Nguy cơ thấp', 'Low risk'),
      // ASSUMPTION: the base measures of the period (5K), not listed in DOMAIN for this group.
      measures: [
        m(
          'Đeo khẩu trang nơi công cộng, rửa tay, khai báo y tế (5K)',
          'Masks in public, hand washing, health declaration (5K)',
        ),
      ],
    },
    {
      key: 'at_risk',
      number: 2,
      colour: colours.orange,
      name: m('Có nguy cơ', 'At risk'),
      measures: [
        m(
          'Theo Chỉ thị 15: không tổ chức sự kiện trên 20 người trong một phòng',
          'Directive 15: no events of more than 20 people in a room',
        ),
        m(
          'Theo Chỉ thị 15: không tập trung quá 10 người ngoài phạm vi công sở, trường học, bệnh viện',
          'Directive 15: no gatherings of more than 10 people outside offices, schools and hospitals',
        ),
      ],
    },
    {
      key: 'high',
      number: 3,
      colour: colours.red,
      name: m('Nguy cơ cao', 'High risk'),
      measures: [
        m(
          'Theo Chỉ thị 16: không tập trung quá 2 người nơi công cộng',
          'Directive 16: no gatherings of more than 2 people in public',
        ),
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
      description: m(
        'GIẢ ĐỊNH: có ca bệnh cộng đồng không rõ nguồn lây trong 14 ngày',
        'ASSUMPTION: a community case with unknown source in 14 days',
      ),
    },
    {
      id: 'at_risk.community_case',
      level: 'at_risk',
      match: 'any',
      conditions: [when('community_cases_14d', '>=', 1)],
      description: m(
        'GIẢ ĐỊNH: có ca bệnh cộng đồng trong 14 ngày (đã truy vết được nguồn)',
        'ASSUMPTION: a community case in 14 days (source traced)',
      ),
    },
  ],
  aggregationRules: [
    {
      id: 'agg.high.any_child',
      level: 'high',
      match: 'any',
      conditions: [count('high', '>=', 1)],
      description: m('GIẢ ĐỊNH: có đơn vị cấp dưới nguy cơ cao', 'ASSUMPTION: any child unit at high risk'),
    },
    {
      id: 'agg.at_risk.any_child',
      level: 'at_risk',
      match: 'any',
      conditions: [count('at_risk', '>=', 1)],
      description: m('GIẢ ĐỊNH: có đơn vị cấp dưới có nguy cơ', 'ASSUMPTION: any child unit at risk'),
    },
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
  name: m(
    'Quyết định 2686/QĐ-BCĐQG (31/5/2021): bốn cấp độ nguy cơ',
    'Decision 2686/QĐ-BCĐQG (31 May 2021): four risk levels',
  ),
  legalBases: [
    'Quyết định số 2686/QĐ-BCĐQG ngày 31 tháng 5 năm 2021 của Ban Chỉ đạo Quốc gia phòng, chống dịch COVID-19 ban hành Quy định đánh giá mức độ nguy cơ và các biện pháp hành chính tương ứng trong phòng, chống dịch COVID-19',
  ],
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
      measures: [
        m(
          'Hạn chế tập trung đông người, tăng cường giám sát và xét nghiệm (giả định)',
          'Limit crowds, step up surveillance and testing (assumption)',
        ),
      ],
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
      description: m(
        'GIẢ ĐỊNH: ≥ 2 F0 cộng đồng không rõ nguồn lây, hoặc > 50 F0/100.000 dân trong 14 ngày',
        'ASSUMPTION: ≥ 2 community F0 with unknown source, or > 50 F0 per 100,000 in 14 days',
      ),
    },
    {
      id: 'high.untraced_or_rate',
      level: 'high',
      match: 'any',
      conditions: [when('community_case_unknown_source_14d', '>=', 1), when('community_cases_14d_per_100k', '>', 10)],
      description: m(
        'GIẢ ĐỊNH: có F0 cộng đồng không rõ nguồn lây, hoặc > 10 F0/100.000 dân trong 14 ngày',
        'ASSUMPTION: a community F0 with unknown source, or > 10 F0 per 100,000 in 14 days',
      ),
    },
    {
      id: 'at_risk.known_source_or_rate',
      level: 'at_risk',
      match: 'any',
      conditions: [when('community_case_known_source_14d', '>=', 1), when('community_cases_14d_per_100k', '>', 1)],
      description: m(
        'Có F0 cộng đồng rõ nguồn lây, hoặc > 1 F0/100.000 dân trong 14 ngày',
        'A community F0 with known source, or > 1 F0 per 100,000 in 14 days',
      ),
    },
  ],
  aggregationRules: [
    {
      id: 'agg.very_high',
      level: 'very_high',
      match: 'any',
      conditions: [share('very_high', '>=', 30), share('high', '>=', 50)],
      description: m(
        '≥ 30% số xã nguy cơ rất cao, hoặc ≥ 50% nguy cơ cao',
        '≥ 30% of communes very high, or ≥ 50% high',
      ),
    },
    {
      id: 'agg.high',
      level: 'high',
      match: 'any',
      conditions: [share('high', '>=', 30), share('at_risk', '>=', 50), count('very_high', '>=', 1)],
      description: m(
        '≥ 30% số xã nguy cơ cao, hoặc ≥ 50% ở mức nguy cơ, hoặc có xã nguy cơ rất cao',
        '≥ 30% of communes high, or ≥ 50% at risk, or any commune very high',
      ),
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
