import type { UnitKind } from '../../db/schema-reports.ts';

/**
 * The units every province configures (issue 16; the members of a provincial steering committee
 * for COVID-19 prevention under Decision 447/QĐ-TTg and the seeds' 2810/UBND-KGVX): the People's
 * Committee with its steering committee receives the reports; departments, armed forces, the
 * Fatherland Front and mass organisations report to it; the communes report to the CDC, which
 * reports to the Health department. `code` is suffixed to the province code (`12-SYT`); a commune
 * unit's code is its GSO code. ASSUMPTION: the list a province starts from, edited by it later.
 */
export interface ProvinceUnitPlan {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  /** The code suffix of the supervisor unit; null for the People's Committee itself. */
  supervisor: string | null;
}

const dept = (code: string, name: string, nameEn: string, kind: UnitKind = 'department', supervisor = 'UBND') => ({
  code,
  name,
  nameEn,
  kind,
  supervisor,
});

export const provinceUnitPlan: readonly ProvinceUnitPlan[] = [
  {
    code: 'UBND',
    name: 'UBND tỉnh (Ban Chỉ đạo phòng, chống dịch COVID-19)',
    nameEn: "Provincial People's Committee (COVID-19 steering committee)",
    kind: 'people_committee',
    supervisor: null,
  },
  dept('SYT', 'Sở Y tế', 'Department of Health'),
  dept('CDC', 'Trung tâm Kiểm soát bệnh tật tỉnh', 'Provincial CDC', 'agency', 'SYT'),
  dept('CA', 'Công an tỉnh', 'Provincial Police', 'armed_force'),
  dept('BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', 'Provincial Military Command', 'armed_force'),
  dept('BDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'Provincial Border Guard Command', 'armed_force'),
  dept('SGDDT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'),
  dept('SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'Department of Labour, Invalids and Social Affairs'),
  dept('SCT', 'Sở Công Thương', 'Department of Industry and Trade'),
  dept('STTTT', 'Sở Thông tin và Truyền thông', 'Department of Information and Communications'),
  dept('SGTVT', 'Sở Giao thông vận tải', 'Department of Transport'),
  dept('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism'),
  dept('STC', 'Sở Tài chính', 'Department of Finance'),
  dept('MTTQ', 'Ủy ban MTTQ Việt Nam tỉnh', 'Provincial Fatherland Front Committee', 'mass_organisation'),
  dept('TD', 'Tỉnh Đoàn', 'Provincial Youth Union', 'mass_organisation'),
  dept('HLHPN', 'Hội Liên hiệp Phụ nữ tỉnh', "Provincial Women's Union", 'mass_organisation'),
  dept('LDLD', 'Liên đoàn Lao động tỉnh', 'Provincial Labour Federation', 'mass_organisation'),
];

/** Communes (and districts) report to the CDC. */
export const communeSupervisor = 'CDC';
