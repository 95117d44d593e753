import type { Locale } from '../../../core/errors.ts';
import type { DistributionView, DonationView } from '../../../core/schemas/resources.ts';
import type { DistributionRecord, DonationRecord } from './support.repository.ts';

export function toDonationView(d: DonationRecord, locale: Locale): DonationView {
  const amount = Number(d.amount);
  const distributed = Number(d.distributed);
  return {
    id: d.id,
    unit: { id: d.unit_id, code: d.unit_code, name: locale === 'vi' ? d.unit_name : d.unit_name_en },
    donorKind: d.donor_kind,
    donorName: d.donor_name,
    form: d.form,
    amount,
    goodsDescription: d.goods_description,
    goodsUnit: d.goods_unit,
    purpose: d.purpose as DonationView['purpose'],
    receivedOn: d.received_on,
    distributed,
    remaining: amount - distributed,
  };
}

export function toDistributionView(s: DistributionRecord): DistributionView {
  return {
    id: s.id,
    donationId: s.donation_id,
    recipientKind: s.recipient_kind,
    recipientName: s.recipient_name,
    recipientAddress: s.recipient_address,
    localityCode: s.locality_code,
    localityName: s.locality_name,
    amount: Number(s.amount),
    distributedOn: s.distributed_on,
  };
}
