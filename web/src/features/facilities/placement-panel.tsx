import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityKind, PlacementView } from '../../../../core/schemas/facilities.ts';
import { facilitiesContract } from '../../../../core/contracts/facilities.ts';
import { api } from '../../ui/api.ts';
import { DataTable, type Column } from '../../ui/data-table.tsx';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities, usePlaceName } from '../../ui/locality-context.tsx';
import { useCommuneOptions } from '../../ui/commune-options.ts';
import { capacityKindOptions, isCapacityKind } from './facility-labels.ts';

type Option = PlacementView['options'][number];

/** "Cần chỗ cho N người gần xã …": GET /api/facilities/placement, nearest free places first. */
export function PlacementPanel() {
  const { t } = useTranslation();
  const nameOf = usePlaceName();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const communes = useCommuneOptions();
  const [people, setPeople] = useState('10');
  const [kind, setKind] = useState<CapacityKind>('quarantine_place');
  const [near, setNear] = useState('');
  const [result, setResult] = useState<PlacementView | null>(null);
  const { error, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      setResult(
        await api(facilitiesContract.getFacilitiesPlacement, {
          query: { people, kind, near: near || undefined, locality: selected?.code },
        }),
      );
    });
  };

  const columns: Column<Option>[] = [
    { key: 'name', header: t('facilities.name'), render: (o) => <strong>{o.name}</strong> },
    { key: 'commune', header: t('facilities.commune'), render: (o) => nameOf(o.communeCode, o.communeName) },
    { key: 'free', header: t('facilities.free'), numeric: true, render: (o) => fmt.number(o.free) },
    {
      key: 'distance',
      header: t('facilities.distance'),
      numeric: true,
      render: (o) =>
        o.distanceKm === null
          ? t('common.empty')
          : t('facilities.km', { km: fmt.number(Math.round(o.distanceKm * 10) / 10) }),
    },
    {
      key: 'suggested',
      header: t('facilities.suggested'),
      numeric: true,
      render: (o) => <strong data-testid={`placement-suggested-${o.facilityId}`}>{fmt.number(o.suggested)}</strong>,
    },
    {
      key: 'phone',
      header: t('facilities.phone'),
      render: (o) => (o.contactPhone ? <a href={`tel:${o.contactPhone}`}>{o.contactPhone}</a> : t('common.empty')),
    },
  ];

  return (
    <section className="card" aria-labelledby="placement-title" data-testid="placement-panel">
      <h2 id="placement-title">{t('facilities.placementTitle')}</h2>
      <p className="muted">{t('facilities.placementIntro')}</p>
      <form className="filters" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('facilities.people')}
          type="number"
          min={1}
          value={people}
          onChange={setPeople}
          error={detailFor(error, 'people')}
          testId="placement-people"
        />
        <SelectField
          label={t('facilities.kindHeader')}
          value={kind}
          onChange={(v) => isCapacityKind(v) && setKind(v)}
          options={capacityKindOptions(t)}
          testId="placement-kind"
        />
        <SelectField
          label={t('facilities.near')}
          value={near}
          onChange={setNear}
          options={[{ value: '', label: t('facilities.nearAny') }, ...communes]}
          testId="placement-near"
        />
        <FormActions busy={busy} label={t('facilities.placementSubmit')} testId="placement-submit" />
      </form>
      <FormError error={error} fields={['people']} />
      {result && (
        <>
          <p data-testid="placement-summary">
            {result.near
              ? t('facilities.placementSummary', {
                  people: fmt.number(result.people),
                  near: result.near.name,
                  placed: fmt.number(result.placed),
                })
              : t('facilities.placementSummaryAnywhere', {
                  people: fmt.number(result.people),
                  placed: fmt.number(result.placed),
                })}
          </p>
          {result.shortfall > 0 && (
            <div className="alert alert-warn" role="status">
              {t('facilities.shortfall', { count: result.shortfall })}
            </div>
          )}
          <DataTable columns={columns} rows={result.options} rowKey={(o) => o.facilityId} testId="placement-table" />
        </>
      )}
    </section>
  );
}
