import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityView } from '../../../../core/schemas/facilities.ts';
import { facilitiesContract } from '../../../../core/contracts/facilities.ts';
import { api, errorMessage } from '../../ui/api.ts';
import { usePlaceName } from '../../ui/locality-context.tsx';
import { CheckboxField, detailFor, type FormFailure } from '../../ui/form.tsx';

/**
 * The facilities a facility staff account serves: those of the account's area (GET /api/facilities),
 * ticked or not. The account reads the people of the ticked ones only; none ticked, nobody.
 */
export function FacilityPicker(p: {
  localityCode: string;
  value: readonly string[];
  onChange(ids: string[]): void;
  error: FormFailure;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const [facilities, setFacilities] = useState<FacilityView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setFacilities(null);
    setLoadError(null);
    if (!p.localityCode) return;
    api(facilitiesContract.getFacilities, { query: { locality: p.localityCode, limit: 100 } })
      .then((page) => live && setFacilities(page.items))
      .catch((e: unknown) => live && setLoadError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [p.localityCode]);

  const toggle = (id: string, on: boolean) => p.onChange(on ? [...p.value, id] : p.value.filter((x) => x !== id));
  const fieldError = detailFor(p.error, 'facilityIds');

  return (
    <fieldset className="field facility-picker" data-testid={`${p.testIdPrefix}-facilities`}>
      <legend>{t('users.facilities')}</legend>
      <p className="muted">{t('users.facilitiesHint')}</p>
      {loadError && <p className="field-error">{loadError}</p>}
      {!facilities && !loadError && <p className="muted">{t('common.loading')}</p>}
      {facilities?.length === 0 && <p className="muted">{t('users.noFacilities')}</p>}
      {facilities?.map((f) => (
        <CheckboxField
          key={f.id}
          label={`${f.name} — ${nameOf(f.communeCode, f.communeName)}`}
          checked={p.value.includes(f.id)}
          onChange={(on) => toggle(f.id, on)}
          testId={`${p.testIdPrefix}-facility-${f.id}`}
        />
      ))}
      {fieldError && <p className="field-error">{fieldError}</p>}
    </fieldset>
  );
}
