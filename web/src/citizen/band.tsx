import type { StatusView } from '../../../core/schemas/declarations.ts';
import { useT } from './i18n/index.ts';
import { formatDateTime } from './format.ts';

/** A record officials have not confirmed: grey like "no declaration", under its own name. */
const identityLabel = { awaiting_verification: 'status.awaiting', not_verified: 'status.notVerified' } as const;

/**
 * The status band: the colour of the personal QR across the whole width, its name, and why.
 * `data-colour` carries the colour for tests and for gate staff tools; `data-identity` says when
 * the record awaits (or failed) verification by the commune health station.
 */
export function StatusBand({
  view,
  testid,
  showValidity = true,
}: {
  view: StatusView;
  testid: string;
  showValidity?: boolean;
}) {
  const t = useT();
  const identity =
    view.colour === 'none' ? view.reasons.find((r): r is keyof typeof identityLabel => r in identityLabel) : undefined;
  const reasons = view.reasons.filter((r) => !(view.colour === 'none' && r === 'no_valid_declaration'));
  return (
    <div
      className={`band band-${view.colour}`}
      data-testid={testid}
      data-colour={view.colour}
      data-identity={identity ?? 'registered'}
      role="status"
    >
      <p className="band-colour">{identity ? t(identityLabel[identity]) : t(`status.${view.colour}`)}</p>
      {reasons.length > 0 && (
        <ul className="band-reasons">
          {reasons.map((r) => (
            <li key={r}>{t.maybe(`status.reason.${r}`) ?? r}</li>
          ))}
        </ul>
      )}
      {showValidity && (
        <p className="band-validity">
          {view.validUntil
            ? t('status.validUntil', { time: formatDateTime(view.validUntil, t.lang) })
            : t('status.noValidity')}
        </p>
      )}
    </div>
  );
}
