import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { venuesContract } from '../../../../core/contracts/venues.ts';
import { workforceContract } from '../../../../core/contracts/workforce.ts';
import type { SiteView } from '../../../../core/schemas/workforce.ts';
import { api, ApiError, errorMessage } from '../../ui/api.ts';
import { FormError, Notice, TextField, type FormFailure } from '../../ui/form.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';

/**
 * The organisation's sites: its existing venues (registered for check-ins) linked as the places
 * whose gate checks its workers. The venues offered are those the account reads (an organisation's
 * own); a venue already the site of another organisation is refused by the server, said in words.
 */
export function OrganisationSites({ organisationId, onLinked }: { organisationId: string; onLinked(): void }) {
  const { t } = useTranslation();
  const [sites, setSites] = useState<SiteView[] | null>(null);
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const venues = usePagedList(
    venuesContract.getVenues,
    { q: debounced || undefined, status: 'approved' },
    { limit: 20 },
  );

  useEffect(() => {
    api(workforceContract.getOrganisationsSites, { params: { id: organisationId } })
      .then((r) => setSites(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [organisationId]);

  const link = async (venueId: string, name: string) => {
    setBusy(venueId);
    setError(null);
    setNotice(null);
    try {
      const r = await api(workforceContract.postOrganisationsSites, {
        params: { id: organisationId },
        body: { venueId },
      });
      setSites(r.items);
      setNotice(t('workforce.sites.linked', { name }));
      onLinked();
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(null);
    }
  };

  const linked = new Set((sites ?? []).map((s) => s.venueId));
  return (
    <section className="card" aria-labelledby="org-sites-title" data-testid="org-sites">
      <h2 id="org-sites-title">{t('workforce.sites.title')}</h2>
      <p className="muted small">{t('workforce.sites.help')}</p>
      <Notice>{notice}</Notice>
      <FormError error={error} />
      {sites && sites.length === 0 && <p className="muted">{t('workforce.noSites')}</p>}
      <ul className="plain-list" data-testid="org-site-list">
        {(sites ?? []).map((s) => (
          <li key={s.venueId}>
            <strong>{s.name}</strong> · {s.addressLine}
          </li>
        ))}
      </ul>
      <TextField label={t('workforce.sites.search')} type="search" value={q} onChange={setQ} testId="org-site-search" />
      <ul className="plain-list" data-testid="org-site-candidates">
        {venues.items
          .filter((v) => !linked.has(v.id))
          .map((v) => (
            <li key={v.id}>
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => void link(v.id, v.name)}
                data-testid="org-site-link"
              >
                {t('workforce.sites.link', { name: v.name })}
              </button>{' '}
              <span className="muted small">{v.addressLine}</span>
            </li>
          ))}
      </ul>
    </section>
  );
}
