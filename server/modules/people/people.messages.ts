import type { Locale } from '../../../core/errors.ts';
import type { IdProblem } from '../../../core/rules/identity-documents.ts';

type Text = Record<Locale, string>;

export const peopleMessages: {
  id: Record<IdProblem, Text>;
  unknownCommune: Text;
  badPhone: Text;
  bothCases: Text;
  documentOfSomeoneElse: Text;
  bothInQuarantine: Text;
  selfDeclaredMerge: Text;
  sessionNeeded: Text;
  noRecordForPhone: Text;
  alreadyDecided: Text;
  officialRecordGone: Text;
  searchTooShort: Text;
} = {
  searchTooShort: {
    vi: 'Nhập ít nhất 2 chữ của họ tên, hoặc số điện thoại, số giấy tờ',
    en: 'Type at least 2 letters of the name, or a phone or document number',
  },
  id: {
    format: {
      vi: 'Số giấy tờ sai độ dài hoặc định dạng (CCCD 12 số, CMND 9 số)',
      en: 'Wrong length or format (CCCD 12 digits, CMND 9 digits)',
    },
    province: {
      vi: 'Ba số đầu CCCD không phải mã tỉnh nơi đăng ký khai sinh',
      en: 'The first three CCCD digits are not a province code',
    },
    century: {
      vi: 'Số thứ tư của CCCD không khớp thế kỷ sinh',
      en: 'The fourth CCCD digit does not match the century of birth',
    },
    birth_year: {
      vi: 'Số thứ năm, sáu của CCCD không khớp năm sinh',
      en: 'CCCD digits 5–6 do not match the year of birth',
    },
    gender: { vi: 'Số thứ tư của CCCD không khớp giới tính', en: 'The fourth CCCD digit does not match the gender' },
  },
  unknownCommune: { vi: 'Không có xã, phường này', en: 'No such commune' },
  badPhone: { vi: 'Số điện thoại di động không hợp lệ', en: 'Not a valid Vietnamese mobile number' },
  documentOfSomeoneElse: {
    vi: 'Số giấy tờ này đã đăng ký cho một người có họ tên hoặc năm sinh khác: kiểm tra lại số giấy tờ, họ tên và năm sinh',
    en: 'This document number is registered to someone with another name or birth year: check the number, the name and the birth year',
  },
  bothInQuarantine: {
    vi: 'Cả hai hồ sơ đang cách ly: hãy kết thúc hoặc huỷ một đợt cách ly trước khi gộp',
    en: 'Both records are in quarantine: release or cancel one stay before merging',
  },
  selfDeclaredMerge: {
    vi: 'Hồ sơ do người dân tự khai đang chờ xác minh: hãy xử lý trong mục "Xác minh hồ sơ tự khai"',
    en: 'A record a citizen declared is awaiting verification: handle it under "Self-declared records"',
  },
  sessionNeeded: {
    vi: 'Cần xác thực số điện thoại của bạn bằng mã OTP (phiên trước đã hết hạn hoặc chưa có)',
    en: 'Confirm your phone with a one-time code (there is no session on this phone, or it expired)',
  },
  noRecordForPhone: {
    vi: 'Không có tờ khai nào khớp với số điện thoại và giấy tờ (hoặc mã QR) này',
    en: 'No declaration matches this phone and document (or QR code)',
  },
  alreadyDecided: {
    vi: 'Yêu cầu này đã được xử lý trước đó',
    en: 'This request was already decided',
  },
  officialRecordGone: {
    vi: 'Hồ sơ của cơ quan y tế đã được gộp hoặc xoá: không thể liên kết',
    en: "The officials' record was merged or erased: it cannot be linked",
  },
  bothCases: {
    vi: 'Cả hai hồ sơ đều là ca bệnh: hãy xử lý trùng ca bệnh trước khi gộp người',
    en: 'Both records are cases: resolve the duplicate cases before merging the people',
  },
};
