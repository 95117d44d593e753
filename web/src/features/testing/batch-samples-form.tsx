import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSamplesRequest } from '../../../../core/schemas/testing.ts';
import { testingContract } from '../../../../core/contracts/testing.ts';
import { api } from '../../ui/api.ts';
import { FormActions, FormError, TextField, detailFor, useFormSubmit } from '../../ui/form.tsx';
import { localInputToIso } from '../../ui/text.ts';
import { genderOptions, isGender, type Gender } from '../cases/case-labels.ts';
import { useCommuneOptions } from '../../ui/commune-options.ts';
import { nowLocalInput } from './testing-labels.ts';

interface Row {
  code: string;
  idNumber: string;
  fullName: string;
  birthYear: string;
  gender: Gender | '';
  communeCode: string;
}

type Pools = { samples: number; pools: { code: string; members: string[] }[] };
const blank = (communeCode: string): Row => ({
  code: '',
  idNumber: '',
  fullName: '',
  birthYear: '',
  gender: '',
  communeCode,
});

/**
 * POST /api/testing/campaigns/:id/samples: rows of tube code + the person's identity (CCCD), pooled
 * by the server in the order given. Answers with the pools made (their codes go on the pool tubes).
 */
export function BatchSamplesForm({ campaignId, onSaved }: { campaignId: string; onSaved(): void }) {
  const { t } = useTranslation();
  const communes = useCommuneOptions();
  const firstCommune = communes[0]?.value ?? '';
  const [rows, setRows] = useState<Row[]>(() => [blank('')]);
  const [at, setAt] = useState(nowLocalInput());
  const [pools, setPools] = useState<Pools | null>(null);
  const { error, setError, busy, run } = useFormSubmit();
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const filled = rows.filter((r) => r.code.trim());
    if (filled.length === 0) return setError(t('testing.noRows'));
    const bad = filled.find((r) => !isGender(r.gender) || !/^\d{4}$/.test(r.birthYear.trim()));
    if (bad) return setError(t('testing.rowIncomplete', { code: bad.code }));
    const body: CampaignSamplesRequest = {
      collectedAt: localInputToIso(at) ?? '',
      samples: filled.map((r) => ({
        code: r.code.trim(),
        subject: {
          person: {
            idType: 'cccd',
            idNumber: r.idNumber.trim(),
            fullName: r.fullName.trim(),
            birthYear: Number(r.birthYear),
            gender: r.gender || 'other',
            nationality: 'VN',
            communeCode: r.communeCode || firstCommune,
          },
        },
      })),
    };
    await run(async () => {
      setPools(await api(testingContract.postTestingCampaignsSamples, { params: { id: campaignId }, body }));
      setRows([blank('')]);
      onSaved();
    });
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="batch-form">
      <h2>{t('testing.batchTitle')}</h2>
      <p className="muted">{t('testing.batchHint')}</p>
      <TextField
        label={t('testing.collectedAt')}
        type="datetime-local"
        value={at}
        onChange={setAt}
        error={detailFor(error, 'collectedAt')}
        testId="batch-collected-at"
      />
      <div className="batch-rows">
        {rows.map((r, i) => (
          <div className="batch-row" key={i} data-testid={`batch-row-${i}`}>
            <label>
              {t('testing.sampleCode')}
              <input
                value={r.code}
                onChange={(e) => set(i, { code: e.target.value })}
                data-testid={`batch-code-${i}`}
              />
            </label>
            <label>
              {t('cases.idNumber')}
              <input
                value={r.idNumber}
                onChange={(e) => set(i, { idNumber: e.target.value })}
                data-testid={`batch-id-${i}`}
              />
            </label>
            <label>
              {t('cases.fullName')}
              <input
                value={r.fullName}
                onChange={(e) => set(i, { fullName: e.target.value })}
                data-testid={`batch-name-${i}`}
              />
            </label>
            <label>
              {t('cases.birthYear')}
              <input
                type="number"
                value={r.birthYear}
                onChange={(e) => set(i, { birthYear: e.target.value })}
                data-testid={`batch-year-${i}`}
              />
            </label>
            <label>
              {t('cases.genderHeader')}
              <select
                value={r.gender}
                onChange={(e) => set(i, { gender: isGender(e.target.value) ? e.target.value : '' })}
                data-testid={`batch-gender-${i}`}
              >
                <option value="">{t('common.empty')}</option>
                {genderOptions(t).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('cases.commune')}
              <select
                value={r.communeCode || firstCommune}
                onChange={(e) => set(i, { communeCode: e.target.value })}
                data-testid={`batch-commune-${i}`}
              >
                {communes.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ))}
      </div>
      <div className="action-row">
        <button
          type="button"
          onClick={() => setRows((rs) => [...rs, blank(rs.at(-1)?.communeCode ?? '')])}
          data-testid="batch-add-row"
        >
          {t('testing.addRow')}
        </button>
      </div>
      <FormError error={error} testId="batch-error" />
      {pools && (
        <div className="alert alert-ok" role="status" data-testid="batch-outcome">
          <p>{t('testing.batchDone', { samples: pools.samples, pools: pools.pools.length })}</p>
          <ul>
            {pools.pools.map((p) => (
              <li key={p.code}>
                <code>{p.code}</code>: {p.members.join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormActions busy={busy} label={t('testing.batchSubmit')} testId="batch-submit" />
    </form>
  );
}
