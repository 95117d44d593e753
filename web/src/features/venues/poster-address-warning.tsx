import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PosterAddressView } from '../../../../core/schemas/venues.ts';
import { venuesContract } from '../../../../core/contracts/venues.ts';
import { api } from '../../ui/api.ts';

/** Where venue QR codes point (`null` until known, or when the server could not say). */
export function usePosterAddress(): PosterAddressView | null {
  const [address, setAddress] = useState<PosterAddressView | null>(null);
  useEffect(() => {
    let live = true;
    api(venuesContract.getVenuesPosterAddress, {}).then(
      (a) => live && setAddress(a),
      () => live && setAddress(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return address;
}

/**
 * Says so when venue QR codes would point at this machine's own address (127.0.0.1, localhost):
 * a poster printed then sends every visitor's phone nowhere. Organisations are told posters wait
 * for the administrator; the administrator is told what to set. Nothing when the address is public.
 */
export function PosterAddressWarning(p: { address: PosterAddressView | null; audience: 'venues' | 'admin' }) {
  const { t } = useTranslation();
  const a = p.address;
  if (!a?.loopback) return null;
  const key = a.printable ? 'demo' : p.audience;
  return (
    <div className="alert alert-warn" role="status" data-testid="poster-address-warning">
      <p>{t(`venues.posterAddress.${key}`, { origin: a.origin })}</p>
    </div>
  );
}
