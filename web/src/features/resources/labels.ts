import {
  itemCatalogue,
  itemCodes,
  unitOfMeasureLabels,
  type ItemCode,
} from '../../../../core/rules/resources/catalogue.ts';
import { forceKindLabels, forceKinds, type ForceKind } from '../../../../core/rules/resources/forces.ts';
import type { Lang } from '../../i18n/index.ts';

/**
 * Names of the catalogue's items and force kinds: core keeps them in both languages beside the
 * codes (the server's exports use the same words), so the pages do not repeat them.
 */
export const itemName = (code: string, lang: Lang): string =>
  (itemCodes as readonly string[]).includes(code) ? itemCatalogue[code as ItemCode].name[lang] : code;

export const itemUnit = (code: string, lang: Lang): string =>
  (itemCodes as readonly string[]).includes(code)
    ? unitOfMeasureLabels[itemCatalogue[code as ItemCode].unit][lang]
    : '';

export const forceKindName = (code: string, lang: Lang): string =>
  (forceKinds as readonly string[]).includes(code) ? forceKindLabels[code as ForceKind][lang] : code;

export const itemOptions = (lang: Lang) => itemCodes.map((c) => ({ value: c, label: itemCatalogue[c].name[lang] }));
export const forceKindOptions = (lang: Lang) => forceKinds.map((k) => ({ value: k, label: forceKindLabels[k][lang] }));
