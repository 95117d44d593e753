/**
 * The catalogue of means and supplies (issue 18, "4 tại chỗ"): every item a store may hold, with the
 * unit its quantities count in. Quantities are whole numbers of that unit. Kits and medicines carry
 * a lot and an expiry date, the rest do not.
 */

export const unitsOfMeasure = ['piece', 'pair', 'box', 'litre', 'kit', 'cylinder', 'device', 'vehicle', 'set'] as const;
export type UnitOfMeasure = (typeof unitsOfMeasure)[number];

export const itemCategories = [
  'protection',
  'testing',
  'oxygen',
  'equipment',
  'medicine',
  'transport',
  'shelter',
] as const;
export type ItemCategory = (typeof itemCategories)[number];

interface CatalogueItem {
  category: ItemCategory;
  unit: UnitOfMeasure;
  /** Received and issued by lot, with an expiry date. */
  lotTracked: boolean;
  name: { vi: string; en: string };
}

export const itemCatalogue = {
  protective_suit: {
    category: 'protection',
    unit: 'set',
    lotTracked: false,
    name: { vi: 'Bộ quần áo bảo hộ', en: 'Protective suit' },
  },
  n95_mask: {
    category: 'protection',
    unit: 'piece',
    lotTracked: false,
    name: { vi: 'Khẩu trang N95', en: 'N95 mask' },
  },
  medical_mask: {
    category: 'protection',
    unit: 'piece',
    lotTracked: false,
    name: { vi: 'Khẩu trang y tế', en: 'Medical mask' },
  },
  gloves: {
    category: 'protection',
    unit: 'pair',
    lotTracked: false,
    name: { vi: 'Găng tay y tế', en: 'Medical gloves' },
  },
  disinfectant: {
    category: 'protection',
    unit: 'litre',
    lotTracked: true,
    name: { vi: 'Dung dịch khử khuẩn', en: 'Disinfectant' },
  },
  rt_pcr_kit: {
    category: 'testing',
    unit: 'kit',
    lotTracked: true,
    name: { vi: 'Sinh phẩm xét nghiệm RT-PCR', en: 'RT-PCR test kit' },
  },
  rapid_antigen_kit: {
    category: 'testing',
    unit: 'kit',
    lotTracked: true,
    name: { vi: 'Kit test nhanh kháng nguyên', en: 'Rapid antigen test kit' },
  },
  sample_tube: {
    category: 'testing',
    unit: 'piece',
    lotTracked: true,
    name: { vi: 'Ống lấy mẫu (môi trường vận chuyển)', en: 'Sample tube (transport medium)' },
  },
  oxygen_cylinder: {
    category: 'oxygen',
    unit: 'cylinder',
    lotTracked: false,
    name: { vi: 'Bình ô xy', en: 'Oxygen cylinder' },
  },
  oxygen_concentrator: {
    category: 'oxygen',
    unit: 'device',
    lotTracked: false,
    name: { vi: 'Máy tạo ô xy', en: 'Oxygen concentrator' },
  },
  ventilator: { category: 'equipment', unit: 'device', lotTracked: false, name: { vi: 'Máy thở', en: 'Ventilator' } },
  spo2_meter: {
    category: 'equipment',
    unit: 'device',
    lotTracked: false,
    name: { vi: 'Máy đo SpO2', en: 'SpO2 meter' },
  },
  antiviral_medicine: {
    category: 'medicine',
    unit: 'box',
    lotTracked: true,
    name: { vi: 'Thuốc kháng vi rút', en: 'Antiviral medicine' },
  },
  home_care_medicine_pack: {
    category: 'medicine',
    unit: 'box',
    lotTracked: true,
    name: { vi: 'Túi thuốc điều trị tại nhà', en: 'Home-care medicine pack' },
  },
  ambulance: {
    category: 'transport',
    unit: 'vehicle',
    lotTracked: false,
    name: { vi: 'Xe cứu thương', en: 'Ambulance' },
  },
  vehicle: {
    category: 'transport',
    unit: 'vehicle',
    lotTracked: false,
    name: { vi: 'Xe chuyên dùng', en: 'Service vehicle' },
  },
  tent: { category: 'shelter', unit: 'piece', lotTracked: false, name: { vi: 'Lều bạt', en: 'Tent' } },
  field_hospital_kit: {
    category: 'shelter',
    unit: 'set',
    lotTracked: false,
    name: { vi: 'Bộ trang bị bệnh viện dã chiến', en: 'Field-hospital kit' },
  },
} as const satisfies Record<string, CatalogueItem>;

export type ItemCode = keyof typeof itemCatalogue;
export const itemCodes = Object.keys(itemCatalogue) as [ItemCode, ...ItemCode[]];

export const unitOfMeasureLabels: Record<UnitOfMeasure, { vi: string; en: string }> = {
  piece: { vi: 'cái', en: 'pieces' },
  pair: { vi: 'đôi', en: 'pairs' },
  box: { vi: 'hộp', en: 'boxes' },
  litre: { vi: 'lít', en: 'litres' },
  kit: { vi: 'test', en: 'tests' },
  cylinder: { vi: 'bình', en: 'cylinders' },
  device: { vi: 'máy', en: 'devices' },
  vehicle: { vi: 'xe', en: 'vehicles' },
  set: { vi: 'bộ', en: 'sets' },
};

export function isLotTracked(code: ItemCode): boolean {
  return itemCatalogue[code].lotTracked;
}
