import type { PublishedViolation as Published } from '../../../../core/schemas/inspections.ts';
import { api } from '../api.ts';
import { publicViolations, publicViolationsCsv, publicViolationsXlsx } from '../endpoints.ts';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-pages.ts';
import { Page } from '../layout.tsx';
import { useLocalities } from '../localities.ts';
import { useLocation } from '../router.tsx';
import { usePublicPages } from '../use-public-pages.ts';

/**
 * /c/vi-pham?tinh=<province>: the province's violations of epidemic-prevention rules decided final
 * (Decree 117/2020), as the directive asks them made public: the organisation, what it did, the
 * article, the fine and the day, a page at a time, with the same list as a file for the media. An
 * individual appears only when an official recorded the legal decision to publish, and unnamed unless
 * that decision names them: the server answers nothing else.
 */
export function ViolationsPage() {
  const t = useT();
  const asked = useLocation().query.get('tinh');
  const provinces = useLocalities('');
  const province = asked && /^\d{2}$/.test(asked) ? asked : (provinces.items[0]?.code ?? null);
  const { items, error, more } = usePublicPages<Published>(
    province ?? '',
    province ? (after) => api(publicViolations, { query: { province, after, limit: 50 } }) : null,
  );

  const day = (d: string) => d.split('-').reverse().join('/');
  const money = (n: number) => `${n.toLocaleString('vi-VN')} ₫`;
  const file = (path: string) => (province ? `/api${path}?province=${province}` : undefined);
  return (
    <Page title={t('violations.title')}>
      <p className="hint">{t('violations.intro')}</p>
      {error && (
        <div className="form-error" data-testid="form-error">
          <p>{error}</p>
        </div>
      )}
      {!items && !error && <p aria-busy="true">{t('app.loading')}</p>}
      {items && items.length === 0 && <p>{t('violations.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="safe-places" data-testid="published-violations">
          {items.map((v, i) => (
            <li key={`${v.decidedOn}-${i}`} data-testid="published-violation">
              <strong>{v.name}</strong>
              <span>{v.violation}</span>
              <span className="safe-group">
                {t('violations.article', { article: v.article })} · {money(v.fineVnd)}
              </span>
              <span className="hint">
                {v.locality} · {t('violations.decidedOn', { day: day(v.decidedOn) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more && (
        <button type="button" className="btn" onClick={more} data-testid="violations-more">
          {t('violations.more')}
        </button>
      )}
      {province && (
        <p className="hint">
          {t('violations.forMedia')}{' '}
          <a href={file(publicViolationsXlsx.path)} download data-testid="violations-xlsx">
            Excel
          </a>{' '}
          ·{' '}
          <a href={file(publicViolationsCsv.path)} download data-testid="violations-csv">
            CSV
          </a>
        </p>
      )}
    </Page>
  );
}
