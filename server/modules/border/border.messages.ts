import type { Locale } from '../../../core/errors.ts';
import type { GpxProblem } from '../../../core/rules/border/gpx.ts';
import type { PostKind } from '../../db/schema-border.ts';

type Words = Record<Locale, string>;

/** User-facing words of the border module, in both languages. */
export const borderMessages = {
  outsideProvince: {
    vi: 'Toạ độ nằm ngoài xã đã chọn và ngoài phạm vi tỉnh',
    en: 'The coordinates lie outside the chosen commune and outside the province',
  },
  notCommune: { vi: 'Cần chọn một xã, phường đang hoạt động', en: 'Choose an active commune' },
  notYourArea: { vi: 'Địa bàn này ngoài phạm vi tài khoản của bạn', en: 'This place is outside your area' },
  placeNeeded: {
    vi: 'Cần toạ độ hoặc đoạn giữa hai mốc biên giới (ví dụ mốc 403–404)',
    en: 'Coordinates or a stretch between two border markers (e.g. 403–404) are needed',
  },
  gateKindNeeded: {
    vi: 'Cửa khẩu cần loại: quốc tế, chính, phụ hoặc lối mở biên giới',
    en: 'A border gate needs its kind: international, main, secondary or border-market opening',
  },
  gateKindOnlyForGates: { vi: 'Chỉ cửa khẩu mới có loại cửa khẩu', en: 'Only a border gate has a gate kind' },
  notMemberOfPost: {
    vi: 'Bạn không thuộc tổ công tác của chốt này',
    en: 'You are not on the team of this post',
  },
  shiftAlreadyLogged: {
    vi: 'Ca này của chốt đã được ghi sổ',
    en: 'This shift of the post has already been logged',
  },
  positivesAboveTests: {
    vi: 'Số ca dương tính không thể lớn hơn số test nhanh',
    en: 'Positives cannot exceed the rapid tests done',
  },
  shiftInFuture: { vi: 'Ngày ca trực không được ở tương lai', en: 'The shift cannot be in the future' },
  inFuture: { vi: 'Thời điểm không được ở tương lai', en: 'The time cannot be in the future' },
  facilityNeeded: {
    vi: 'Cần chọn cơ sở cách ly để chuyển người này đến',
    en: 'Choose the quarantine facility the person is sent to',
  },
  unknownQr: { vi: 'Mã QR cá nhân không hợp lệ hoặc đã bị thu hồi', en: 'The personal QR is invalid or revoked' },
  otherRecord: {
    vi: 'Mã gửi này đã dùng cho một bản ghi khác',
    en: 'This client key was already used for another record',
  },
  bornInFuture: { vi: 'Ngày sinh không được ở tương lai', en: 'The date of birth cannot be in the future' },
  birthYearMismatch: {
    vi: 'Ngày sinh không khớp năm sinh đã nhập',
    en: 'The date of birth does not match the birth year given',
  },
  endsBeforeStart: { vi: 'Giờ kết thúc trước giờ bắt đầu', en: 'The end is before the start' },
  badMonth: { vi: 'Tháng không hợp lệ', en: 'Invalid month' },
  wrongOtp: { vi: 'Mã xác nhận không đúng hoặc đã hết hạn', en: 'The code is wrong or has expired' },
  notAssignable: {
    vi: 'Chỉ giao được cho cán bộ xử lý tin tố giác của xã, huyện hoặc tỉnh nơi có tin',
    en: 'A tip-off can only be assigned to an official of its commune, district or province who works tip-offs',
  },
  unknownInterception: {
    vi: 'Không tìm thấy vụ bắt giữ này trong địa bàn của bạn',
    en: 'No such interception in your area',
  },
  tipoffUnassigned: {
    vi: 'Cần nhận xử lý hoặc giao tin cho một cán bộ trước',
    en: 'Take the tip-off or assign it to an official first',
  },
  otpNeedsPhone: { vi: 'Cần số điện thoại đã nhận mã', en: 'The phone that received the code is needed' },
} satisfies Record<string, Words>;

export const gpxProblemMessages: Record<GpxProblem, Words> = {
  too_large: { vi: 'Tệp GPX quá lớn (tối đa 2 MB)', en: 'The GPX file is too large (2 MB at most)' },
  not_xml: { vi: 'Tệp không phải GPX (không đọc được XML)', en: 'The file is not GPX (not readable XML)' },
  not_gpx: { vi: 'Tệp XML này không phải GPX', en: 'This XML file is not GPX' },
  no_points: {
    vi: 'Tệp GPX không có đường đi (cần ít nhất 2 điểm)',
    en: 'The GPX file has no track (2 points at least)',
  },
  bad_point: { vi: 'Tệp GPX có điểm toạ độ không hợp lệ', en: 'The GPX file has a point with invalid coordinates' },
};

export { cccdQrProblemWords as cccdMessages } from '../../../core/rules/cccd-qr-words.ts';

export const postKindLabels: Record<PostKind, Words> = {
  border_station: { vi: 'Đồn biên phòng', en: 'Border-guard station' },
  border_gate: { vi: 'Cửa khẩu', en: 'Border gate' },
  trail_post_fixed: { vi: 'Chốt cố định trên đường mòn', en: 'Fixed trail post' },
  trail_post_mobile: { vi: 'Chốt cơ động', en: 'Mobile trail post' },
  entrance_checkpoint: { vi: 'Chốt kiểm dịch cửa ngõ tỉnh', en: 'Province-entrance quarantine checkpoint' },
};
