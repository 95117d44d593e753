import { useEffect, useMemo, useState } from 'react';
import type { PublicSupportView } from '../../../../core/schemas/resources.ts';
import { api, ApiError } from '../api.ts';
import { publicSupport } from '../endpoints.ts';
import { useT } from '../i18n/index.ts';
import '../i18n/vi-pages.ts';
import { Page } from '../layout.tsx';
import { useLocalities } from '../localities.ts';
import { useLocation } from '../router.tsx';

type Line = PublicSupportView['lines'][number];

/**
 * /c/ho-tro?tinh=<province code>: the donations a province's units received and what they handed
 * out, per purpose and commune (Conclusion 296's transparency). Totals only: the server never
 * answers a recipient. Without `tinh`, the first province of this installation.
 */
export function SupportPage() {
  const t = useT();
  const asked = useLocation().query.get('tinh');
  const provinces = useLocalities('');
  const province = asked && /^\d{2}$/.test(asked) ? asked : (provinces.items[0]?.code ?? null);
  const [view, setView] = useState<PublicSupportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!province) return;
    let live = true;
    api(publicSupport, { query: { province } }).then(
      (v) => live && setView(v),
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : t('app.unexpected')),
    );
    return () => {
      live = false;
    };
  }, [province]);
  const num = useMemo(() => new Intl.NumberFormat(t.lang === 'en' ? 'en-US' : 'vi-VN'), [t.lang]);
  const amount = (l: Pick<Line, 'form'>, n: number) =>
    l.form === 'cash' ? t('support.vnd', { n: num.format(n) }) : t('support.goods', { n: num.format(n) });

  return (
    <Page title={view ? `${t('support.title')} — ${view.province.name}` : t('support.title')}>
      <p className="hint">{t('support.intro')}</p>
      {error && (
        <div className="form-error" data-testid="form-error">
          <p>{error}</p>
        </div>
      )}
      {!view && !error && <p aria-busy="true">{t('app.loading')}</p>}
      {view && (
        <>
          <dl className="support-totals" data-testid="support-totals">
            <dt>{t('support.cashReceived')}</dt>
            <dd data-testid="support-cash-received">{t('support.vnd', { n: num.format(view.cashReceived) })}</dd>
            <dt>{t('support.cashDistributed')}</dt>
            <dd data-testid="support-cash-distributed">{t('support.vnd', { n: num.format(view.cashDistributed) })}</dd>
          </dl>
          {view.lines.length === 0 ? (
            <p>{t('support.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table data-testid="support-table">
                <thead>
                  <tr>
                    <th scope="col">{t('support.purpose')}</th>
                    <th scope="col">{t('support.commune')}</th>
                    <th scope="col">{t('support.received')}</th>
                    <th scope="col">{t('support.distributed')}</th>
                    <th scope="col">{t('support.donations')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.lines.map((l) => (
                    <tr key={`${l.purpose}-${l.localityCode}-${l.form}`} data-commune={l.localityCode}>
                      <td>{t(`support.purposes.${l.purpose}`)}</td>
                      <td>{l.localityName}</td>
                      <td>{amount(l, l.received)}</td>
                      <td>{amount(l, l.distributed)}</td>
                      <td>{num.format(l.donations)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
