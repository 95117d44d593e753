import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { forcesContract } from '../../../../core/contracts/resources.ts';
import type { ForceKind } from '../../../../core/rules/resources/forces.ts';
import { reinforcementStatuses, type ForceMemberView } from '../../../../core/schemas/resources.ts';
import { api, apiHref } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import {
  CheckboxField,
  FormActions,
  FormError,
  Notice,
  SelectField,
  TextField,
  useFormSubmit,
} from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { forceKindName, forceKindOptions } from './labels.ts';
import { DutyRoster } from './duty-roster.tsx';
import { ReinforcementsList } from './reinforcements.tsx';
import { unitOptions, useUnits } from './use-units.ts';

/** Adds a person to a unit's roster (once per client key). */
function MemberForm({ onAdded }: { onAdded(m: ForceMemberView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const units = useUnits(selected?.code);
  const { error, busy, run } = useFormSubmit();
  const [unitId, setUnitId] = useState('');
  const [kind, setKind] = useState<ForceKind>('medical_staff');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [skills, setSkills] = useState('');
  const [clientKey, setClientKey] = useState(newClientKey);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const m = await api(forcesContract.postResourceForces, {
        body: {
          clientKey,
          unitId: unitId || units[0]?.id || '',
          kind,
          fullName,
          phone: phone.trim() || undefined,
          skills: skills
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        },
      });
      setClientKey(newClientKey());
      setFullName('');
      setPhone('');
      setSkills('');
      onAdded(m);
    });
  };
  return (
    <form className="form-card" onSubmit={submit} data-testid="force-form">
      <FormError error={error} />
      <div className="form-grid">
        <SelectField label={t('resources.unit')} value={unitId} onChange={setUnitId} options={unitOptions(units)} />
        <SelectField
          label={t('resources.forceKind')}
          value={kind}
          onChange={(v) => setKind(v as ForceKind)}
          options={forceKindOptions(fmt.lang)}
        />
        <TextField label={t('resources.fullName')} value={fullName} onChange={setFullName} required />
        <TextField label={t('resources.phone')} type="tel" value={phone} onChange={setPhone} />
        <TextField label={t('resources.skills')} value={skills} onChange={setSkills} hint={t('resources.skillsHint')} />
      </div>
      <FormActions busy={busy} label={t('resources.addMember')} testId="force-save" />
    </form>
  );
}

/** The roster of the selected area by kind and availability, a unit's duty schedule, and the requests for reinforcement. */
export function ForcesTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const [kind, setKind] = useState('');
  const [availableOnly, setAvailableOnly] = useState(false);
  const [status, setStatus] = useState('open');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const query = {
    locality: selected?.code,
    kind: kind || undefined,
    availableOnly: availableOnly ? ('true' as const) : undefined,
  };
  const roster = usePagedList(selected ? forcesContract.getResourceForces : null, query);
  const columns: Column<ForceMemberView>[] = [
    { key: 'name', header: t('resources.fullName'), render: (m) => m.fullName },
    { key: 'kind', header: t('resources.forceKind'), render: (m) => forceKindName(m.kind, fmt.lang) },
    { key: 'phone', header: t('resources.phone'), render: (m) => m.phone ?? t('common.empty') },
    { key: 'skills', header: t('resources.skills'), render: (m) => m.skills.join(', ') || t('common.empty') },
    { key: 'availability', header: t('resources.availability'), render: (m) => t(`resources.avail.${m.availability}`) },
    { key: 'home', header: t('resources.homeUnit'), render: (m) => m.homeUnit.name },
    {
      key: 'serving',
      header: t('resources.servingUnit'),
      render: (m) => (m.servingUnit.id === m.homeUnit.id ? t('resources.atHome') : m.servingUnit.name),
    },
    { key: 'assignment', header: t('resources.assignment'), render: (m) => m.assignment ?? t('common.empty') },
  ];
  return (
    <>
      <Notice>{notice}</Notice>
      <h2>{t('resources.roster')}</h2>
      <div className="toolbar">
        <button type="button" aria-expanded={adding} onClick={() => setAdding((a) => !a)} data-testid="force-add">
          {adding ? t('common.close') : t('resources.addMember')}
        </button>
        <a className="button" href={apiHref(forcesContract.getResourceForcesExport, { query })} download>
          {t('common.exportExcel')}
        </a>
        <a className="button" href={apiHref(forcesContract.getResourceForcesExportCsv, { query })} download>
          {t('common.exportCsv')}
        </a>
      </div>
      {adding && (
        <MemberForm
          onAdded={(m) => {
            setNotice(t('resources.memberAdded', { name: m.fullName }));
            roster.reload();
          }}
        />
      )}
      <div className="filters">
        <SelectField
          label={t('resources.forceKind')}
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: t('common.all') }, ...forceKindOptions(fmt.lang)]}
          testId="forces-filter-kind"
        />
        <CheckboxField label={t('resources.availableOnly')} checked={availableOnly} onChange={setAvailableOnly} />
      </div>
      <DataTable testId="forces-table" columns={columns} rows={roster.items} rowKey={(m) => m.id} />
      <PagerFooter list={roster} />
      <DutyRoster />
      <h2>{t('resources.reinforcements')}</h2>
      <SelectField
        label={t('resources.status')}
        value={status}
        onChange={setStatus}
        options={[
          { value: '', label: t('common.all') },
          ...reinforcementStatuses.map((s) => ({ value: s, label: t(`resources.reinforcementStatus.${s}`) })),
        ]}
      />
      <ReinforcementsList
        status={status}
        onChanged={(what) => {
          setNotice(what);
          roster.reload();
        }}
      />
    </>
  );
}
