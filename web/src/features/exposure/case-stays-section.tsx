import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exposureContract as c } from '../../../../core/contracts/exposure.ts';
import type { CaseStayView } from '../../../../core/schemas/exposure.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { Notice } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';

/**
 * A case's own venue visits over the check-in retention, whether the exposure feed carries each,
 * and marking one as a transmission risk (issue 20): its stay is published, never who it was.
 */
export function CaseStaysSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [stays, setStays] = useState<CaseStayView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api(c.getCasesExposureStays, { params: { id: caseId } }).then(
      (r) => setStays(r.items),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [caseId]);
  useEffect(load, [load]);

  const mark = async (s: CaseStayView) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const r = await api(c.postCasesExposureStays, {
        params: { id: caseId },
        body: { venueId: s.venueId, checkedInAt: s.checkedInAt },
      });
      setNotice(t('exposure.marked', { count: r.published }));
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<CaseStayView>[] = [
    { key: 'venue', header: t('exposure.venue'), render: (s) => s.venueName },
    { key: 'in', header: t('exposure.checkedIn'), render: (s) => fmt.dateTime(s.checkedInAt) },
    {
      key: 'out',
      header: t('exposure.checkedOut'),
      render: (s) => (s.checkedOutAt ? fmt.dateTime(s.checkedOutAt) : '—'),
    },
    {
      key: 'feed',
      header: t('exposure.inFeed'),
      render: (s) =>
        s.published ? (
          t('exposure.inFeed')
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void mark(s)}
            data-testid={`stay-mark-${s.venueId}-${s.checkedInAt}`}
          >
            {t('exposure.mark')}
          </button>
        ),
    },
  ];

  return (
    <section aria-labelledby="case-stays-title" data-testid="case-stays">
      <h2 id="case-stays-title">{t('exposure.staysTitle')}</h2>
      <p className="muted small">{t('exposure.staysIntro')}</p>
      {notice && <Notice>{notice}</Notice>}
      {error && (
        <div className="alert alert-error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {stays && (
        <DataTable
          columns={columns}
          rows={stays}
          rowKey={(s) => `${s.venueId}|${s.checkedInAt}`}
          emptyText={t('exposure.noStays')}
        />
      )}
    </section>
  );
}
