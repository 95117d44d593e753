import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterView, CreateClusterRequest } from '../../../../core/schemas/cases.ts';
import { clustersContract } from '../../../../core/contracts/clusters.ts';
import { api, ApiError, apiHref } from '../../ui/api.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import {
  FormActions,
  FormError,
  Notice,
  SelectField,
  TextField,
  detailFor,
  useFormSubmit,
  type FormFailure,
} from '../../ui/form.tsx';
import { useFormat, useLang } from '../../ui/format.ts';
import { useLocalities, useLocalityLabel, usePlaceName } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { Page } from '../../ui/page.tsx';
import { Link } from '../../ui/router.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { canInvestigateCases } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import '../cases/cases.css';

type ClusterStatus = ClusterView['status'];
const statuses: readonly ClusterStatus[] = ['active', 'closed'];
const isStatus = (v: string): v is ClusterStatus => (statuses as readonly string[]).includes(v);

/** POST /api/clusters: code, name, place (the picker's selection by default), notes. */
function ClusterCreateForm({ onCreated }: { onCreated(c: ClusterView): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { entries, selected } = useLocalities();
  const places = localityOptions(entries, lang);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [localityCode, setLocalityCode] = useState(selected?.code ?? '');
  const [notes, setNotes] = useState('');
  const { error, busy, run } = useFormSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: CreateClusterRequest = {
      code: code.trim().toUpperCase(),
      name: name.trim(),
      localityCode,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    await run(async () => onCreated(await api(clustersContract.postClusters, { body: body })));
  };
  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="cluster-create-form">
      <h2>{t('clusters.createTitle')}</h2>
      <TextField
        label={t('clusters.code')}
        value={code}
        onChange={setCode}
        required
        placeholder="LC-2026-01"
        error={detailFor(error, 'code')}
        testId="cluster-code"
      />
      <TextField
        label={t('clusters.name')}
        value={name}
        onChange={setName}
        required
        error={detailFor(error, 'name')}
        testId="cluster-name"
      />
      <SelectField
        label={t('clusters.locality')}
        value={localityCode}
        onChange={setLocalityCode}
        options={places}
        error={detailFor(error, 'localityCode')}
        testId="cluster-locality"
      />
      <TextField
        label={`${t('clusters.notes')} ${t('common.optional')}`}
        value={notes}
        onChange={setNotes}
        error={detailFor(error, 'notes')}
        testId="cluster-notes"
      />
      <FormError error={error} fields={['code', 'name', 'localityCode', 'notes']} testId="cluster-create-error" />
      <FormActions
        busy={busy}
        label={t('clusters.createSubmit')}
        testId="cluster-create-submit"
        disabled={!localityCode}
      />
    </form>
  );
}

/** Clusters of the selected locality: list, create, close / reopen, links to their cases and chains. */
export function ClustersPage() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { role } = useUser();
  const { selected } = useLocalities();
  const placeLabel = useLocalityLabel();
  const [status, setStatus] = useState<ClusterStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<FormFailure>(null);
  const mayEdit = canInvestigateCases(role);

  const query = { locality: selected?.code, status: status || undefined };
  const list = usePagedList(selected ? clustersContract.getClusters : null, query);

  const setClusterStatus = async (c: ClusterView, next: ClusterStatus) => {
    setBusy(c.id);
    setNotice(null);
    setError(null);
    try {
      const saved = await api(clustersContract.patchClustersById, { params: { id: c.id }, body: { status: next } });
      list.replace((x) => x.id === c.id, saved);
      setNotice(t('clusters.changed', { code: saved.code, status: t(`clusters.status.${saved.status}`) }));
    } catch (e) {
      setError(e instanceof ApiError ? e : t('errors.unexpected'));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<ClusterView>[] = [
    { key: 'code', header: t('clusters.code'), render: (c) => <strong>{c.code}</strong> },
    { key: 'name', header: t('clusters.name'), render: (c) => c.name },
    { key: 'locality', header: t('clusters.locality'), render: (c) => nameOf(c.localityCode, c.localityName) },
    { key: 'caseCount', header: t('clusters.caseCount'), numeric: true, render: (c) => fmt.number(c.caseCount) },
    {
      key: 'period',
      header: t('clusters.period'),
      render: (c) =>
        c.firstConfirmed ? `${fmt.date(c.firstConfirmed)} – ${fmt.date(c.lastConfirmed)}` : t('common.empty'),
    },
    {
      key: 'status',
      header: t('clusters.statusHeader'),
      render: (c) => (
        <span
          className={c.status === 'active' ? 'badge badge-alert' : 'badge badge-off'}
          data-testid={`cluster-status-${c.code}`}
        >
          {t(`clusters.status.${c.status}`)}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (c) => (
        <div className="row-actions">
          <Link className="button" to={`/cases?clusterId=${encodeURIComponent(c.id)}`}>
            {t('clusters.casesLink')}
          </Link>
          <Link
            className="button"
            to={`/chains?clusterId=${encodeURIComponent(c.id)}`}
            data-testid={`cluster-chain-${c.code}`}
          >
            {t('clusters.chainLink')}
          </Link>
          {mayEdit && (
            <button
              type="button"
              disabled={busy === c.id}
              onClick={() => void setClusterStatus(c, c.status === 'active' ? 'closed' : 'active')}
              data-testid={`cluster-toggle-${c.code}`}
            >
              {c.status === 'active' ? t('clusters.close') : t('clusters.reopen')}
            </button>
          )}
        </div>
      ),
    },
  ];

  return (
    <Page
      title={t('clusters.title')}
      intro={t('clusters.intro', { name: selected ? placeLabel(selected) : t('common.empty') })}
    >
      <Notice>{notice}</Notice>
      <FormError error={error} />
      <div className="toolbar">
        {mayEdit && (
          <button
            type="button"
            className="primary"
            aria-expanded={creating}
            onClick={() => setCreating((c) => !c)}
            data-testid="cluster-create-toggle"
          >
            {creating ? t('common.close') : t('clusters.createTitle')}
          </button>
        )}
        <a
          className="button"
          href={apiHref(clustersContract.getClustersExport, { query: query })}
          download
          data-testid="clusters-export"
        >
          {t('common.exportExcel')}
        </a>
        <a
          className="button"
          href={apiHref(clustersContract.getClustersExportCsv, { query: query })}
          download
          data-testid="clusters-export-csv"
        >
          {t('common.exportCsv')}
        </a>
      </div>
      {creating && (
        <ClusterCreateForm
          onCreated={(c) => {
            setCreating(false);
            setNotice(t('clusters.created', { code: c.code }));
            list.reload();
          }}
        />
      )}
      <div className="filters compact-filters">
        <SelectField
          label={t('clusters.statusHeader')}
          value={status}
          onChange={(v) => setStatus(isStatus(v) ? v : '')}
          options={[
            { value: '', label: t('common.all') },
            ...statuses.map((s) => ({ value: s, label: t(`clusters.status.${s}`) })),
          ]}
          testId="clusters-filter-status"
        />
      </div>
      <DataTable testId="clusters-table" columns={columns} rows={list.items} rowKey={(c) => c.id} />
      <PagerFooter list={list} />
    </Page>
  );
}
