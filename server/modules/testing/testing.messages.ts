import type { Locale } from '../../../core/errors.ts';

type Text = Record<Locale, string>;

export const testingMessages: Record<
  | 'codeTaken'
  | 'unknownSample'
  | 'unknownPool'
  | 'duplicateCode'
  | 'missingColumns'
  | 'badResult'
  | 'badCt'
  | 'empty'
  | 'poolSize'
  | 'unknownPerson',
  Text
> = {
  unknownPerson: { vi: 'Không có người này trong địa bàn', en: 'No such person in your area' },
  codeTaken: { vi: 'Mã mẫu đã được dùng', en: 'This sample code is already used' },
  unknownSample: { vi: 'Không có mẫu này trong địa bàn', en: 'No such sample in your area' },
  unknownPool: { vi: 'Không có mẫu gộp này trong địa bàn', en: 'No such pool in your area' },
  duplicateCode: { vi: 'Mã lặp lại trong tệp', en: 'Code repeated in the file' },
  missingColumns: { vi: 'Tệp cần cột "Mã mẫu" và "Kết quả"', en: 'The file needs a "code" and a "result" column' },
  badResult: {
    vi: 'Kết quả không đọc được (âm tính / dương tính / không xác định)',
    en: 'Unreadable result (negative / positive / invalid)',
  },
  badCt: { vi: 'Giá trị Ct không phải là số', en: 'The Ct value is not a number' },
  empty: { vi: 'Tệp không có dòng nào', en: 'The file has no rows' },
  poolSize: { vi: 'Cỡ gộp mẫu từ 2 đến 10', en: 'A pool holds 2 to 10 samples' },
};
