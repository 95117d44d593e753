import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';
import { forceKindName, itemName } from '../resources/labels.ts';

const capacityKinds = ['quarantine_place', 'regular_bed', 'oxygen_bed', 'icu_bed', 'negative_pressure_room'] as const;

/** The words of one resource line of a plan (staff by force kind, beds by kind, items and vehicles). */
export function useResourceName(): (line: { kind: string; code: string }) => string {
  const { t } = useTranslation();
  const { lang } = useFormat();
  return (line) => {
    if (line.kind === 'staff') return forceKindName(line.code, lang);
    if (line.kind === 'item' || line.kind === 'vehicle') return itemName(line.code, lang);
    const code = line.kind === 'quarantine_place' ? 'quarantine_place' : line.code;
    const known = capacityKinds.find((k) => k === code);
    return known ? t(`facilities.capacityKind.${known}`) : code;
  };
}

/** A readiness badge's class: ready, partly, far from it. */
export const readinessBadge = (percent: number): string =>
  percent >= 100 ? 'badge badge-ok' : percent >= 50 ? 'badge badge-warn' : 'badge badge-alert';

export const readinessColour = (percent: number | undefined): string =>
  percent === undefined ? '#f1f5f9' : percent >= 100 ? '#16a34a' : percent >= 50 ? '#f59e0b' : '#dc2626';
