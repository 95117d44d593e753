import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../core/schemas/cases.ts';
import { useFormat } from '../../ui/format.ts';
import { isBedKind } from '../treatment/treatment-labels.ts';
import { careActionsFor, type CareAction, type CareRights } from './care-actions.ts';
import { CareDialog } from './care-dialog.tsx';

/**
 * Where the case is treated now and every change of its status, in words: what happened, from
 * which status to which, where (facility and bed, or home), who did it and why. Admission,
 * transfer and discharge write these rows; nothing else moves a case in or out of treatment.
 * The buttons offer the transitions the case's state and the user's rights allow; each opens its
 * confirmation dialog. `onChanged` gets the case as the server answered it, or null (reload it).
 */
export function CareSection({
  theCase,
  rights,
  onChanged,
}: {
  theCase: CaseView;
  rights: CareRights;
  onChanged(c: CaseView | null, notice: string): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [action, setAction] = useState<CareAction | null>(null);
  const care = theCase.care;
  const actions = careActionsFor(theCase, rights);
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
      {actions.length > 0 && (
        <div className="toolbar" data-testid="case-care-actions">
          {actions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'discharge' ? undefined : 'primary'}
              aria-haspopup="dialog"
              onClick={() => setAction(a)}
              data-testid={`care-action-${a}`}
            >
              {t(`cases.care.actions.button.${a}`)}
            </button>
          ))}
        </div>
      )}
      <CareDialog
        theCase={theCase}
        action={action}
        onClose={(refused) => {
          setAction(null);
          if (refused) onChanged(null, '');
        }}
        onDone={(a, c, detail) => {
          setAction(null);
          onChanged(c, t(`cases.care.actions.done.${a}`, { number: theCase.caseNumber, detail }));
        }}
      />
      <h3>{t('cases.care.history')}</h3>
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
