import { useState } from 'react';
import type { SafeOrganisationView } from '../../../../core/schemas/organisation-map.ts';
import { api } from '../api.ts';
import { publicSafeOrganisations } from '../endpoints.ts';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-pages.ts';
import { Page } from '../layout.tsx';
import { useLocalities } from '../localities.ts';
import { useLocation } from '../router.tsx';
import { usePublicPages } from '../use-public-pages.ts';

/**
 * /c/co-so-an-toan?tinh=<province>: organisations that chose to publish a valid low or very low
 * COVID-19 safety self-assessment ("cơ sở an toàn"), by name, a page at a time, filtered by
 * commune. Places only: the server answers no person's name or phone.
 */
export function SafePlacesPage() {
  const t = useT();
  const asked = useLocation().query.get('tinh');
  const provinces = useLocalities('');
  const province = asked && /^\d{2}$/.test(asked) ? asked : (provinces.items[0]?.code ?? null);
  const communes = useLocalities(province);
  const [commune, setCommune] = useState('');
  const { items, error, more } = usePublicPages<SafeOrganisationView>(
    `${province ?? ''}:${commune}`,
    province
      ? (after) =>
          api(publicSafeOrganisations, { query: { province, commune: commune || undefined, after, limit: 50 } })
      : null,
  );

  const day = (d: string) => d.split('-').reverse().join('/');
  return (
    <Page title={t('safePlaces.title')}>
      <p className="hint">{t('safePlaces.intro')}</p>
      <label className="field">
        <span>{t('safePlaces.commune')}</span>
        <select value={commune} onChange={(e) => setCommune(e.target.value)} data-testid="safe-commune">
          <option value="">{t('safePlaces.allCommunes')}</option>
          {communes.items.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <div className="form-error" data-testid="form-error">
          <p>{error}</p>
        </div>
      )}
      {!items && !error && <p aria-busy="true">{t('app.loading')}</p>}
      {items && items.length === 0 && <p>{t('safePlaces.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="safe-places" data-testid="safe-places">
          {items.map((o) => (
            <li key={o.id} data-testid="safe-place" data-group={o.group}>
              <strong>{o.name}</strong>
              <span className="safe-group">
                {t(`safePlaces.group.${o.group}`)} · {t(`safePlaces.type.${o.type}`)}
              </span>
              <span>
                {o.addressLine}, {o.communeName}
              </span>
              <span className="hint">
                {t('safePlaces.validUntil', { assessed: day(o.assessedOn), until: day(o.validUntil) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more && (
        <button type="button" className="btn" onClick={more} data-testid="safe-more">
          {t('safePlaces.more')}
        </button>
      )}
    </Page>
  );
}
