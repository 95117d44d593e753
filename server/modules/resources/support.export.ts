import type { Locale } from '../../../core/errors.ts';
import type { DistributionView, DonationView } from '../../../core/schemas/resources.ts';
import { donationPurposeLabels, recipientKindLabels } from '../../../core/rules/resources/support.ts';
import type { SheetColumn } from '../../shared/excel.ts';

export function donationColumns(locale: Locale): SheetColumn<DonationView>[] {
  return [
    { header: { vi: 'Ngày tiếp nhận', en: 'Received on' }, width: 12, value: (d) => ({ day: d.receivedOn }) },
    { header: { vi: 'Đơn vị tiếp nhận', en: 'Received by' }, width: 28, value: (d) => d.unit.name },
    {
      header: { vi: 'Nhà hảo tâm', en: 'Donor' },
      width: 28,
      value: (d) => d.donorName ?? (locale === 'vi' ? 'Ẩn danh' : 'Anonymous'),
    },
    { header: { vi: 'Mục đích', en: 'Purpose' }, width: 24, value: (d) => donationPurposeLabels[d.purpose][locale] },
    {
      header: { vi: 'Hình thức', en: 'Form' },
      width: 10,
      value: (d) => (d.form === 'cash' ? (locale === 'vi' ? 'Tiền' : 'Cash') : locale === 'vi' ? 'Hiện vật' : 'Goods'),
    },
    { header: { vi: 'Hiện vật', en: 'Goods' }, width: 24, value: (d) => d.goodsDescription },
    { header: { vi: 'Số tiền / số lượng', en: 'Amount or quantity' }, width: 14, value: (d) => d.amount },
    { header: { vi: 'Đơn vị tính', en: 'Unit' }, width: 10, value: (d) => d.goodsUnit ?? 'VND' },
    { header: { vi: 'Đã trao', en: 'Handed out' }, width: 14, value: (d) => d.distributed },
    { header: { vi: 'Còn lại', en: 'Remaining' }, width: 14, value: (d) => d.remaining },
  ];
}

export function distributionColumns(locale: Locale): SheetColumn<DistributionView>[] {
  return [
    { header: { vi: 'Ngày trao', en: 'Handed out on' }, width: 12, value: (s) => ({ day: s.distributedOn }) },
    { header: { vi: 'Người nhận', en: 'Recipient' }, width: 28, value: (s) => s.recipientName },
    { header: { vi: 'Đối tượng', en: 'Kind' }, width: 26, value: (s) => recipientKindLabels[s.recipientKind][locale] },
    { header: { vi: 'Địa chỉ', en: 'Address' }, width: 30, value: (s) => s.recipientAddress },
    { header: { vi: 'Xã, phường', en: 'Commune' }, width: 20, value: (s) => s.localityName },
    { header: { vi: 'Số tiền / số lượng', en: 'Amount or quantity' }, width: 14, value: (s) => s.amount },
  ];
}
