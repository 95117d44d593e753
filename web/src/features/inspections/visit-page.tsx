import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectionsContract as c } from '../../../../core/contracts/inspections.ts';
import type { VisitView } from '../../../../core/schemas/inspections.ts';
import { api, apiHref, errorMessage } from '../../ui/api.ts';
import { Notice } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { ViolationItem } from './violation-decisions.tsx';

/** A visit's findings, photos, violations and actions, with its record as a PDF. */
export function VisitPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [visit, setVisit] = useState<VisitView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api(c.getInspectionsVisitsByKey, { params: { key: id } }).then(setVisit, (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  if (!visit) return <Page title={t('inspections.target')}>{error && <Notice>{error}</Notice>}</Page>;
  const items = new Map(visit.checklist.items.map((i) => [i.key, i.text]));
  return (
    <Page title={visit.target.name} intro={`${visit.unit.name} · ${fmt.date(visit.visitedOn)}`}>
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(c.getInspectionsVisitsRecord, { params: { key: visit.id } })}
          download
          data-testid="visit-record"
        >
          {t('inspections.record')}
        </a>
      </div>
      <table>
        <tbody>
          {visit.findings.map((f) => (
            <tr key={f.itemKey}>
              <td>{items.get(f.itemKey) ?? f.itemKey}</td>
              <td>{t(`inspections.field.${f.result}`)}</td>
              <td>{f.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {visit.summary && <p>{visit.summary}</p>}
      {visit.privateNote && <p className="muted">{visit.privateNote}</p>}
      {visit.violations.length > 0 && (
        <section aria-labelledby="visit-violations">
          <h2 id="visit-violations">{t('inspections.decide.violations')}</h2>
          <ul className="stack" data-testid="visit-violations">
            {visit.violations.map((v) => (
              <ViolationItem
                key={v.id}
                violation={v}
                onChange={(changed) =>
                  setVisit(
                    (cur) =>
                      cur && { ...cur, violations: cur.violations.map((x) => (x.id === changed.id ? changed : x)) },
                  )
                }
              />
            ))}
          </ul>
        </section>
      )}
      {visit.actions.length > 0 && (
        <section aria-labelledby="visit-actions">
          <h2 id="visit-actions">{t('inspections.actions')}</h2>
          <ul data-testid="visit-actions-list">
            {visit.actions.map((a) => (
              <li key={a.id}>
                {a.description} · {a.responsiblePerson} · {t('inspections.actionDue', { on: fmt.date(a.dueOn) })} ·{' '}
                {t(`inspections.actionStatus.${a.status}`)}
                {a.overdue && ` · ${t('inspections.actionOverdue')}`}
                {a.report && <p className="muted">{a.report.text}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>{t('inspections.field.photos', { count: visit.photos.length })}</p>
    </Page>
  );
}
