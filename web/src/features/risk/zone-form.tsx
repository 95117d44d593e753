import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateZoneRequest, ZoneView } from '../../../../core/schemas/risk-admin.ts';
import { riskAdminContract } from '../../../../core/contracts/risk-admin.ts';
import { api } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { FormActions, FormError, SelectField, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import type { BoundaryCollection, BoundaryProps } from '../../ui/map.tsx';
import { localInputToIso } from '../../ui/text.ts';
import { CommuneChecklist } from './commune-checklist.tsx';
import { closedRing, isZoneKind, linesOf, zoneKinds, type ZoneKind } from './risk-labels.ts';
import { ZoneDrawMap, type Corner } from './zone-draw-map.tsx';

const fields = ['name', 'kind', 'communeCodes', 'startsAt', 'endsAt', 'measures', 'decisionRef'];

/** `datetime-local` value of now, in the browser's time. */
function nowInput(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function TextAreaField({
  label,
  value,
  onChange,
  hint,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  hint?: string;
  error?: string;
  testId: string;
}) {
  const id = useId();
  return (
    <div className={error ? 'field field-invalid full' : 'field full'}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="risk-textarea"
        rows={4}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      />
      {hint && (
        <small id={`${id}-hint`} className="field-hint">
          {hint}
        </small>
      )}
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/**
 * Declare a containment or lockdown zone (POST /api/risk/zones): communes chosen by name or an
 * area drawn on the map, start and optional end, measures one per line, decision reference. One
 * `clientKey` per zone being entered, so a double submit or a resend records it once.
 */
export function ZoneForm({
  province,
  communes,
  boundaries,
  onCreated,
  onCancel,
}: {
  province: string;
  communes: readonly BoundaryProps[];
  boundaries: BoundaryCollection | null;
  onCreated(z: ZoneView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ZoneKind>('khoanh_vung');
  const [mode, setMode] = useState<'communes' | 'draw'>('communes');
  const [codes, setCodes] = useState<string[]>([]);
  const [corners, setCorners] = useState<Corner[]>([]);
  const [closed, setClosed] = useState(false);
  const [startsAt, setStartsAt] = useState(nowInput);
  const [endsAt, setEndsAt] = useState('');
  const [measures, setMeasures] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const clientKey = useRef(newClientKey());
  const { error, setError, busy, run } = useFormSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const area =
      mode === 'communes'
        ? codes.length > 0
          ? { communeCodes: codes }
          : null
        : closed && corners.length >= 3
          ? { polygon: { type: 'Polygon' as const, coordinates: [closedRing(corners)] } }
          : null;
    if (!area) return setError(t('riskZones.needArea'));
    const start = localInputToIso(startsAt);
    if (!start) return setError(t('riskZones.startsInvalid'));
    const end = endsAt ? localInputToIso(endsAt) : undefined;
    const body: CreateZoneRequest = {
      name: name.trim(),
      kind,
      province,
      ...area,
      startsAt: start,
      ...(end ? { endsAt: end } : {}),
      measures: linesOf(measures),
      ...(decisionRef.trim() ? { decisionRef: decisionRef.trim() } : {}),
      clientKey: clientKey.current,
    };
    await run(async () => {
      const created = await api(riskAdminContract.postRiskZones, { body: body });
      clientKey.current = newClientKey();
      onCreated(created);
    });
  };

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate data-testid="zone-form">
      <h2>{t('riskZones.createTitle')}</h2>
      <TextField
        label={t('riskZones.name')}
        value={name}
        onChange={setName}
        required
        error={detailFor(error, 'name')}
        testId="zone-name"
      />
      <SelectField
        label={t('riskZones.kindHeader')}
        value={kind}
        onChange={(v) => isZoneKind(v) && setKind(v)}
        options={zoneKinds.map((k) => ({ value: k, label: t(`riskZones.kind.${k}`) }))}
        error={detailFor(error, 'kind')}
        testId="zone-kind"
      />
      <fieldset className="full risk-mode">
        <legend>{t('riskZones.area')}</legend>
        {(['communes', 'draw'] as const).map((m) => (
          <label key={m} className="field-checkbox">
            <input
              type="radio"
              name="zone-mode"
              checked={mode === m}
              onChange={() => setMode(m)}
              data-testid={`zone-mode-${m}`}
            />
            {m === 'communes' ? t('riskZones.modeCommunes') : t('riskZones.modeDraw')}
          </label>
        ))}
      </fieldset>
      {mode === 'communes' ? (
        <CommuneChecklist
          communes={communes}
          value={codes}
          onChange={setCodes}
          error={detailFor(error, 'communeCodes')}
        />
      ) : (
        <ZoneDrawMap
          boundaries={boundaries}
          corners={corners}
          closed={closed}
          onChange={(cs, c) => {
            setCorners(cs);
            setClosed(c);
          }}
        />
      )}
      <TextField
        label={t('riskZones.startsAt')}
        type="datetime-local"
        value={startsAt}
        onChange={setStartsAt}
        required
        error={detailFor(error, 'startsAt')}
        testId="zone-starts-at"
      />
      <TextField
        label={`${t('riskZones.endsAt')} ${t('common.optional')}`}
        type="datetime-local"
        value={endsAt}
        onChange={setEndsAt}
        error={detailFor(error, 'endsAt')}
        testId="zone-ends-at"
      />
      <TextAreaField
        label={t('riskZones.measures')}
        value={measures}
        onChange={setMeasures}
        hint={t('riskZones.measuresHint')}
        error={detailFor(error, 'measures')}
        testId="zone-measures"
      />
      <TextField
        label={`${t('riskZones.decisionRef')} ${t('common.optional')}`}
        value={decisionRef}
        onChange={setDecisionRef}
        error={detailFor(error, 'decisionRef')}
        testId="zone-decision-ref"
      />
      <FormError error={error} fields={fields} testId="zone-error" />
      <FormActions busy={busy} label={t('riskZones.createSubmit')} testId="zone-submit" onCancel={onCancel} />
    </form>
  );
}
