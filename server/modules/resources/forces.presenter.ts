import type { Locale } from '../../../core/errors.ts';
import type { ForceKind } from '../../../core/rules/resources/forces.ts';
import type { DutyView, ForceMemberView, ReinforcementView } from '../../../core/schemas/resources.ts';
import type { MemberRecord, RequestRecord } from './forces.repository.ts';

const named = (vi: string, en: string, locale: Locale) => (locale === 'vi' ? vi : en);

export function toMemberView(m: MemberRecord, locale: Locale): ForceMemberView {
  return {
    id: m.id,
    kind: m.kind as ForceKind,
    fullName: m.full_name,
    phone: m.phone,
    skills: Array.isArray(m.skills) ? m.skills.filter((s): s is string => typeof s === 'string') : [],
    availability: m.availability,
    assignment: m.assignment,
    homeUnit: { id: m.home_unit_id, code: m.home_code, name: named(m.home_name, m.home_name_en, locale) },
    servingUnit: {
      id: m.serving_unit_id,
      code: m.serving_code,
      name: named(m.serving_name, m.serving_name_en, locale),
    },
  };
}

export function toReinforcementView(r: RequestRecord, locale: Locale, canAssign: boolean): ReinforcementView {
  return {
    id: r.id,
    unit: { id: r.unit_id, code: r.unit_code, name: named(r.unit_name, r.unit_name_en, locale) },
    askedOf: { id: r.asked_of_unit_id, code: r.asked_code, name: named(r.asked_name, r.asked_name_en, locale) },
    kind: r.kind as ForceKind,
    count: r.count,
    assigned: r.assigned,
    reason: r.reason,
    status: r.status,
    createdAt: r.created_key,
    canAssign: canAssign && r.status === 'open',
  };
}

export function toDutyView(d: {
  id: string;
  member_id: string;
  full_name: string;
  post: string;
  starts_at: string;
  ends_at: string;
}): DutyView {
  return {
    id: d.id,
    memberId: d.member_id,
    fullName: d.full_name,
    startsAt: d.starts_at,
    endsAt: d.ends_at,
    post: d.post,
  };
}
