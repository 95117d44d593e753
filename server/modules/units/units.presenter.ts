import type { Locale } from '../../../core/errors.ts';
import type { UnitRef, UnitView } from '../../../core/schemas/units.ts';
import type { OfficerRecord, UnitRecord } from './units.repository.ts';

export function unitName(u: { name: string; name_en: string }, locale: Locale): string {
  return locale === 'vi' ? u.name : u.name_en;
}

export function toUnitRef(u: { id: string; code: string; name: string; name_en: string }, locale: Locale): UnitRef {
  return { id: u.id, code: u.code, name: unitName(u, locale) };
}

export function toUnitView(u: UnitRecord, officers: readonly OfficerRecord[], locale: Locale): UnitView {
  return {
    id: u.id,
    code: u.code,
    name: unitName(u, locale),
    kind: u.kind,
    localityCode: u.locality_code,
    supervisor:
      u.supervisor_unit_id && u.supervisor_code
        ? {
            id: u.supervisor_unit_id,
            code: u.supervisor_code,
            name: locale === 'vi' ? u.supervisor_name! : u.supervisor_name_en!,
          }
        : null,
    officers: officers
      .filter((o) => o.unit_id === u.id)
      .map((o) => ({ userId: o.user_id, fullName: o.full_name, phone: o.phone })),
    names: { vi: u.name, en: u.name_en },
    contactPhone: u.contact_phone,
    contactEmail: u.contact_email,
    active: u.active,
    version: u.version,
  };
}
