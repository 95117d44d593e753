import type { Locale } from '../../../core/errors.ts';

type Text = Record<Locale, string>;

export const caseMessages: Record<
  | 'alreadyCase'
  | 'outcomeWithoutOutcome'
  | 'numberTaken'
  | 'unknownProfile'
  | 'unknownCluster'
  | 'unknownSource'
  | 'unknownLocality',
  Text
> = {
  alreadyCase: { vi: 'Người này đã là ca bệnh', en: 'This person is already a case:' },
  outcomeWithoutOutcome: {
    vi: 'Chỉ ghi ngày kết thúc khi ca bệnh đã khỏi, tử vong hoặc chuyển ra ngoài tỉnh',
    en: 'An outcome date is kept only for a case that recovered, died or was transferred out',
  },
  numberTaken: { vi: 'Mã ca bệnh đã được dùng', en: 'This case number is already used' },
  unknownProfile: { vi: 'Không có hồ sơ bệnh này', en: 'No such disease profile' },
  unknownCluster: { vi: 'Không có ổ dịch này trong địa bàn', en: 'No such cluster in your area' },
  unknownSource: { vi: 'Không có ca bệnh nguồn này trong địa bàn', en: 'No such source case in your area' },
  unknownLocality: {
    vi: 'Cần xã/phường hoặc tỉnh đang hoạt động nơi ghi nhận ca bệnh',
    en: 'An active commune or province where the case is recorded is needed',
  },
};
