import type { LocalityView } from '../../../core/schemas/localities.ts';
import type { SheetColumn } from '../../shared/excel.ts';

export const localityColumns: SheetColumn<LocalityView>[] = [
  { header: { vi: 'Mã', en: 'Code' }, width: 10, value: (l) => l.code },
  { header: { vi: 'Tên', en: 'Name' }, width: 24, value: (l) => l.name },
  { header: { vi: 'Tên đầy đủ', en: 'Full name' }, width: 30, value: (l) => l.fullName },
  { header: { vi: 'Loại', en: 'Type' }, width: 12, value: (l) => l.type },
  { header: { vi: 'Cấp', en: 'Level' }, width: 10, value: (l) => l.level },
  { header: { vi: 'Diện tích (km²)', en: 'Area (km²)' }, width: 14, value: (l) => l.areaKm2 },
  { header: { vi: 'Dân số', en: 'Population' }, width: 12, value: (l) => l.population },
  { header: { vi: 'Số liệu minh hoạ', en: 'Demo figure' }, width: 14, value: (l) => l.populationIsDemo },
  { header: { vi: 'Trạng thái', en: 'Status' }, width: 12, value: (l) => l.status },
  { header: { vi: 'Sáp nhập vào', en: 'Merged into' }, width: 12, value: (l) => l.mergedIntoCode },
];
