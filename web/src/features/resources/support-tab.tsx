import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { supportContract } from '../../../../core/contracts/resources.ts';
import {
  donationForms,
  donationPurposes,
  donorKinds,
  recipientKinds,
  type DistributionView,
  type DonationView,
} from '../../../../core/schemas/resources.ts';
import { api, apiHref } from '../../ui/api.ts';
import { newClientKey } from '../../ui/client-key.ts';
import { DataTable, PagerFooter, type Column } from '../../ui/data-table.tsx';
import { detailFor, FormActions, FormError, Notice, SelectField, TextField, useFormSubmit } from '../../ui/form.tsx';
import { useFormat } from '../../ui/format.ts';
import { useLocalities } from '../../ui/locality-context.tsx';
import { localityOptions } from '../../ui/locality-picker.tsx';
import { todayIso } from '../../ui/text.ts';
import { usePagedList, type PagedList } from '../../ui/use-paged-list.ts';
import { canKeepSupport } from '../auth/permissions.ts';
import { useUser } from '../auth/session.tsx';
import { unitOptions, useUnits } from './use-units.ts';

type Purpose = (typeof donationPurposes)[number];
const options = <T extends string>(codes: readonly T[], label: (c: T) => string) =>
  codes.map((c) => ({ value: c, label: label(c) }));

/** Records a donation received by a unit (anonymous allowed; cash in đồng or goods). */
function DonationForm({ onSaved }: { onSaved(d: DonationView): void }) {
  const { t } = useTranslation();
  const { selected } = useLocalities();
  const units = useUnits(selected?.code);
  const { error, busy, run } = useFormSubmit();
  const [unitId, setUnitId] = useState('');
  const [donorKind, setDonorKind] = useState<(typeof donorKinds)[number]>('business');
  const [donorName, setDonorName] = useState('');
  const [form, setForm] = useState<(typeof donationForms)[number]>('cash');
  const [amount, setAmount] = useState('');
  const [goods, setGoods] = useState('');
  const [goodsUnit, setGoodsUnit] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('general');
  const [receivedOn, setReceivedOn] = useState(todayIso);
  const [clientKey, setClientKey] = useState(newClientKey);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const d = await api(supportContract.postResourceDonations, {
        body: {
          clientKey,
          unitId: unitId || units[0]?.id || '',
          donorKind,
          donorName: donorKind === 'anonymous' ? undefined : donorName.trim() || undefined,
          form,
          amount: Number(amount),
          goodsDescription: form === 'goods' ? goods.trim() || undefined : undefined,
          goodsUnit: form === 'goods' ? goodsUnit.trim() || undefined : undefined,
          purpose,
          receivedOn,
        },
      });
      setClientKey(newClientKey());
      setDonorName('');
      setAmount('');
      onSaved(d);
    });
  };
  return (
    <form className="form-card" onSubmit={submit} data-testid="donation-form">
      <FormError error={error} fields={['donorName', 'goodsDescription', 'amount', 'receivedOn']} />
      <div className="form-grid">
        <SelectField
          label={t('resources.receivingUnit')}
          value={unitId}
          onChange={setUnitId}
          options={unitOptions(units)}
        />
        <SelectField
          label={t('resources.donorKind')}
          value={donorKind}
          onChange={(v) => setDonorKind(v as typeof donorKind)}
          options={options(donorKinds, (k) => t(`resources.donor.${k}`))}
          testId="donation-donor-kind"
        />
        {donorKind !== 'anonymous' && (
          <TextField
            label={t('resources.donorName')}
            value={donorName}
            onChange={setDonorName}
            error={detailFor(error, 'donorName')}
            testId="donation-donor"
          />
        )}
        <SelectField
          label={t('resources.donationForm')}
          value={form}
          onChange={(v) => setForm(v as typeof form)}
          options={options(donationForms, (k) => t(`resources.form.${k}`))}
          testId="donation-form-kind"
        />
        <TextField
          label={form === 'cash' ? t('resources.amountVnd') : t('resources.goodsQuantity')}
          type="number"
          min={1}
          value={amount}
          onChange={setAmount}
          required
          error={detailFor(error, 'amount')}
          testId="donation-amount"
        />
        {form === 'goods' && (
          <>
            <TextField
              label={t('resources.goods')}
              value={goods}
              onChange={setGoods}
              error={detailFor(error, 'goodsDescription')}
            />
            <TextField label={t('resources.goodsUnit')} value={goodsUnit} onChange={setGoodsUnit} />
          </>
        )}
        <SelectField
          label={t('resources.purposeOfDonation')}
          value={purpose}
          onChange={(v) => setPurpose(v as Purpose)}
          options={options(donationPurposes, (k) => t(`resources.donationPurpose.${k}`))}
          testId="donation-purpose"
        />
        <TextField
          label={t('resources.receivedOn')}
          type="date"
          value={receivedOn}
          onChange={setReceivedOn}
          required
          error={detailFor(error, 'receivedOn')}
          testId="donation-received-on"
        />
      </div>
      <FormActions busy={busy} label={t('resources.recordDonation')} testId="donation-save" />
    </form>
  );
}

/** Hands part of a donation to a household or person; never more than remains (the server checks). */
function DistributionForm({ donation, onSaved }: { donation: DonationView; onSaved(d: DistributionView): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { entries } = useLocalities();
  const { error, busy, run } = useFormSubmit();
  const [recipientKind, setRecipientKind] = useState<(typeof recipientKinds)[number]>('household_in_lockdown');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const communes = localityOptions(entries, fmt.lang, ['commune']);
  const [locality, setLocality] = useState('');
  const [amount, setAmount] = useState('');
  const [on, setOn] = useState(todayIso);
  const [clientKey] = useState(newClientKey);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () =>
      onSaved(
        await api(supportContract.postResourceDonationDistributions, {
          params: { id: donation.id },
          body: {
            clientKey,
            recipientKind,
            recipientName: name,
            recipientAddress: address.trim() || undefined,
            locality: locality || communes[0]?.value || '',
            amount: Number(amount),
            distributedOn: on,
          },
        }),
      ),
    );
  };
  return (
    <form onSubmit={submit} data-testid="distribution-form">
      <FormError error={error} fields={['amount']} />
      <div className="form-grid">
        <SelectField
          label={t('resources.recipientKind')}
          value={recipientKind}
          onChange={(v) => setRecipientKind(v as typeof recipientKind)}
          options={options(recipientKinds, (k) => t(`resources.recipient.${k}`))}
        />
        <TextField label={t('resources.recipientName')} value={name} onChange={setName} required />
        <TextField label={t('resources.recipientAddress')} value={address} onChange={setAddress} />
        <SelectField label={t('resources.commune')} value={locality} onChange={setLocality} options={communes} />
        <TextField
          label={t('resources.amountLeft', { n: fmt.number(donation.remaining) })}
          type="number"
          min={1}
          value={amount}
          onChange={setAmount}
          required
          error={detailFor(error, 'amount')}
        />
        <TextField label={t('resources.distributedOn')} type="date" value={on} onChange={setOn} required />
      </div>
      <FormActions busy={busy} label={t('resources.distribute')} testId="distribution-save" />
    </form>
  );
}

/** Donations and distributions of the area, each exportable; recipients are named only here. */
export function SupportTab() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { selected } = useLocalities();
  const keeps = canKeepSupport(useUser().role);
  const [purpose, setPurpose] = useState('');
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = { locality: selected?.code, purpose: purpose || undefined };
  const donations = usePagedList(selected ? supportContract.getResourceDonations : null, query);
  const distQuery = { locality: selected?.code };
  const distributions = usePagedList(selected && keeps ? supportContract.getResourceDistributions : null, distQuery);
  const amount = (n: number, d: { form: string; goodsUnit: string | null }) =>
    d.form === 'cash' ? t('resources.vnd', { n: fmt.number(n) }) : `${fmt.number(n)} ${d.goodsUnit ?? ''}`;
  const columns: Column<DonationView>[] = [
    { key: 'on', header: t('resources.receivedOn'), render: (d) => fmt.date(d.receivedOn) },
    {
      key: 'donor',
      header: t('resources.donorName'),
      render: (d) => d.donorName ?? t('resources.donor.anonymous'),
    },
    { key: 'unit', header: t('resources.receivingUnit'), render: (d) => d.unit.name },
    {
      key: 'purpose',
      header: t('resources.purposeOfDonation'),
      render: (d) => t(`resources.donationPurpose.${d.purpose}`),
    },
    {
      key: 'amount',
      header: t('resources.amount'),
      numeric: true,
      render: (d) => (d.form === 'goods' ? `${amount(d.amount, d)} ${d.goodsDescription ?? ''}` : amount(d.amount, d)),
    },
    { key: 'left', header: t('resources.remaining'), numeric: true, render: (d) => amount(d.remaining, d) },
    {
      key: 'act',
      header: t('common.actions'),
      render: (d) =>
        keeps &&
        d.remaining > 0 && (
          <button type="button" onClick={() => setOpen(open === d.id ? null : d.id)} data-testid="distribute-open">
            {t('resources.distribute')}
          </button>
        ),
    },
  ];
  const distColumns: Column<DistributionView>[] = [
    { key: 'on', header: t('resources.distributedOn'), render: (d) => fmt.date(d.distributedOn) },
    { key: 'kind', header: t('resources.recipientKind'), render: (d) => t(`resources.recipient.${d.recipientKind}`) },
    { key: 'name', header: t('resources.recipientName'), render: (d) => d.recipientName },
    { key: 'commune', header: t('resources.commune'), render: (d) => d.localityName },
    { key: 'amount', header: t('resources.amount'), numeric: true, render: (d) => fmt.number(d.amount) },
  ];
  return (
    <>
      <Notice>{notice}</Notice>
      <div className="toolbar">
        {keeps && (
          <button type="button" aria-expanded={adding} onClick={() => setAdding((a) => !a)} data-testid="donation-new">
            {adding ? t('common.close') : t('resources.newDonation')}
          </button>
        )}
        <a className="button" href={apiHref(supportContract.getResourceDonationsExport, { query })} download>
          {t('common.exportExcel')}
        </a>
        <a className="button" href="/c/ho-tro" target="_blank" rel="noreferrer">
          {t('resources.publicPage')}
        </a>
      </div>
      {adding && (
        <DonationForm
          onSaved={(d) => {
            setAdding(false);
            setNotice(t('resources.donationSaved', { amount: amount(d.amount, d) }));
            donations.reload();
          }}
        />
      )}
      <SelectField
        label={t('resources.purposeOfDonation')}
        value={purpose}
        onChange={setPurpose}
        options={[
          { value: '', label: t('common.all') },
          ...options(donationPurposes, (k) => t(`resources.donationPurpose.${k}`)),
        ]}
      />
      <DataTable
        testId="donations-table"
        columns={columns}
        rows={donations.items}
        rowKey={(d) => d.id}
        renderDetail={(d) =>
          open === d.id ? (
            <DistributionForm
              donation={d}
              onSaved={(x) => {
                setOpen(null);
                setNotice(t('resources.distributionSaved', { name: x.recipientName }));
                donations.reload();
                distributions.reload();
              }}
            />
          ) : null
        }
      />
      <PagerFooter list={donations} />
      {keeps && <Distributions list={distributions} query={distQuery} columns={distColumns} />}
    </>
  );
}

function Distributions(p: {
  list: PagedList<DistributionView>;
  query: { locality: string | undefined };
  columns: Column<DistributionView>[];
}) {
  const { t } = useTranslation();
  const { list: distributions, query: distQuery, columns: distColumns } = p;
  return (
    <>
      <h2>{t('resources.distributions')}</h2>
      <div className="toolbar">
        <a
          className="button"
          href={apiHref(supportContract.getResourceDistributionsExport, { query: distQuery })}
          download
        >
          {t('common.exportExcel')}
        </a>
      </div>
      <DataTable testId="distributions-table" columns={distColumns} rows={distributions.items} rowKey={(d) => d.id} />
      <PagerFooter list={distributions} />
    </>
  );
}
