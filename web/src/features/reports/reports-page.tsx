import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitsContract } from '../../../../core/contracts/units.ts';
import type { MyUnitsView } from '../../../../core/schemas/units.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { canViewReportsOverview } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { Completeness } from './completeness-section.tsx';
import './reports.css';

/** The units the user reports for, and (for the province's officials) the completeness table. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { role } = useUser();
  const [mine, setMine] = useState<MyUnitsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api(unitsContract.getUnitsMine).then(setMine, (e: unknown) => setError(errorMessage(e)));
  }, []);
  return (
    <Page title={t('reports.title')} intro={t('reports.intro')}>
      {error && <p role="alert">{error}</p>}
      <section data-testid="my-units">
        <h2>{t('reports.mine')}</h2>
        {mine && mine.reportsFor.length === 0 && <p className="muted">{t('reports.noUnit')}</p>}
        <ul>
          {mine?.reportsFor.map((u) => (
            <li key={u.id}>
              <Link to={`/reports/units/${u.id}`} data-testid={`open-report-${u.code}`}>
                {u.name} — {t('reports.openForm')}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {canViewReportsOverview(role) && <Completeness />}
    </Page>
  );
}
