import type { donationPurposes, recipientKinds } from '../../schemas/resources.ts';

/** Words of donations and support (Conclusion 296), for pages, exports and the public page. */
export const donationPurposeLabels: Record<(typeof donationPurposes)[number], { vi: string; en: string }> = {
  general: { vi: 'Phòng, chống dịch nói chung', en: 'Epidemic response in general' },
  lockdown_households: { vi: 'Hộ gia đình trong vùng phong toả', en: 'Households in lockdown' },
  quarantine: { vi: 'Khu cách ly', en: 'Quarantine sites' },
  people_in_difficulty: { vi: 'Người có hoàn cảnh khó khăn', en: 'People in difficulty' },
  medical_supplies: { vi: 'Trang thiết bị, vật tư y tế', en: 'Medical equipment and supplies' },
};

export const recipientKindLabels: Record<(typeof recipientKinds)[number], { vi: string; en: string }> = {
  household_in_lockdown: { vi: 'Hộ gia đình bị phong toả', en: 'Household in lockdown' },
  household_in_quarantine: { vi: 'Hộ gia đình có người cách ly', en: 'Household in quarantine' },
  person_in_difficulty: { vi: 'Người có hoàn cảnh khó khăn', en: 'Person in difficulty' },
};
