import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui/form.tsx';
import { useLocalities } from '../../ui/locality-context.tsx';
import { addCommune, parseCommunes, type ControlsProblem, type DashboardControls } from './dashboard-query.ts';

/** Period, "by" and communes of the dashboard; the picker lists the province's communes in the user's tree. */
export function DashboardControlsForm(p: {
  province: string;
  value: DashboardControls;
  problem: ControlsProblem | null;
  onChange(v: DashboardControls): void;
}) {
  const { t } = useTranslation();
  const { entries, byCode } = useLocalities();
  const { value, onChange, problem } = p;
  const set = <K extends keyof DashboardControls>(k: K, v: DashboardControls[K]) => onChange({ ...value, [k]: v });
  const chosen = parseCommunes(value.communes).codes;
  const communes = entries
    .map((e) => e.locality)
    .filter(
      (l) =>
        l.level === 'commune' && l.status === 'active' && l.provinceCode === p.province && !chosen.includes(l.code),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const communesError =
    problem?.kind === 'invalid'
      ? t('riskDashboard.communesInvalid', { codes: problem.codes })
      : problem?.kind === 'tooMany'
        ? t('riskDashboard.communesTooMany')
        : undefined;
  const names = chosen.map((c) => byCode.get(c)?.name).filter((n): n is string => Boolean(n));
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('riskDashboard.controls')}
      onSubmit={(e) => e.preventDefault()}
      data-testid="dashboard-controls"
    >
      <TextField
        label={t('riskDashboard.from')}
        type="date"
        value={value.from}
        onChange={(v) => set('from', v)}
        error={problem?.kind === 'range' ? t('riskDashboard.rangeInvalid') : undefined}
        testId="dashboard-from"
      />
      <TextField
        label={t('riskDashboard.to')}
        type="date"
        value={value.to}
        onChange={(v) => set('to', v)}
        testId="dashboard-to"
      />
      <SelectField
        label={t('riskDashboard.by')}
        value={value.by}
        onChange={(v) => set('by', v === 'onset' ? 'onset' : 'confirmed')}
        options={[
          { value: 'confirmed', label: t('riskDashboard.byConfirmed') },
          { value: 'onset', label: t('riskDashboard.byOnset') },
        ]}
        testId="dashboard-by"
      />
      <TextField
        label={t('riskDashboard.communes')}
        value={value.communes}
        onChange={(v) => set('communes', v)}
        hint={names.length > 0 ? names.join(', ') : t('riskDashboard.communesHint')}
        error={communesError}
        placeholder="00001, 00004"
        testId="dashboard-communes"
      />
      {communes.length > 0 && (
        <SelectField
          label={t('riskDashboard.addCommune')}
          value=""
          onChange={(code) => code && set('communes', addCommune(value.communes, code))}
          options={[
            { value: '', label: t('riskDashboard.addCommuneNone') },
            ...communes.map((l) => ({ value: l.code, label: `${l.name} (${l.code})` })),
          ]}
          testId="dashboard-add-commune"
        />
      )}
    </form>
  );
}
