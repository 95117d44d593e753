/**
 * The pages of the two web applications, as path patterns (`:name` matches one segment). The web
 * routers serve them; the server answers these paths with the application (200) and any other
 * path with a real 404, so monitors, crawlers and a stale client after a deploy are told the truth.
 */
export const staffPages = [
  '/',
  '/login',
  '/password',
  '/account',
  '/admin/users',
  '/admin/localities',
  '/admin/audit',
  '/admin/breaches',
  '/admin/units',
  '/declarations',
  '/venues',
  '/venues/:id/gate',
  '/venues/:id/entries',
  '/exposure/pending',
  '/organisations',
  '/organisations/:id',
  '/organisations/:id/assess',
  '/cases',
  '/cases/:id',
  '/chains',
  '/clusters',
  '/quarantine',
  '/quarantine/:id',
  '/testing',
  '/testing/campaigns/:id',
  '/facilities',
  '/treatment',
  '/today',
  '/people/links',
  '/people/links/:id',
  '/risk',
  '/reports',
  '/reports/units/:unitId',
  '/reports/:id',
  '/directives',
  '/directives/:id',
  '/inspections',
  '/inspections/field',
  '/inspections/plans/new',
  '/inspections/plans/:id',
  '/inspections/visits/:id',
  '/resources',
  '/plans',
  '/plans/units/:unitId',
  '/border',
  '/border/field',
  '/border/goods',
  '/border/interceptions',
  '/border/tipoffs',
  '/border/trails',
  '/border/bulletin',
  '/national',
  '/national/dashboard',
  '/national/weekly-report',
  '/national/directives',
  '/referrals/new',
  '/referrals/:origin/:id',
] as const;

export const citizenPages = [
  '/c',
  '/c/khai-bao',
  '/c/qr',
  '/c/di-chuyen',
  '/c/luu-tru',
  '/c/lich-su',
  '/c/noi-da-den',
  '/c/du-lieu',
  '/c/ban-do',
  '/c/ho-tro',
  '/c/to-giac',
  '/c/tu-bao',
  '/c/co-so-an-toan',
  '/c/vi-pham',
  '/c/theo-doi/:token',
  '/v/:code',
] as const;

export type StaffPage = (typeof staffPages)[number];

/** The parameters of `pathname` under `pattern`, or null when it does not match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      if (!h) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

/** Which application serves `pathname`, or null for a path neither has. */
export function applicationOf(pathname: string): 'staff' | 'citizen' | null {
  if (citizenPages.some((p) => matchPath(p, pathname))) return 'citizen';
  if (staffPages.some((p) => matchPath(p, pathname))) return 'staff';
  return null;
}
