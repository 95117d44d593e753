import type { Locale } from '../../../core/errors.ts';
import type { IdProblem } from '../../../core/rules/identity-documents.ts';
import { declarationMessages } from '../declarations/declarations.messages.ts';

type Text = Record<Locale, string>;

export const peopleMessages: { id: Record<IdProblem, Text>; unknownCommune: Text; badPhone: Text; bothCases: Text; documentOfSomeoneElse: Text } = {
  id: declarationMessages.id,
  unknownCommune: declarationMessages.unknownCommune,
  badPhone: { vi: 'Số điện thoại di động không hợp lệ', en: 'Not a valid Vietnamese mobile number' },
  documentOfSomeoneElse: {
    vi: 'Số giấy tờ này đã đăng ký cho một người có họ tên hoặc năm sinh khác: kiểm tra lại số giấy tờ, họ tên và năm sinh',
    en: 'This document number is registered to someone with another name or birth year: check the number, the name and the birth year',
  },
  bothCases: {
    vi: 'Cả hai hồ sơ đều là ca bệnh: hãy xử lý trùng ca bệnh trước khi gộp người',
    en: 'Both records are cases: resolve the duplicate cases before merging the people',
  },
};
