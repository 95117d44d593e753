import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { federationContract } from '../../../../core/contracts/federation.ts';
import { api, errorMessage } from '../../ui/api.ts';

/**
 * A referral from another province on today's work (item id `<origin>/<id>`): accepting it writes
 * the answer, which replication carries back to the origin province.
 */
export function AcceptReferral({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [origin, id] = itemId.split('/') as [string, string];
  if (state === 'done') return <span className="badge">{t('today.referralAccepted')}</span>;
  const accept = () => {
    setState('busy');
    setError(null);
    api(federationContract.postFederationReferralsAcceptance, { params: { origin, id }, body: {} }).then(
      () => setState('done'),
      (e: unknown) => {
        setState('idle');
        setError(errorMessage(e));
      },
    );
  };
  return (
    <>
      {' '}
      <button
        type="button"
        className="small"
        disabled={state === 'busy'}
        onClick={accept}
        data-testid="accept-referral"
      >
        {t('today.acceptReferral')}
      </button>
      {error && <span role="alert"> {error}</span>}
    </>
  );
}
