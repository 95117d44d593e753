import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../core/schemas/cases.ts';
import { useFormat } from '../../ui/format.ts';
import { isBedKind } from '../treatment/treatment-labels.ts';

/**
 * Where the case is treated now and every change of its status, in words: what happened, from
 * which status to which, where (facility and bed, or home), who did it and why. Admission,
 * transfer and discharge write these rows; nothing else moves a case in or out of treatment.
 */
export function CareSection({ theCase }: { theCase: CaseView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const care = theCase.care;
  const bed = (kind: string | null) => (kind && isBedKind(kind) ? t(`facilities.capacityKind.${kind}`) : '');
  const now = !care
    ? t('cases.care.none')
    : care.setting === 'home'
      ? t('cases.care.atHome', { since: fmt.dateTime(care.since) })
      : t('cases.care.inBed', {
          facility: care.facilityName ?? '',
          bed: bed(care.bedKind),
          since: fmt.dateTime(care.since),
        });
  return (
    <section className="card" aria-labelledby="case-care-title" data-testid="case-care">
      <h2 id="case-care-title">{t('cases.care.title')}</h2>
      <p data-testid="case-care-now">
        <strong>{t('cases.care.now')}:</strong> {now}
      </p>
      <ol className="care-history" data-testid="case-care-history">
        {theCase.history.map((h, i) => {
          const place =
            h.setting === 'home' && !h.facilityName
              ? t('cases.care.home')
              : [h.facilityName, bed(h.bedKind)].filter(Boolean).join(' · ');
          return (
            <li key={i} data-testid="case-care-entry" data-kind={h.kind}>
              <span>{fmt.dateTime(h.at)}</span> — <strong>{t(`cases.care.kind.${h.kind}`)}</strong>
              {': '}
              {h.fromStatus ? `${t(`cases.status.${h.fromStatus}`)} → ` : ''}
              {t(`cases.status.${h.toStatus}`)}
              {place ? ` (${place})` : ''}
              {', '}
              {t('cases.care.by', { name: h.actorName ?? t('cases.care.system') })}
              {h.reason ? `. ${t('cases.care.reason', { reason: h.reason })}` : ''}
              {h.rebuilt ? ` (${t('cases.care.rebuilt')})` : ''}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
