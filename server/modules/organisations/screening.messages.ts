import type { Locale } from '../../../core/errors.ts';
import type { SymptomReportView } from '../../../core/schemas/workplace-screening.ts';

/** User-facing words of the workers' screening and symptom reports, in both languages. */
export const screeningMessages: Record<
  Locale,
  {
    notApproved: string;
    otherOrganisation: string;
    notOnRoster: string;
    onsetInFuture: string;
    intervalRange: string;
    shareRange: string;
    symptomsLabel: (worker: string, organisation: string) => string;
  }
> = {
  vi: {
    notApproved: 'Chỉ cơ quan, đơn vị đã được xã/phường duyệt mới được chỉ định xét nghiệm sàng lọc',
    otherOrganisation: 'Mã gửi này đã được dùng cho một cơ quan, đơn vị khác',
    notOnRoster: 'Người này không có trong danh sách người lao động',
    onsetInFuture: 'Ngày khởi phát không được sau hôm nay',
    intervalRange: 'Khoảng cách giữa hai lần xét nghiệm người tiếp xúc khách là từ 5 đến 7 ngày (Quyết định 2787)',
    shareRange: 'Tỷ lệ lấy mẫu người nguy cơ cao là số nguyên từ 20 đến 100% (Quyết định 2787)',
    symptomsLabel: (w, o) => `${w} (${o}): có triệu chứng`,
  },
  en: {
    notApproved: 'Only an organisation approved by its commune has its workers screened',
    otherOrganisation: 'This client key was used for another organisation',
    notOnRoster: 'This person is not on the workforce roster',
    onsetInFuture: 'The onset day cannot be after today',
    intervalRange: 'Service-contact workers are tested every 5 to 7 days (Decision 2787)',
    shareRange: 'The high-risk sampling share is a whole percent from 20 to 100 (Decision 2787)',
    symptomsLabel: (w, o) => `${w} (${o}): symptoms`,
  },
};

export const symptomLabels: Record<SymptomReportView['symptoms'][number], Record<Locale, string>> = {
  fever: { vi: 'Sốt', en: 'Fever' },
  cough: { vi: 'Ho', en: 'Cough' },
  sore_throat: { vi: 'Đau họng', en: 'Sore throat' },
  shortness_of_breath: { vi: 'Khó thở', en: 'Shortness of breath' },
  loss_of_taste_or_smell: { vi: 'Mất vị giác hoặc khứu giác', en: 'Loss of taste or smell' },
  fatigue: { vi: 'Mệt mỏi', en: 'Fatigue' },
  other: { vi: 'Khác', en: 'Other' },
};
