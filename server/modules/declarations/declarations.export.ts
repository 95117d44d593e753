import type { ArrivalRow, DeclarationRow } from '../../../core/schemas/declarations.ts';
import { sheetDay, type SheetColumn } from '../../shared/excel.ts';

export const declarationColumns: SheetColumn<DeclarationRow>[] = [
  { header: { vi: 'Thời điểm khai', en: 'Submitted' }, width: 20, value: (d) => new Date(d.submittedAt) },
  { header: { vi: 'Hiệu lực đến', en: 'Valid until' }, width: 20, value: (d) => new Date(d.validUntil) },
  { header: { vi: 'Họ và tên', en: 'Full name' }, width: 26, value: (d) => d.fullName },
  { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (d) => d.birthYear },
  { header: { vi: 'Điện thoại', en: 'Phone' }, width: 14, value: (d) => d.phone },
  { header: { vi: 'Xã, phường', en: 'Commune' }, width: 20, value: (d) => d.communeName },
  { header: { vi: 'Triệu chứng', en: 'Symptoms' }, width: 30, value: (d) => d.symptoms.join(', ') },
  { header: { vi: 'Yếu tố dịch tễ', en: 'Exposures' }, width: 30, value: (d) => d.exposures.join(', ') },
];

export const arrivalColumns: SheetColumn<ArrivalRow>[] = [
  { header: { vi: 'Thời điểm khai', en: 'Submitted' }, width: 20, value: (a) => new Date(a.submittedAt) },
  { header: { vi: 'Họ và tên', en: 'Full name' }, width: 26, value: (a) => a.fullName },
  { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (a) => a.birthYear },
  { header: { vi: 'Điện thoại', en: 'Phone' }, width: 14, value: (a) => a.phone },
  { header: { vi: 'Nơi đi', en: 'From' }, width: 34, value: (a) => a.originName ?? a.origin },
  { header: { vi: 'Mã nơi đi', en: 'From (code)' }, width: 10, value: (a) => a.origin },
  { header: { vi: 'Phương tiện', en: 'Vehicle' }, width: 16, value: (a) => a.vehicle },
  { header: { vi: 'Ngày đến', en: 'Arrived' }, width: 12, value: (a) => sheetDay(a.arrivedOn) },
  { header: { vi: 'Nơi đến', en: 'Destination' }, width: 20, value: (a) => a.destinationCommuneName },
  { header: { vi: 'Cần theo dõi', en: 'Flagged' }, width: 10, value: (a) => a.flagged },
  { header: { vi: 'Lý do', en: 'Reasons' }, width: 24, value: (a) => a.flagReasons.join(', ') },
  { header: { vi: 'Tình trạng theo dõi', en: 'Follow-up' }, width: 14, value: (a) => a.followUpStatus },
  { header: { vi: 'Cơ sở lưu trú khai', en: 'Declared by host' }, width: 24, value: (a) => a.declaredByHost },
];
