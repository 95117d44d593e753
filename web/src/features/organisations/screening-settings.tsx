import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { workplaceScreeningContract as c } from '../../../../core/contracts/workplace-screening.ts';
import type { ScreeningSettingsView } from '../../../../core/schemas/workplace-screening.ts';
import { api, errorMessage } from '../../ui/api.ts';
import {
  CheckboxField,
  FormActions,
  FormError,
  Notice,
  SelectField,
  TextField,
  detailFor,
  useFormSubmit,
} from '../../ui/form.tsx';

/**
 * The organisation's screening rule (issue 15): whether its workers are screened, every 5–7 days,
 * at least 20% of high-risk workers a round. Decision 2787's default until set; its admin and the
 * commune's officials change it (others read it). The due list follows it.
 */
export function ScreeningSettings({
  organisationId,
  canEdit,
  onSaved,
}: {
  organisationId: string;
  canEdit: boolean;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<ScreeningSettingsView | null>(null);
  const [screens, setScreens] = useState(true);
  const [interval, setIntervalDays] = useState('7');
  const [share, setShare] = useState('20');
  const [saved, setSaved] = useState(false);
  const { error, setError, busy, run } = useFormSubmit();
  const show = (v: ScreeningSettingsView) => {
    setView(v);
    setScreens(v.screens);
    setIntervalDays(String(v.intervalDays));
    setShare(String(v.highRiskSharePercent));
  };
  useEffect(() => {
    api(c.getOrganisationsScreeningSettings, { params: { id: organisationId } }).then(show, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, [organisationId, setError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const ok = await run(async () =>
      show(
        await api(c.putOrganisationsScreeningSettings, {
          params: { id: organisationId },
          body: { screens, intervalDays: Number(interval), highRiskSharePercent: Number(share) },
        }),
      ),
    );
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };

  if (!view) return <FormError error={error} />;
  if (!canEdit)
    return (
      <p className="muted" data-testid="screening-settings">
        {view.screens
          ? t('screening.settings.summary', { days: view.intervalDays, share: view.highRiskSharePercent })
          : t('screening.settings.off')}
      </p>
    );
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="screening-settings">
      <h3>{t('screening.settings.title')}</h3>
      <p className="muted">{view.isDefault ? t('screening.settings.default') : t('screening.settings.own')}</p>
      <CheckboxField
        label={t('screening.settings.screens')}
        checked={screens}
        onChange={setScreens}
        testId="screening-screens"
      />
      <SelectField
        label={t('screening.settings.interval')}
        value={interval}
        onChange={setIntervalDays}
        options={['5', '6', '7'].map((d) => ({ value: d, label: t('screening.settings.days', { days: d }) }))}
        error={detailFor(error, 'intervalDays')}
        testId="screening-interval"
      />
      <TextField
        label={t('screening.settings.share')}
        type="number"
        min={20}
        max={100}
        value={share}
        onChange={setShare}
        error={detailFor(error, 'highRiskSharePercent')}
        testId="screening-share"
      />
      <FormError error={error} fields={['intervalDays', 'highRiskSharePercent']} />
      {saved && <Notice>{t('screening.settings.saved')}</Notice>}
      <FormActions busy={busy} label={t('common.save')} testId="screening-settings-save" />
    </form>
  );
}
