import { useEffect, useState } from 'react';
import { casesContract } from '../../../../core/contracts/cases.ts';
import { api } from '../../ui/api.ts';
import type { Lang } from '../../i18n/index.ts';

/** GET /api/disease-profiles: what a case can be traced under (the server picks the default). */
export interface DiseaseProfileSummary {
  code: string;
  name: { vi: string; en: string };
  version: number;
  /** How many levels tracing goes down (1 = F1 only, 2 = F1 and F2…). */
  expandLevels: number;
}

/** The profiles, fetched once per page; empty until loaded or when the call fails (the field is optional). */
export function useDiseaseProfiles(): DiseaseProfileSummary[] {
  const [profiles, setProfiles] = useState<DiseaseProfileSummary[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    api(casesContract.getDiseaseProfiles, { signal: ctrl.signal })
      .then(setProfiles)
      .catch(() => setProfiles([]));
    return () => ctrl.abort();
  }, []);
  return profiles;
}

/** The profile's name in the interface language, else its code. */
export function profileName(profiles: readonly DiseaseProfileSummary[], code: string, lang: Lang): string {
  const p = profiles.find((x) => x.code === code);
  return p ? p.name[lang] : code;
}
