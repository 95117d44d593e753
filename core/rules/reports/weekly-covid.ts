import type {
  ReportComputation,
  ReportField,
  ReportSection,
  ReportTemplateInput,
} from '../../schemas/report-template.ts';

/**
 * The province's weekly COVID-19 prevention report (issue 16; 2810/UBND-KGVX: every unit reports to
 * the provincial People's Committee "before Wednesday every week"). Figures phongdich records are
 * computed for the unit's area and week; those of modules that do not exist yet (inspections,
 * resources) are typed in until they do, then become `computed:`.
 */

const count = (key: string, vi: string, en: string, computed?: ReportComputation): ReportField => ({
  key,
  label: { vi, en },
  type: 'integer',
  source: computed ? `computed:${computed}` : 'manual',
});
const text = (key: string, vi: string, en: string): ReportField => ({
  key,
  label: { vi, en },
  type: 'text',
  source: 'manual',
});
const section = (key: string, vi: string, en: string, fields: ReportField[]): ReportSection => ({
  key,
  title: { vi, en },
  fields,
});

const classifications = [
  ['imported', 'nhập cảnh', 'imported'],
  ['community', 'trong cộng đồng', 'in the community'],
  ['in_quarantine', 'trong khu cách ly', 'in quarantine'],
] as const;

const settings = [
  ['concentrated', 'cách ly tập trung', 'concentrated quarantine'],
  ['hotel', 'cách ly tại khách sạn', 'hotel quarantine'],
  ['home', 'cách ly tại nhà', 'home quarantine'],
  ['health_facility', 'cách ly tại cơ sở y tế', 'quarantine in a health facility'],
] as const;

/** The groups of the workplaces' COVID-19 safety self-assessment (Decision 2194/QĐ-BCĐ, issue 15). */
const assessmentGroups = [
  ['very_low', 'nguy cơ rất thấp', 'very low risk'],
  ['low', 'nguy cơ thấp', 'low risk'],
  ['medium', 'nguy cơ trung bình', 'medium risk'],
  ['high', 'nguy cơ cao', 'high risk'],
  ['very_high', 'nguy cơ rất cao', 'very high risk'],
] as const;

export const weeklyCovid: ReportTemplateInput = {
  code: 'weekly-covid',
  version: 1,
  name: {
    vi: 'Báo cáo tuần kết quả công tác phòng, chống dịch COVID-19',
    en: 'Weekly COVID-19 prevention report',
  },
  period: { kind: 'weekly', due: { days: 3, time: '00:00' } },
  sections: [
    section('cases', 'Ca mắc COVID-19', 'COVID-19 cases', [
      ...classifications.map(([k, vi, en]) =>
        count(`cases_new_${k}`, `Ca mắc mới ${vi}`, `New cases ${en}`, `cases_new_${k}`),
      ),
      ...classifications.map(([k, vi, en]) =>
        count(`cases_cumulative_${k}`, `Cộng dồn ca mắc ${vi}`, `Cumulative cases ${en}`, `cases_cumulative_${k}`),
      ),
    ]),
    section('testing', 'Xét nghiệm', 'Testing', [
      count('tests_taken', 'Số mẫu đã lấy', 'Samples taken', 'tests_taken'),
      count('tests_resulted', 'Số mẫu có kết quả', 'Samples resulted', 'tests_resulted'),
      count('tests_positive', 'Số mẫu dương tính', 'Positive samples', 'tests_positive'),
    ]),
    section(
      'quarantine',
      'Cách ly',
      'Quarantine',
      settings.flatMap(([k, vi, en]) => [
        count(`quarantine_${k}_current`, `Đang ${vi}`, `Currently in ${en}`, `quarantine_${k}_current`),
        count(`quarantine_${k}_new`, `Mới ${vi} trong tuần`, `Entered ${en} this week`, `quarantine_${k}_new`),
        count(
          `quarantine_${k}_released`,
          `Hoàn thành ${vi} trong tuần`,
          `Released from ${en} this week`,
          `quarantine_${k}_released`,
        ),
      ]),
    ),
    section('tracing', 'Truy vết', 'Contact tracing', [
      count('contacts_f1_traced', 'Số F1 đã truy vết', 'F1 contacts traced', 'contacts_f1_traced'),
      count('contacts_f2_traced', 'Số F2 đã truy vết', 'F2 contacts traced', 'contacts_f2_traced'),
    ]),
    section('declarations', 'Khai báo y tế và quét mã', 'Health declarations and check-ins', [
      count('health_declarations', 'Lượt khai báo y tế', 'Health declarations', 'health_declarations'),
      count('checkins', 'Lượt quét mã QR tại địa điểm', 'Venue check-ins', 'checkins'),
      count(
        'arrivals_from_epidemic_areas',
        'Người đến từ vùng có dịch',
        'Arrivals from epidemic areas',
        'arrivals_from_epidemic_areas',
      ),
    ]),
    section('workplaces', 'Đánh giá an toàn phòng, chống dịch của cơ sở', 'COVID-19 safety of workplaces', [
      count('organisations_assessed', 'Số cơ sở đã đánh giá', 'Organisations assessed', 'organisations_assessed'),
      ...assessmentGroups.map(([k, vi, en]) =>
        count(`organisations_${k}`, `Số cơ sở ${vi}`, `Organisations at ${en}`, `organisations_${k}`),
      ),
    ]),
    section('inspections', 'Kiểm tra, xử lý vi phạm', 'Inspections and violations', [
      count('inspections_done', 'Số cuộc kiểm tra', 'Inspections done'),
      count('violations', 'Số trường hợp vi phạm', 'Violations found'),
      count('fines_vnd', 'Tổng số tiền xử phạt (đồng)', 'Fines imposed (VND)'),
    ]),
    section('resources', 'Thuốc, vật tư, trang thiết bị', 'Medicines, supplies and equipment', [
      count('stocks_below_minimum', 'Số mặt hàng dưới mức dự trữ tối thiểu', 'Items below the minimum stock'),
    ]),
    section('readiness', 'Sẵn sàng ứng phó theo cấp độ dịch', 'Readiness to respond by epidemic level', [
      count(
        'readiness_level3_percent',
        'Mức sẵn sàng bình quân của các xã nếu lên cấp 3 (%)',
        "Communes' mean readiness if level 3 is declared (%)",
        'readiness_level3_percent',
      ),
      count(
        'communes_without_approved_plan',
        'Số xã chưa có kế hoạch ứng phó được phê duyệt',
        'Communes without an approved response plan',
        'communes_without_approved_plan',
      ),
      count(
        'plan_sections_activated',
        'Số phương án được kích hoạt trong tuần',
        'Plan sections activated this week',
        'plan_sections_activated',
      ),
    ]),
    section('narrative', 'Kết quả, khó khăn và kiến nghị', 'Results, difficulties and proposals', [
      text('results', 'Kết quả nổi bật trong tuần', "The week's main results"),
      text('difficulties', 'Khó khăn, vướng mắc', 'Difficulties'),
      text('proposals', 'Đề xuất, kiến nghị', 'Proposals'),
    ]),
  ],
};
