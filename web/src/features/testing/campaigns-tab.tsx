import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView, CreateCampaignRequest } from '../../../../core/schemas/testing.ts';
import { testingContract } from '../../../../core/contracts/testing.ts';
import { api } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useFormat, useLang } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { addDays } from '../../../../core/vietnam-calendar.ts';
import { todayIso } from '../../ui/text.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canPlanCampaigns } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { campaignPage } from './testing-labels.ts';

const fields = ['name', 'localityCode', 'targetPopulation', 'startsOn', 'endsOn', 'poolSize'];

/** POST /api/testing/campaigns: an area, its target population, the days, and the pool size. */
function CampaignForm({ onCreated }: { onCreated(c: CampaignView): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { entries, selected } = useLocalities();
  const areas = localityOptions(entries, lang, ['province', 'district', 'commune']).map((o) => ({
    ...o,
    label: o.label.trim(),
  }));
  const [name, setName] = useState('');
  const [area, setArea] = useState(selected?.code ?? '');
  const [target, setTarget] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState(addDays(todayIso(), 2));
  const [poolSize, setPoolSize] = useState('');
  const { error, busy, run } = useFormSubmit();
  const localityCode = areas.some((o) => o.value === area) ? area : (areas[0]?.value ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: CreateCampaignRequest = {
      name,
      localityCode,
      targetPopulation: Number(target),
      startsOn,
      endsOn,
      ...(poolSize ? { poolSize: Number(poolSize) } : {}),
    };
    await run(async () => onCreated(await api(testingContract.postTestingCampaigns, { body: body })));
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="campaign-form">
      <h2>{t('testing.campaignCreateTitle')}</h2>
      <TextField
        label={t('testing.campaignName')}
        value={name}
        onChange={setName}
        required
        error={detailFor(error, 'name')}
        testId="campaign-name"
      />
      <SelectField
        label={t('testing.campaignArea')}
        value={localityCode}
        onChange={setArea}
        options={areas}
        error={detailFor(error, 'localityCode')}
        testId="campaign-area"
      />
      <TextField
        label={t('testing.targetPopulation')}
        type="number"
        min={1}
        value={target}
        onChange={setTarget}
        required
        error={detailFor(error, 'targetPopulation')}
        testId="campaign-target"
      />
      <TextField
        label={t('testing.startsOn')}
        type="date"
        value={startsOn}
        onChange={setStartsOn}
        error={detailFor(error, 'startsOn')}
        testId="campaign-starts-on"
      />
      <TextField
        label={t('testing.endsOn')}
        type="date"
        value={endsOn}
        onChange={setEndsOn}
        error={detailFor(error, 'endsOn')}
        testId="campaign-ends-on"
      />
      <SelectField
        label={t('testing.poolSize')}
        value={poolSize}
        onChange={setPoolSize}
        options={[
          { value: '', label: t('testing.poolSizeAuto') },
          { value: '1', label: t('testing.noPooling') },
          ...[3, 5, 10].map((n) => ({ value: String(n), label: t('testing.poolOf', { n }) })),
        ]}
        error={detailFor(error, 'poolSize')}
        testId="campaign-pool-size"
      />
      <FormError error={error} fields={fields} testId="campaign-error" />
      <FormActions busy={busy} label={t('testing.campaignCreate')} testId="campaign-submit" disabled={!localityCode} />
    </form>
  );
}

/** Mass-testing campaigns of the selected area with their counts; a click opens the campaign. */
export function CampaignsTab() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const [creating, setCreating] = useState(false);
  const list = usePagedList(selected ? testingContract.getTestingCampaigns : null, { locality: selected?.code });
  const columns: Column<CampaignView>[] = [
    {
      key: 'name',
      header: t('testing.campaignName'),
      render: (c) => (
        <Link to={campaignPage(c.id)} data-testid={`campaign-link-${c.name}`}>
          <strong>{c.name}</strong>
        </Link>
      ),
    },
    { key: 'area', header: t('testing.campaignArea'), render: (c) => nameOf(c.localityCode, c.localityName) },
    { key: 'days', header: t('testing.period'), render: (c) => `${fmt.date(c.startsOn)} – ${fmt.date(c.endsOn)}` },
    { key: 'pool', header: t('testing.poolSize'), numeric: true, render: (c) => fmt.number(c.poolSize) },
    { key: 'sampled', header: t('testing.sampled'), numeric: true, render: (c) => fmt.number(c.sampled) },
    { key: 'positive', header: t('testing.positive'), numeric: true, render: (c) => fmt.number(c.positive) },
    {
      key: 'status',
      header: t('testing.statusHeader'),
      render: (c) => (
        <span className={c.status === 'active' ? 'badge badge-warn' : 'badge badge-off'}>
          {t(`testing.campaignStatus.${c.status}`)}
        </span>
      ),
    },
  ];
  return (
    <>
      {canPlanCampaigns(role) && (
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            aria-expanded={creating}
            onClick={() => setCreating((c) => !c)}
            data-testid="campaign-create-toggle"
          >
            {creating ? t('common.close') : t('testing.campaignNew')}
          </button>
        </div>
      )}
      {creating && <CampaignForm onCreated={(c) => navigate(campaignPage(c.id))} />}
      <DataTable
        testId="campaigns-table"
        columns={columns}
        rows={list.items}
        rowKey={(c) => c.id}
        onRowClick={(c) => navigate(campaignPage(c.id))}
      />
      <PagerFooter list={list} />
    </>
  );
}
