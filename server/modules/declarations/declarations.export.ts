import {
  arrivalFlagLabels,
  exposureLabels,
  followUpStatusLabels,
  labelOf,
  symptomLabels,
  vehicleLabels,
} from '../../../core/code-labels.ts';
import type { Locale } from '../../../core/errors.ts';
import type { PlaceNamer } from '../../../core/rules/place-names.ts';
import type { ArrivalRow, DeclarationRow } from '../../../core/schemas/declarations.ts';
import { sheetDay, type SheetColumn } from '../../shared/excel.ts';

const words = <K extends string>(labels: Parameters<typeof labelOf<K>>[0], codes: string[], locale: Locale) =>
  codes.map((c) => labelOf(labels, c, locale)).join(', ');

/** The row's "plane VN123" (type code, then the number) → "Máy bay VN123". */
function vehicleWords(vehicle: string, locale: Locale): string {
  const [type = '', ...rest] = vehicle.split(' ');
  return [labelOf(vehicleLabels, type, locale), ...rest].join(' ').trim();
}

export function declarationColumns(locale: Locale, names: PlaceNamer): SheetColumn<DeclarationRow>[] {
  return [
    { header: { vi: 'Thời điểm khai', en: 'Submitted' }, width: 20, value: (d) => new Date(d.submittedAt) },
    { header: { vi: 'Hiệu lực đến', en: 'Valid until' }, width: 20, value: (d) => new Date(d.validUntil) },
    { header: { vi: 'Họ và tên', en: 'Full name' }, width: 26, value: (d) => d.fullName },
    { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (d) => d.birthYear },
    { header: { vi: 'Điện thoại', en: 'Phone' }, width: 14, value: (d) => d.phone },
    { header: { vi: 'Xã, phường', en: 'Commune' }, width: 20, value: (d) => names(d.communeCode, d.communeName) },
    {
      header: { vi: 'Triệu chứng', en: 'Symptoms' },
      width: 30,
      value: (d) => words(symptomLabels, d.symptoms, locale),
    },
    {
      header: { vi: 'Yếu tố dịch tễ', en: 'Exposures' },
      width: 30,
      value: (d) => words(exposureLabels, d.exposures, locale),
    },
  ];
}

export function arrivalColumns(locale: Locale, names: PlaceNamer): SheetColumn<ArrivalRow>[] {
  return [
    { header: { vi: 'Thời điểm khai', en: 'Submitted' }, width: 20, value: (a) => new Date(a.submittedAt) },
    { header: { vi: 'Họ và tên', en: 'Full name' }, width: 26, value: (a) => a.fullName },
    { header: { vi: 'Năm sinh', en: 'Birth year' }, width: 10, value: (a) => a.birthYear },
    { header: { vi: 'Điện thoại', en: 'Phone' }, width: 14, value: (a) => a.phone },
    { header: { vi: 'Nơi đi', en: 'From' }, width: 34, value: (a) => a.originName ?? a.origin },
    { header: { vi: 'Mã nơi đi', en: 'From (code)' }, width: 10, value: (a) => a.origin },
    { header: { vi: 'Phương tiện', en: 'Vehicle' }, width: 16, value: (a) => vehicleWords(a.vehicle, locale) },
    { header: { vi: 'Ngày đến', en: 'Arrived' }, width: 12, value: (a) => sheetDay(a.arrivedOn) },
    {
      header: { vi: 'Nơi đến', en: 'Destination' },
      width: 20,
      value: (a) => names(a.destinationCommuneCode, a.destinationCommuneName),
    },
    { header: { vi: 'Cần theo dõi', en: 'Flagged' }, width: 10, value: (a) => a.flagged },
    {
      header: { vi: 'Lý do', en: 'Reasons' },
      width: 24,
      value: (a) => words(arrivalFlagLabels, a.flagReasons, locale),
    },
    {
      header: { vi: 'Tình trạng theo dõi', en: 'Follow-up' },
      width: 14,
      value: (a) => labelOf(followUpStatusLabels, a.followUpStatus, locale),
    },
    { header: { vi: 'Cơ sở lưu trú khai', en: 'Declared by host' }, width: 24, value: (a) => a.declaredByHost },
  ];
}
