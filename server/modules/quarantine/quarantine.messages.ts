import type { Locale } from '../../../core/errors.ts';
import type { ReleaseBlocker } from '../../../core/rules/quarantine-period.ts';

type Text = Record<Locale, string>;

export const quarantineMessages: {
  blockers: Record<ReleaseBlocker, Text>;
  facilityFull: Text;
  facilityClosed: Text;
  alreadyIn: Text;
  noRule: Text;
  contactNotConfirmed: Text;
  sameFacility: Text;
} = {
  blockers: {
    too_early: { vi: 'Chưa hết thời gian cách ly', en: 'The quarantine period is not over' },
    positive_result: {
      vi: 'Có kết quả xét nghiệm dương tính trong thời gian cách ly',
      en: 'A test was positive during the quarantine',
    },
    release_test_missing: {
      vi: 'Chưa có kết quả xét nghiệm âm tính trước khi kết thúc cách ly',
      en: 'The negative release test is missing',
    },
  },
  facilityFull: { vi: 'Cơ sở đã hết chỗ cách ly', en: 'The facility has no free quarantine place' },
  facilityClosed: { vi: 'Cơ sở đã đóng', en: 'The facility is closed' },
  alreadyIn: { vi: 'Người này đang cách ly tại', en: 'This person is already in quarantine at' },
  noRule: {
    vi: 'Hồ sơ bệnh không có quy định cách ly cho trường hợp này',
    en: 'The disease profile has no quarantine rule for this reason',
  },
  contactNotConfirmed: { vi: 'Người tiếp xúc chưa được xác nhận', en: 'The contact is not confirmed' },
  sameFacility: { vi: 'Đã ở cơ sở này', en: 'Already at this facility' },
};
