import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentTemplate } from '../../../../core/schemas/assessment-template.ts';
import type { AssessmentView, OrganisationView, TemplateSummaryView } from '../../../../core/schemas/organisations.ts';
import { organisationsContract } from '../../../../core/contracts/organisations.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { FormActions, FormError, SelectField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { AssessmentResult } from './assessment-result.tsx';
import './organisations.css';

type Answers = Record<string, string>;

/**
 * The COVID-safety self-assessment on a phone: one question per block, one tap per answer, grouped
 * by component; the result (score, group, what to do) replaces the form once submitted. One client
 * key per filled form: a double tap or a resend after a lost answer stores one assessment.
 */
export function AssessmentPage({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [organisation, setOrganisation] = useState<OrganisationView | null>(null);
  const [summaries, setSummaries] = useState<TemplateSummaryView[] | null>(null);
  const [code, setCode] = useState('');
  const [template, setTemplate] = useState<AssessmentTemplate | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [clientKey, setClientKey] = useState(newClientKey);
  const [result, setResult] = useState<AssessmentView | null>(null);
  const { error, setError, busy, run } = useFormSubmit();

  useEffect(() => {
    Promise.all([
      api(organisationsContract.getOrganisationsById, { params: { id: organisationId } }),
      api(organisationsContract.getAssessmentTemplates),
    ])
      .then(([o, list]) => {
        setOrganisation(o);
        // The national decisions' bands first: Ho Chi Minh City's index is offered, not chosen for the user.
        const national = (x: TemplateSummaryView) => (x.rule === '2194' ? 0 : 1);
        const fitting = list.items.filter((x) => x.appliesTo.includes(o.type));
        setSummaries(fitting.sort((a, b) => national(a) - national(b)));
      })
      .catch((e: unknown) => setLoadError(errorMessage(e)));
  }, [organisationId]);

  const effectiveCode = summaries?.some((s) => s.code === code) ? code : (summaries?.[0]?.code ?? '');
  useEffect(() => {
    if (!effectiveCode) return;
    setTemplate(null);
    api(organisationsContract.getAssessmentTemplatesByCode, { params: { code: effectiveCode } })
      .then(setTemplate)
      .catch((e: unknown) => setLoadError(errorMessage(e)));
  }, [effectiveCode]);

  const sections = useMemo(
    () =>
      (template?.components ?? [])
        .map((c) => ({ component: c, items: template!.items.filter((i) => i.component === c.code) }))
        .filter((s) => s.items.length > 0),
    [template],
  );
  const total = template?.items.length ?? 0;
  const done = template ? template.items.filter((i) => answers[i.code] !== undefined).length : 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!template) return;
    if (done < total) return setError(t('organisations.answerAll', { n: fmt.number(total - done) }));
    await run(async () => {
      const a = await api(organisationsContract.postOrganisationsAssessments, {
        params: { id: organisationId },
        body: { clientKey, template: template.code, answers },
      });
      setResult(a);
      window.scrollTo({ top: 0 });
    });
  };

  const again = () => {
    setResult(null);
    setAnswers({});
    setClientKey(newClientKey());
  };

  const backLink = (
    <Link to={`/organisations/${encodeURIComponent(organisationId)}`} data-testid="assess-back">
      ← {t('organisations.toOrganisation')}
    </Link>
  );
  const frame = (body: ReactNode) => (
    <Page title={t('organisations.assessTitle')} intro={organisation?.name}>
      <div className="assess-page">
        <p className="page-links">{backLink}</p>
        {body}
      </div>
    </Page>
  );

  if (loadError)
    return frame(
      <div className="alert alert-error" role="alert">
        <p>{loadError}</p>
      </div>,
    );
  if (!organisation || !summaries) return frame(<p className="muted">{t('common.loading')}</p>);
  if (organisation.status !== 'approved')
    return frame(
      <p className="alert alert-error" role="alert" data-testid="assess-not-approved">
        {t('organisations.notApproved')}
      </p>,
    );
  if (summaries.length === 0) return frame(<p className="muted">{t('organisations.noTemplate')}</p>);
  if (result)
    return frame(
      <>
        <AssessmentResult a={result} template={template} />
        <div className="form-actions">
          <button type="button" onClick={again} data-testid="assess-again">
            {t('organisations.assessAgain')}
          </button>
        </div>
      </>,
    );

  const summary = summaries.find((s) => s.code === effectiveCode);
  return frame(
    <form className="assess-form" onSubmit={(e) => void submit(e)} noValidate data-testid="assess-form">
      <p className="muted">{t('organisations.assessIntro')}</p>
      {summaries.length > 1 && (
        <SelectField
          label={t('organisations.templateLabel')}
          value={effectiveCode}
          onChange={(v) => {
            setCode(v);
            setAnswers({});
          }}
          options={summaries.map((s) => ({ value: s.code, label: s.name }))}
          testId="assess-template"
        />
      )}
      {summaries.length === 1 && summary && <p className="assess-template-name">{summary.name}</p>}
      {summary?.illustrative && <p className="alert alert-warn">{t('organisations.illustrative')}</p>}
      {!template && <p className="muted">{t('common.loading')}</p>}
      {sections.map(({ component, items }) => (
        <section key={component.code} className="assess-component card">
          <h2>{component.name[fmt.lang]}</h2>
          {items.map((item) => (
            <fieldset key={item.code} className="assess-item" data-testid={`assess-item-${item.code}`}>
              <legend>{item.text[fmt.lang]}</legend>
              {item.hint && <p className="muted small">{item.hint[fmt.lang]}</p>}
              {item.options.map((opt) => (
                <label key={opt.code} className="assess-option">
                  <input
                    type="radio"
                    name={item.code}
                    value={opt.code}
                    checked={answers[item.code] === opt.code}
                    onChange={() => setAnswers((a) => ({ ...a, [item.code]: opt.code }))}
                    data-testid={`assess-option-${item.code}-${opt.code}`}
                  />
                  <span>{opt.label[fmt.lang]}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </section>
      ))}
      {template && (
        <div className="assess-footer">
          <p className="muted" data-testid="assess-progress" aria-live="polite">
            {t('organisations.answered', { done: fmt.number(done), total: fmt.number(total) })}
          </p>
          <FormError error={error} testId="assess-error" />
          <FormActions busy={busy} label={t('organisations.submitAssess')} testId="assess-submit" />
        </div>
      )}
    </form>,
  );
}
