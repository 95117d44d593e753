/** The forces a unit can call on (issue 18, "lực lượng tại chỗ"), by kind. */
export const forceKinds = [
  'medical_staff',
  'preventive_medicine',
  'police',
  'military',
  'militia',
  'border_guard',
  'youth_volunteer',
  'community_covid_team',
] as const;
export type ForceKind = (typeof forceKinds)[number];

export const forceKindLabels: Record<ForceKind, { vi: string; en: string }> = {
  medical_staff: { vi: 'Nhân viên y tế', en: 'Medical staff' },
  preventive_medicine: { vi: 'Y tế dự phòng', en: 'Preventive medicine' },
  police: { vi: 'Công an', en: 'Police' },
  military: { vi: 'Quân đội', en: 'Military' },
  militia: { vi: 'Dân quân', en: 'Militia' },
  border_guard: { vi: 'Bộ đội biên phòng', en: 'Border guards' },
  youth_volunteer: { vi: 'Thanh niên tình nguyện', en: 'Youth volunteers' },
  community_covid_team: { vi: 'Tổ COVID cộng đồng', en: 'Community COVID team' },
};

/** Whether a member can be called on now: on duty or on standby; unavailable (sick, on leave) is not. */
export const forceAvailabilities = ['standby', 'on_duty', 'unavailable'] as const;
export type ForceAvailability = (typeof forceAvailabilities)[number];

export function countsAsAvailable(a: ForceAvailability): boolean {
  return a !== 'unavailable';
}

export function emptyForceCounts(): Record<ForceKind, number> {
  return Object.fromEntries(forceKinds.map((k) => [k, 0])) as Record<ForceKind, number>;
}

export const forceAvailabilityLabels: Record<ForceAvailability, { vi: string; en: string }> = {
  standby: { vi: 'Sẵn sàng', en: 'On standby' },
  on_duty: { vi: 'Đang làm nhiệm vụ', en: 'On duty' },
  unavailable: { vi: 'Không sẵn sàng', en: 'Unavailable' },
};

export const reinforcementStatusLabels: Record<'open' | 'fulfilled' | 'declined', { vi: string; en: string }> = {
  open: { vi: 'Chờ điều động', en: 'Open' },
  fulfilled: { vi: 'Đã điều động đủ', en: 'Fulfilled' },
  declined: { vi: 'Không đáp ứng', en: 'Declined' },
};
