import type { Locale } from '../../../core/errors.ts';
import type { IdProblem } from '../../../core/rules/identity-documents.ts';
import { peopleMessages } from '../people/people.messages.ts';

type Text = Record<Locale, string>;

export const declarationMessages: {
  id: Record<IdProblem, Text>;
  unknownCommune: Text;
  unknownOrigin: Text;
  arrivalBeforeDeparture: Text;
  cannotErase: Text;
} = {
  // A person's document and commune are checked the same way wherever a person is entered.
  id: peopleMessages.id,
  unknownCommune: peopleMessages.unknownCommune,
  unknownOrigin: { vi: 'Nơi đi không hợp lệ', en: 'Unknown place of departure' },
  arrivalBeforeDeparture: { vi: 'Ngày đến không được trước ngày đi', en: 'Arrival cannot be before departure' },
  cannotErase: {
    vi: 'Không thể xoá dữ liệu khi đang là F0, F1, đang cách ly hoặc theo dõi (luật cho phép lưu giữ)',
    en: 'Data cannot be erased while you are a case, a contact, in quarantine or under monitoring (the law allows keeping it)',
  },
};
