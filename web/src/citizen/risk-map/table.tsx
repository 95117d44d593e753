import { useMemo, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { formatCount, sortCommunes, type Level, type PublicCommune } from './levels.ts';

/** The map as a plain table (for screen readers, or to read it all): highest level first. */
export function CommuneTable({
  communes,
  level,
}: {
  communes: readonly PublicCommune[];
  level: (key: string) => Level;
}) {
  const t = useT();
  // Rows are made when the table is first opened: hundreds of hidden rows would slow a cheap phone.
  const [opened, setOpened] = useState(false);
  const rows = useMemo(() => (opened ? sortCommunes(communes, (k) => level(k).rank) : []), [opened, communes, level]);
  return (
    <details
      className="risk-table"
      data-testid="risk-map-table"
      onToggle={(e) => e.currentTarget.open && setOpened(true)}
    >
      <summary>{t('riskMap.table')}</summary>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('riskMap.commune')}</th>
              <th scope="col">{t('riskMap.level')}</th>
              <th scope="col" className="num">
                {t('riskMap.days7')}
              </th>
              <th scope="col" className="num">
                {t('riskMap.days14')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const l = level(c.level);
              return (
                <tr key={c.code} data-code={c.code} data-level={c.level}>
                  <th scope="row">{c.name}</th>
                  <td>
                    <span className="swatch" style={{ background: l.colour }} aria-hidden="true" /> {l.name}
                  </td>
                  <td className="num">{formatCount(c.cases7d, t.lang)}</td>
                  <td className="num">{formatCount(c.cases14d, t.lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
