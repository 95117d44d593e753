import { normaliseHeaderText } from './text-keys.ts';

/**
 * Reading a laboratory's result sheet: labs write results in Vietnamese or English, with or
 * without diacritics, sometimes as signs. Anything else is an error for that row, never a guess.
 */
export type LabResult = 'negative' | 'positive' | 'invalid';

const words: Record<string, LabResult> = {
  am_tinh: 'negative',
  am: 'negative',
  negative: 'negative',
  neg: 'negative',
  '-': 'negative',
  '0': 'negative',
  khong_phat_hien: 'negative',
  duong_tinh: 'positive',
  duong: 'positive',
  positive: 'positive',
  pos: 'positive',
  '+': 'positive',
  '1': 'positive',
  phat_hien: 'positive',
  khong_xac_dinh: 'invalid',
  invalid: 'invalid',
  loi: 'invalid',
  mau_loi: 'invalid',
  inconclusive: 'invalid',
};

export function parseLabResult(raw: string): LabResult | null {
  // "dương tính?" is a doubt, not a result.
  if (raw.includes('?')) return null;
  const key = normaliseHeaderText(raw);
  return words[key] ?? null;
}

/** Header names a result sheet may use for each column. */
export const labColumns = {
  code: ['ma_mau', 'code', 'sample_code', 'ma', 'ma_xet_nghiem', 'pool_code', 'ma_mau_gop'],
  result: ['ket_qua', 'result', 'kq'],
  ct: ['ct', 'gia_tri_ct', 'ct_value'],
} as const;
