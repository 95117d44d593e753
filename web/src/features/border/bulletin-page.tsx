import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { borderContract as c } from '../../../../core/contracts/border.ts';
import type { BulletinFigures, BulletinView } from '../../../../core/schemas/border.ts';
import { vietnamToday } from '../../../../core/vietnam-calendar.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { TextField } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { Page } from '../../ui/page.tsx';

const columns: (keyof BulletinFigures)[] = [
  'people',
  'vehicles',
  'rapidTests',
  'positives',
  'recorded',
  'sentToQuarantine',
  'turnedBack',
  'interceptions',
  'intercepted',
];

/** The day's bulletin for the selected area: each post's figures, the total, returnees by origin; to Excel. */
export function BulletinPage() {
  const { t } = useTranslation();
  const { selectedCode } = useLocalities();
  const [day, setDay] = useState(vietnamToday());
  const [view, setView] = useState<BulletinView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!selectedCode || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    let live = true;
    api(c.getBorderBulletin, { query: { day, locality: selectedCode } }).then(
      (v) => live && (setView(v), setError(null)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [selectedCode, day]);

  const row = (key: string, name: string, f: BulletinFigures, testId: string) => (
    <tr key={key} data-testid={testId}>
      <th scope="row">{name}</th>
      {columns.map((k) => (
        <td key={k} data-col={k} data-label={t(`border.bulletin.${k}`)} className="num">
          {f[k].toLocaleString('vi-VN')}
        </td>
      ))}
    </tr>
  );
  return (
    <Page title={t('border.bulletin.title')} intro={t('border.bulletin.intro')}>
      <div className="toolbar">
        <TextField label={t('border.bulletin.day')} type="date" value={day} onChange={setDay} testId="bulletin-day" />
        {selectedCode && (
          <a
            className="button"
            href={apiHref(c.getBorderBulletinExport, { query: { day, locality: selectedCode } })}
            download
            data-testid="bulletin-export"
          >
            {t('common.exportExcel')}
          </a>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      {view && (
        <>
          <div className="table-wrap">
            <table className="data-table" data-testid="bulletin-table">
              <thead>
                <tr>
                  <th scope="col">{t('border.post')}</th>
                  {columns.map((k) => (
                    <th key={k} scope="col">
                      {t(`border.bulletin.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.posts.map((p) => row(p.postId, p.name, p, 'bulletin-post'))}
                {row('total', t('border.bulletin.total'), view.total, 'bulletin-total')}
              </tbody>
            </table>
          </div>
          <h2>{t('border.bulletin.returnees')}</h2>
          <div className="table-wrap">
            <table className="data-table" data-testid="bulletin-returnees">
              <thead>
                <tr>
                  <th scope="col">{t('border.origin')}</th>
                  <th scope="col">{t('border.bulletin.today')}</th>
                  <th scope="col">{t('border.bulletin.cumulative')}</th>
                  <th scope="col">{t('border.bulletin.inQuarantine')}</th>
                </tr>
              </thead>
              <tbody>
                {view.returnees.map((r) => (
                  <tr key={r.origin}>
                    <th scope="row">{r.origin}</th>
                    <td data-label={t('border.bulletin.today')} className="num">
                      {r.today}
                    </td>
                    <td data-label={t('border.bulletin.cumulative')} className="num">
                      {r.cumulative}
                    </td>
                    <td data-label={t('border.bulletin.inQuarantine')} className="num">
                      {r.inQuarantine}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
