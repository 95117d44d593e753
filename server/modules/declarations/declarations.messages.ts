import type { Locale } from '../../../core/errors.ts';
import type { IdProblem } from '../../../core/rules/identity-documents.ts';

type Text = Record<Locale, string>;

export const declarationMessages: {
  id: Record<IdProblem, Text>;
  unknownCommune: Text;
  unknownOrigin: Text;
  arrivalBeforeDeparture: Text;
  cannotErase: Text;
} = {
  id: {
    format: { vi: 'Số giấy tờ sai độ dài hoặc định dạng (CCCD 12 số, CMND 9 số)', en: 'Wrong length or format (CCCD 12 digits, CMND 9 digits)' },
    province: { vi: 'Ba số đầu CCCD không phải mã tỉnh nơi đăng ký khai sinh', en: 'The first three CCCD digits are not a province code' },
    century: { vi: 'Số thứ tư của CCCD không khớp thế kỷ sinh', en: 'The fourth CCCD digit does not match the century of birth' },
    birth_year: { vi: 'Số thứ năm, sáu của CCCD không khớp năm sinh', en: 'CCCD digits 5–6 do not match the year of birth' },
    gender: { vi: 'Số thứ tư của CCCD không khớp giới tính', en: 'The fourth CCCD digit does not match the gender' },
  },
  unknownCommune: { vi: 'Không có xã, phường này', en: 'No such commune' },
  unknownOrigin: { vi: 'Nơi đi không hợp lệ', en: 'Unknown place of departure' },
  arrivalBeforeDeparture: { vi: 'Ngày đến không được trước ngày đi', en: 'Arrival cannot be before departure' },
  cannotErase: {
    vi: 'Không thể xoá dữ liệu khi đang là F0, F1, đang cách ly hoặc theo dõi (luật cho phép lưu giữ)',
    en: 'Data cannot be erased while you are a case, a contact, in quarantine or under monitoring (the law allows keeping it)',
  },
};
