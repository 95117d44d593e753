import { useTranslation } from 'react-i18next';
import type { AdmissionView } from '../../../../core/schemas/quarantine.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { useFormat } from '../../ui/format.ts';
import { Link } from '../../ui/router.tsx';
import { addDays } from '../../../../core/vietnam-calendar.ts';
import { resultBadge } from '../testing/testing-labels.ts';

type Test = AdmissionView['tests'][number];

/**
 * The planned test days and the samples taken. A sample counts for a planned day from the day
 * before it (labs sample the evening before, as the server's release check allows) until the
 * window of the next planned day opens; for the last day, any later sample counts (a late test).
 */
export function StayTests({ s }: { s: AdmissionView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const forDay = (i: number) => {
    const from = addDays(s.testDates[i] ?? '', -1);
    const next = s.testDates[i + 1];
    return s.tests.filter((x) => x.sampledOn >= from && (!next || x.sampledOn < addDays(next, -1)));
  };
  const columns: Column<Test>[] = [
    { key: 'code', header: t('testing.sampleCode'), render: (x) => <code>{x.code}</code> },
    { key: 'sampledOn', header: t('testing.sampledOn'), render: (x) => fmt.date(x.sampledOn) },
    { key: 'kind', header: t('testing.kindHeader'), render: (x) => t(`testing.kind.${x.kind}`) },
    {
      key: 'result',
      header: t('testing.resultHeader'),
      render: (x) => (
        <span className={resultBadge(x.result)} data-testid={`stay-test-result-${x.code}`}>
          {x.result ? t(`testing.result.${x.result}`) : t('testing.pending')}
        </span>
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="stay-tests-title" data-testid="stay-tests">
      <h2 id="stay-tests-title">{t('quarantine.tests')}</h2>
      <ul className="capacity-list">
        {s.testDates.map((d, i) => {
          const done = forDay(i);
          const last = done.at(-1);
          return (
            <li key={d} data-testid={`stay-test-day-${d}`}>
              <strong>{t('quarantine.testDay', { n: i + 1, date: fmt.date(d) })}</strong>{' '}
              {last ? (
                <span className={resultBadge(last.result)}>
                  {last.result ? t(`testing.result.${last.result}`) : t('testing.pending')}
                </span>
              ) : (
                <span className="badge">{t('quarantine.notSampled')}</span>
              )}
            </li>
          );
        })}
      </ul>
      <DataTable columns={columns} rows={s.tests} rowKey={(x) => x.code} emptyText={t('quarantine.noTests')} />
      <p>
        <Link to="/testing" data-testid="stay-testing-link">
          {t('quarantine.toTesting')}
        </Link>
      </p>
    </section>
  );
}
