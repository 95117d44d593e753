import { useTranslation } from 'react-i18next';
import { Link } from '../../ui/router.tsx';

/**
 * A referral from another province on today's work (item id `<origin>/<id>`): accepting it opens
 * its page, where the official reads the details and takes the person in.
 */
export function AcceptReferral({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <Link to={`/referrals/${itemId}`} className="button small" data-testid="accept-referral">
        {t('today.acceptReferral')}
      </Link>
    </>
  );
}
