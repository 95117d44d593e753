/**
 * The English shape of a Vietnamese catalogue. Vietnamese has one plural form, so a counted
 * message is one key `k_other`; English needs `k_one` beside it. i18next picks the form from
 * `count` (`t('k', { count })`), by the language's plural rules.
 */
export type English<T> = {
  [K in keyof T]: T[K] extends string ? string : English<T[K]>;
} & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_one` : never]: string;
};
