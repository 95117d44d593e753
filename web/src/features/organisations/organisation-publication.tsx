import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationMapContract } from '../../../../core/contracts/organisation-map.ts';
import type { OrganisationView } from '../../../../core/schemas/organisations.ts';
import { api, ApiError } from '../../ui/api.ts';
import { CheckboxField, FormError, Notice, type FormFailure } from '../../ui/form.tsx';

/**
 * The organisation's choice to show its valid low-risk status on the citizens' page ("cơ sở an
 * toàn"). Only the place, kind and group are shown, and only while the self-assessment is valid
 * and low or very low: the server decides, this only records the choice.
 */
export function OrganisationPublication({
  organisation,
  onChanged,
}: {
  organisation: OrganisationView;
  onChanged(o: OrganisationView): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormFailure>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const change = async (publish: boolean) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      onChanged(
        await api(organisationMapContract.putOrganisationsPublication, {
          params: { id: organisation.id },
          body: { publish },
        }),
      );
      setNotice(t('organisations.publication.saved'));
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="org-publication-title">
      <h2 id="org-publication-title">{t('organisations.publication.title')}</h2>
      <p className="muted small">{t('organisations.publication.help')}</p>
      <Notice>{notice}</Notice>
      <FormError error={error} />
      <CheckboxField
        label={t('organisations.publication.on')}
        checked={organisation.publishSafe}
        onChange={(v) => {
          if (!busy) void change(v);
        }}
        testId="org-publish"
      />
    </section>
  );
}
