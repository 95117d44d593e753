import type { Locale } from './errors.ts';
import type { ExposureCode, SymptomCode, VehicleType } from './declaration-codes.ts';
import type { Role } from './roles.ts';

/**
 * The words of the closed lists officials read in files the server writes (Excel, PDF) and in the
 * staff client's catalogue, which spreads these same records: one wording per code and language.
 */
type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const symptomLabels: Labels<SymptomCode> = {
  fever: { vi: 'Sốt', en: 'Fever' },
  cough: { vi: 'Ho', en: 'Cough' },
  shortness_of_breath: { vi: 'Khó thở', en: 'Shortness of breath' },
  sore_throat: { vi: 'Đau họng', en: 'Sore throat' },
  nausea_vomiting: { vi: 'Buồn nôn, nôn', en: 'Nausea, vomiting' },
  diarrhoea: { vi: 'Tiêu chảy', en: 'Diarrhoea' },
  skin_haemorrhage: { vi: 'Xuất huyết ngoài da', en: 'Skin haemorrhage' },
  rash: { vi: 'Nổi ban ngoài da', en: 'Rash' },
};

export const exposureLabels: Labels<ExposureCode> = {
  contact_with_case: { vi: 'Tiếp xúc người bệnh hoặc nghi ngờ mắc bệnh', en: 'Contact with a case or suspected case' },
  travel_epidemic_area: { vi: 'Đến từ hoặc qua vùng có dịch', en: 'Came from or through an epidemic area' },
  animal_market: { vi: 'Đến chợ hoặc nơi giết mổ động vật', en: 'Visited an animal market or slaughterhouse' },
};

export const vehicleLabels: Labels<VehicleType> = {
  plane: { vi: 'Máy bay', en: 'Plane' },
  train: { vi: 'Tàu hoả', en: 'Train' },
  bus: { vi: 'Xe khách', en: 'Coach' },
  car: { vi: 'Ô tô', en: 'Car' },
  motorbike: { vi: 'Xe máy', en: 'Motorbike' },
  ship: { vi: 'Tàu thuỷ', en: 'Ship' },
  other: { vi: 'Khác', en: 'Other' },
};

export const arrivalFlagLabels: Labels<
  'international' | 'high_risk_origin' | 'epidemic_zone' | 'border_checkpoint' | 'province_referral'
> = {
  international: { vi: 'Nhập cảnh từ nước ngoài', en: 'Arrived from abroad' },
  province_referral: { vi: 'Do tỉnh khác chuyển đến', en: 'Referred by another province' },
  border_checkpoint: { vi: 'Chốt biên giới, kiểm dịch chuyển về', en: 'Sent on by a border or entrance checkpoint' },
  high_risk_origin: { vi: 'Đến từ địa bàn nguy cơ cao', en: 'From a high-risk area' },
  epidemic_zone: { vi: 'Đến từ vùng dịch', en: 'From an epidemic zone' },
};

export const followUpStatusLabels: Labels<'none' | 'pending' | 'contacted' | 'closed'> = {
  none: { vi: 'Không cần theo dõi', en: 'No follow-up needed' },
  pending: { vi: 'Chờ liên hệ', en: 'To contact' },
  contacted: { vi: 'Đã liên hệ', en: 'Contacted' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

export const roleLabels: Labels<Role> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  steering_committee: { vi: 'Ban Chỉ đạo', en: 'Steering committee' },
  health_department: { vi: 'Sở Y tế / CDC', en: 'Health department / CDC' },
  commune_officer: { vi: 'Cán bộ xã, phường', en: 'Commune officer' },
  facility_staff: { vi: 'Nhân viên cơ sở cách ly, điều trị', en: 'Quarantine / treatment facility staff' },
  organisation_admin: { vi: 'Quản trị cơ quan, doanh nghiệp', en: 'Organisation administrator' },
  inspector: { vi: 'Thanh tra, kiểm tra', en: 'Inspector' },
  border_guard: { vi: 'Bộ đội Biên phòng', en: 'Border guard' },
  checkpoint_staff: { vi: 'Nhân viên chốt kiểm soát, kiểm dịch', en: 'Checkpoint staff' },
};

/** One language's words of a list, as a catalogue section: `{ fever: 'Sốt', … }`. */
export function wordsIn<K extends string>(labels: Labels<K>, locale: Locale): Record<K, string> {
  return Object.fromEntries(Object.entries<Record<Locale, string>>(labels).map(([k, v]) => [k, v[locale]])) as Record<
    K,
    string
  >;
}

/** A code's words, or the code itself when it is not on the list (an older record's value). */
export function labelOf<K extends string>(labels: Labels<K>, code: string, locale: Locale): string {
  return (labels as Record<string, Record<Locale, string> | undefined>)[code]?.[locale] ?? code;
}
