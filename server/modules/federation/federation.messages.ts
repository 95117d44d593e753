import type { Locale } from '../../../core/errors.ts';
import type { ReferralReason } from '../../db/schema-federation.ts';

/** User-facing words of the federation module, in both languages. */
export const federationMessages: Record<
  Locale,
  { notFederated: string; notAProvince: string; sameProvince: string; unknownProvince: string; otherReferral: string }
> = {
  vi: {
    notFederated: 'Hệ thống này chưa kết nối với hệ thống quốc gia: không chuyển được thông tin sang tỉnh khác',
    notAProvince: 'Chỉ hệ thống của một tỉnh, thành phố mới chuyển và tiếp nhận thông tin liên tỉnh',
    sameProvince: 'Người này ở trong tỉnh: dùng truy vết trong tỉnh, không chuyển liên tỉnh',
    unknownProvince: 'Không có tỉnh, thành phố với mã này',
    otherReferral: 'Mã gửi này đã dùng cho một lần chuyển thông tin khác',
  },
  en: {
    notFederated: 'This installation is not connected to the national hub: it cannot refer people to another province',
    notAProvince: "Only a province's installation sends and receives cross-province referrals",
    sameProvince: 'This person is in this province: trace them here, do not refer them',
    unknownProvince: 'No province has this code',
    otherReferral: 'This submission key was used for another referral',
  },
};

export const referralReasonLabels: Record<ReferralReason, Record<Locale, string>> = {
  contact_of_case: { vi: 'Người tiếp xúc với ca bệnh', en: 'Contact of a case' },
  arrival_from_zone: { vi: 'Người đến từ vùng dịch', en: 'Arrival from an epidemic zone' },
};
