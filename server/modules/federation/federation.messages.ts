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

export const nationalDirectiveKindLabels: Record<
  'directive' | 'rule_set' | 'disease_profile',
  Record<Locale, string>
> = {
  directive: { vi: 'Văn bản chỉ đạo', en: 'Directive' },
  rule_set: { vi: 'Phiên bản bộ quy tắc cấp độ', en: 'Rule-set version' },
  disease_profile: { vi: 'Phiên bản hồ sơ bệnh', en: 'Disease-profile version' },
};

/** Words of national directives (issue 21), in both languages. */
export const nationalDirectiveMessages: Record<
  Locale,
  {
    notHub: string;
    notFederatedProvince: (code: string) => string;
    noSuchRuleSet: string;
    unreadableRuleSet: string;
    unknownDisease: (code: string) => string;
    profileVersionGone: (code: string, current: number) => string;
    badProfile: (code: string) => string;
    unreadableProfile: string;
    adoptionUnderway: string;
  }
> = {
  vi: {
    notHub: 'Chỉ hệ thống quốc gia mới ban hành văn bản chỉ đạo cho các tỉnh',
    notFederatedProvince: (code) => `Tỉnh mã ${code} chưa kết nối với hệ thống quốc gia`,
    noSuchRuleSet: 'Không có bộ quy tắc với mã và phiên bản này',
    unreadableRuleSet: 'Bộ quy tắc nhận được không đọc được: báo cho hệ thống quốc gia',
    unknownDisease: (code) => `Không có hồ sơ bệnh với mã "${code}"`,
    profileVersionGone: (code, current) =>
      `Hồ sơ bệnh "${code}" hiện ở phiên bản ${current}: chỉ gửi được phiên bản hiện hành, hãy chọn lại`,
    badProfile: (code) => `Hồ sơ bệnh "${code}" đang lưu không hợp lệ: sửa hồ sơ trước khi gửi`,
    unreadableProfile: 'Hồ sơ bệnh nhận được không đọc được: báo cho hệ thống quốc gia',
    adoptionUnderway: 'Văn bản này đang được áp dụng: chờ một lát rồi tải lại trang',
  },
  en: {
    notHub: 'Only the national hub issues directives to provinces',
    notFederatedProvince: (code) => `Province ${code} is not connected to the national hub`,
    noSuchRuleSet: 'No rule set has this code and version',
    unreadableRuleSet: 'The rule set received cannot be read: tell the national hub',
    unknownDisease: (code) => `No disease profile has the code "${code}"`,
    profileVersionGone: (code, current) =>
      `The disease profile "${code}" is now at version ${current}: only the current version can be sent, choose again`,
    badProfile: (code) => `The stored disease profile "${code}" is not valid: correct it before sending it`,
    unreadableProfile: 'The disease profile received cannot be read: tell the national hub',
    adoptionUnderway: 'This version is being adopted: wait a moment, then reload the page',
  },
};

/** The message a province's officials receive when a national directive arrives (issue 21). */
export const directiveArrivedMessage = (
  kind: 'directive' | 'rule_set' | 'disease_profile',
  numberSymbol: string,
  issuer: string,
  summary: string,
) => ({
  title: {
    vi: `Văn bản chỉ đạo Trung ương mới: ${numberSymbol}`,
    en: `New national directive: ${numberSymbol}`,
  },
  body: {
    vi: `${nationalDirectiveKindLabels[kind].vi} của ${issuer}: ${summary}. Xem và xác nhận đã nhận tại trang Chỉ đạo.`,
    en: `${nationalDirectiveKindLabels[kind].en} from ${issuer}: ${summary}. Read and acknowledge it on the Directives page.`,
  },
});
