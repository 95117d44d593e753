import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';

/** The server's notes ({vi, en}: why Rt or the projection is empty) in the interface language. */
export function Notes({ notes }: { notes: readonly { vi: string; en: string }[] }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  if (notes.length === 0) return null;
  return (
    <div className="alert alert-warn" role="status" data-testid="dashboard-notes">
      <p>
        <strong>{t('riskDashboard.notesTitle')}</strong>
      </p>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>{n[lang]}</li>
        ))}
      </ul>
    </div>
  );
}

/** In place of an empty chart. */
export function EmptyChart({ text, testId }: { text: string; testId: string }) {
  return (
    <p className="muted" data-testid={testId}>
      {text}
    </p>
  );
}
