import type { TFunction } from 'i18next';
import type { OrderView, TestKind, TestResultValue } from '../../../../core/schemas/testing.ts';
import type { Option } from '../../ui/form.tsx';

/**
 * Codes of testing and their labels, mirroring core/schemas/testing.ts (the compiler checks the
 * element types; importing the schema's arrays would pull zod into the page).
 */
export type OrderReason = OrderView['reason'];
export const testKinds: readonly TestKind[] = ['rt_pcr', 'rapid_antigen'];
export const testResults: readonly TestResultValue[] = ['negative', 'positive', 'invalid'];

export const isTestKind = (v: string): v is TestKind => (testKinds as readonly string[]).includes(v);
export const isTestResult = (v: string): v is TestResultValue => (testResults as readonly string[]).includes(v);

export const kindOptions = (t: TFunction): Option[] =>
  testKinds.map((k) => ({ value: k, label: t(`testing.kind.${k}`) }));
export const resultOptions = (t: TFunction): Option[] =>
  testResults.map((r) => ({ value: r, label: t(`testing.result.${r}`) }));

/** Positive is the alarm, negative is fine, invalid and pending are neutral. */
export function resultBadge(r: TestResultValue | null): string {
  if (r === 'positive') return 'badge badge-alert';
  if (r === 'negative') return 'badge badge-ok';
  return 'badge';
}

export const campaignPage = (id: string) => `/testing/campaigns/${encodeURIComponent(id)}`;

/** Now as a `datetime-local` value (minutes), the default time a sample was taken. */
export function nowLocalInput(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
