import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportsContract } from '../../../../core/contracts/reports.ts';
import type { ReportView } from '../../../../core/schemas/reports.ts';
import { api } from '../../ui/api.ts';
import { FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';

/** A unit above accepts the submitted version (locking it) or returns it with a comment. */
export function ReportReview(p: { reportId: string; onDone(v: ReportView, message: string): void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const { error, setError, busy, run } = useFormSubmit();
  const decide = async (decision: 'accept' | 'return') => {
    if (decision === 'return' && !comment.trim()) return setError(t('reports.commentNeeded'));
    await run(async () => {
      const v = await api(reportsContract.postReportsReview, {
        params: { id: p.reportId },
        body: { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) },
      });
      p.onDone(v, t(decision === 'accept' ? 'reports.accepted' : 'reports.returned'));
    });
  };
  return (
    <section className="report-review" data-testid="report-review">
      <h2>{t('reports.review')}</h2>
      <TextField
        label={t('reports.comment')}
        value={comment}
        onChange={setComment}
        error={detailFor(error, 'comment') ?? (typeof error === 'string' ? error : undefined)}
        testId="review-comment"
      />
      <FormError error={typeof error === 'string' ? null : error} fields={['comment']} />
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void decide('accept')}
          data-testid="review-accept"
        >
          {t('reports.accept')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => void decide('return')}
          data-testid="review-return"
        >
          {t('reports.return')}
        </button>
      </div>
    </section>
  );
}
