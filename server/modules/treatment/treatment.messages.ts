import type { Locale } from '../../../core/errors.ts';
import type { BedKind } from '../../../core/schemas/facilities.ts';
import { capacityKindNouns } from '../facilities/facilities.messages.ts';

type Text = Record<Locale, string>;

/** Why an admission or a discharge was refused, in both languages. */
export const treatmentMessages = {
  noFacility: { vi: 'Không có cơ sở này trong địa bàn', en: 'No such facility in your area' },
  facilityClosed: { vi: 'Cơ sở đã đóng, không tiếp nhận người bệnh', en: 'The facility is closed and admits nobody' },
  noCase: { vi: 'Không có ca bệnh này', en: 'No such case' },
  caseClosed: {
    vi: 'Ca bệnh đã khỏi hoặc tử vong, không tiếp nhận điều trị',
    en: 'The case has recovered or died: it cannot be admitted',
  },
  alreadyAdmitted: {
    vi: 'Ca bệnh đang điều trị ở một cơ sở: cho ra viện hoặc chuyển viện trước khi tiếp nhận lại',
    en: 'The case is already admitted somewhere: discharge or transfer it first',
  },
  noFreeBed: (kind: BedKind, occupied: number, capacity: number): Text => ({
    vi: `Cơ sở không còn ${capacityKindNouns[kind].vi} trống (đang dùng ${occupied}/${capacity})`,
    en: `No free ${capacityKindNouns[kind].en} at this facility (${occupied} of ${capacity} in use)`,
  }),
  alreadyDischarged: { vi: 'Lượt điều trị này đã kết thúc', en: 'This stay has already ended' },
  dischargeBeforeAdmission: {
    vi: 'Thời điểm ra viện trước thời điểm nhập viện',
    en: 'The discharge is before the admission',
  },
} as const;
