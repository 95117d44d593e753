import type { Content, TableCell } from 'pdfmake';
import type { Locale } from '../../../core/errors.ts';
import { renderPdf } from '../../shared/official-document.ts';
import type { MyDataRows } from './my-data.repository.ts';
import { formatDateTime, formatDay } from '../../../core/display-dates.ts';
import { formatAddress } from '../../../core/rules/address.ts';
import { exposureLabels, labelOf, symptomLabels } from '../../../core/code-labels.ts';

type Text = Record<Locale, string>;
const iso = (d: Date | string | null | undefined) => (d instanceof Date ? d.toISOString() : (d ?? null));

/** How the copy names places and countries: in the reader's language, never by their codes alone. */
export interface PlaceNamer {
  /** "Phường Đoàn Kết, Tỉnh Lai Châu" for a commune or province code (null: known nowhere). */
  place(code: string | null): string | null;
  /** "Lào" / "Laos" for a 2-letter country code. */
  country(code: string | null): string | null;
}

/**
 * A person's copy of their data (JSON): ISO times, one key per kind of record; places by name (the
 * origin's code stays beside its name: it is what the person typed or picked, and the machine copy
 * keeps it).
 */
export function myDataJson(d: MyDataRows, now: Date, names: PlaceNamer) {
  const p = d.person;
  return {
    generatedAt: now.toISOString(),
    notice:
      'Bản sao dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 / A copy of your personal data under Law 91/2025/QH15',
    person: {
      idType: p.id_type,
      idNumber: p.id_number,
      fullName: p.full_name,
      birthYear: p.birth_year,
      gender: p.gender,
      nationality: p.nationality,
      phone: p.phone,
      phoneVerifiedAt: iso(p.phone_verified_at),
      email: p.email,
      commune: names.place(p.commune_code),
      addressLine: p.address_line,
      recordedBy: p.recorded_by,
      identityStatus: p.identity_status,
      createdAt: iso(p.created_at),
      status: { fLevel: p.f_level, underQuarantine: p.under_quarantine, underMonitoring: p.under_monitoring },
    },
    consents: d.consents.map((c) => ({
      purpose: c.purpose,
      noticeVersion: c.notice_version,
      givenAt: iso(c.given_at),
    })),
    healthDeclarations: d.declarations.map((x) => ({
      submittedAt: iso(x.submitted_at),
      validUntil: iso(x.valid_until),
      kind: x.kind,
      symptoms: x.symptoms,
      exposures: x.exposures,
      conditions: x.conditions,
      commune: names.place(x.commune_code),
      declaredIdentity: x.declared_identity ?? null,
    })),
    arrivals: d.arrivals.map((a) => ({
      submittedAt: iso(a.submitted_at),
      originKind: a.origin_kind,
      originCode: a.origin_code,
      originCountry: a.origin_country,
      origin: a.origin_kind === 'country' ? names.country(a.origin_country) : names.place(a.origin_code),
      route: a.route,
      vehicleType: a.vehicle_type,
      vehicleNumber: a.vehicle_number,
      seat: a.seat,
      departedOn: a.departed_on,
      arrivedOn: a.arrived_on,
      destination: names.place(a.destination_commune_code),
      flagged: a.flagged,
      flagReasons: a.flag_reasons,
      followUpStatus: a.follow_up_status,
      declaredByHost: a.declared_by_host,
    })),
    checkins: d.checkins.map((c) => ({
      venue: c.venue_name,
      address: c.venue_address,
      checkedInAt: iso(c.checked_in_at),
      checkedOutAt: iso(c.checked_out_at),
      mode: c.mode,
    })),
    cases: d.cases.map((k) => ({
      caseNumber: k.case_number,
      confirmedDate: k.confirmed_date,
      onsetDate: k.onset_date,
      sampleDate: k.sample_date,
      classification: k.classification,
      status: k.status,
      outcomeDate: k.outcome_date,
      treatmentPlace: k.treatment_place,
      locality: names.place(k.locality_code),
    })),
    // Where I was someone's contact: the case and its person are someone else's data and stay out.
    contacts: d.contacts.map((c) => ({
      level: c.level,
      status: c.status,
      household: c.household,
      declaredByTheCase: c.declared,
      firstExposureAt: iso(c.first_exposure_at),
      lastExposureAt: iso(c.last_exposure_at),
      overlapMinutes: c.total_overlap_minutes,
      venues: c.distinct_venues,
      isolatedAt: iso(c.isolated_at),
      recordedAt: iso(c.created_at),
      decidedAt: iso(c.decided_at),
    })),
    followUpTasks: d.tasks.map((t) => ({ kind: t.kind, dueOn: t.due_on, status: t.status })),
    quarantineStays: d.stays.map((s) => ({
      facility: s.facility_name,
      facilityKind: s.facility_kind,
      reason: s.reason,
      startsOn: s.starts_on,
      endsOn: s.ends_on,
      monitoringUntil: s.monitoring_until,
      status: s.status,
      releasedOn: s.released_on,
      releaseKind: s.release_kind,
      room: s.room,
      extendedDays: s.extended_days,
      dailyReports: d.reports
        .filter((r) => r.admission_id === s.id)
        .map((r) => ({ on: r.reported_on, temperature: r.temperature, symptoms: r.symptoms })),
    })),
    testOrders: d.orders.map((o) => ({
      reason: o.reason,
      kind: o.test_kind,
      dueOn: o.due_on,
      status: o.status,
      orderedAt: iso(o.created_at),
    })),
    samples: d.samples.map((s) => ({
      code: s.code,
      kind: s.kind,
      collectedAt: iso(s.collected_at),
      lab: s.lab,
      result: s.result,
      resultedAt: iso(s.resulted_at),
    })),
    treatmentStays: d.treatment.map((s) => ({
      facility: s.facility_name,
      bedKind: s.bed_kind,
      admittedAt: iso(s.admitted_at),
      dischargedAt: iso(s.discharged_at),
      outcome: s.outcome,
    })),
  };
}
export type MyData = ReturnType<typeof myDataJson>;

const L: Record<string, Text> = {
  title: { vi: 'BẢN SAO DỮ LIỆU CÁ NHÂN', en: 'COPY OF MY PERSONAL DATA' },
  basis: {
    vi: 'Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP. Lập lúc',
    en: 'Under Law 91/2025/QH15 and Decree 356/2025/NĐ-CP. Made at',
  },
  identity: { vi: 'Thông tin cá nhân', en: 'Identity' },
  status: { vi: 'Tình trạng phòng, chống dịch', en: 'Epidemic status' },
  consents: { vi: 'Đồng ý xử lý dữ liệu', en: 'Consents' },
  declarations: { vi: 'Tờ khai y tế', en: 'Health declarations' },
  arrivals: { vi: 'Khai báo di chuyển, lưu trú', en: 'Arrivals and stays' },
  checkins: { vi: 'Lịch sử check-in', en: 'Check-ins' },
  cases: { vi: 'Hồ sơ ca bệnh', en: 'Case record' },
  contacts: { vi: 'Là người tiếp xúc (không ghi thông tin người khác)', en: "As a contact (no one else's identity)" },
  stays: { vi: 'Cách ly y tế', en: 'Quarantine' },
  tests: { vi: 'Chỉ định và kết quả xét nghiệm', en: 'Test orders and results' },
  treatment: { vi: 'Điều trị', en: 'Treatment' },
  none: { vi: 'Không có', en: 'None' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
};

/** Symptoms and exposures share the declaration's lists; an older record's unknown code is shown as is. */
const declaredWords = { ...symptomLabels, ...exposureLabels };
const resultText: Record<string, Text> = {
  negative: { vi: 'Âm tính', en: 'Negative' },
  positive: { vi: 'Dương tính', en: 'Positive' },
  invalid: { vi: 'Không xác định', en: 'Invalid' },
};

const at = (v: string | null, locale: Locale) => (v ? formatDateTime(v, locale) : '—');
const day = (v: string | null, locale: Locale) => (v ? formatDay(v.slice(0, 10), locale) : '—');
const list = (v: unknown, locale: Locale) =>
  Array.isArray(v) && v.length ? v.map((c) => labelOf(declaredWords, String(c), locale)).join(', ') : L.none![locale];

function table(title: string, headers: string[], rows: (string | number | null)[][], locale: Locale): Content[] {
  const head: Content = { text: title, bold: true, fontSize: 12, margin: [0, 12, 0, 4] };
  if (rows.length === 0) return [head, { text: L.none![locale], italics: true, fontSize: 10 }];
  const body: TableCell[][] = [
    headers.map((h) => ({ text: h, bold: true, fontSize: 9 })),
    ...rows.map((r) => r.map((c) => ({ text: c === null ? '—' : String(c), fontSize: 9 }))),
  ];
  return [head, { table: { headerRows: 1, widths: headers.map(() => '*'), body }, layout: 'lightHorizontalLines' }];
}

/** The same copy as a readable PDF in the reader's language (Vietnamese by default). */
export function myDataPdf(d: MyData, locale: Locale): Promise<Buffer> {
  const t = (k: string) => L[k]![locale];
  const vi = locale === 'vi';
  const p = d.person;
  const yes = (b: boolean) => (b ? t('yes') : t('no'));
  const content: Content[] = [
    { text: t('title'), bold: true, fontSize: 15, alignment: 'center' },
    {
      text: `${t('basis')} ${at(d.generatedAt, locale)}.`,
      italics: true,
      fontSize: 10,
      alignment: 'center',
      margin: [0, 4, 0, 8],
    },
    ...table(
      t('identity'),
      vi
        ? ['Họ và tên', 'Năm sinh', 'Giấy tờ', 'Điện thoại', 'Địa chỉ']
        : ['Full name', 'Born', 'Document', 'Phone', 'Address'],
      [
        [
          p.fullName,
          p.birthYear,
          `${p.idType.toUpperCase()} ${p.idNumber ?? ''}`.trim(),
          p.phone,
          // The commune's name is "Phường X, Tỉnh Y" (unit names hold no comma): split, so that a
          // line ending with the commune again does not print it twice.
          formatAddress({
            line: p.addressLine,
            commune: p.commune?.split(', ')[0] ?? null,
            province: p.commune?.split(', ')[1] ?? null,
          }),
        ],
      ],
      locale,
    ),
    ...table(
      t('status'),
      vi ? ['Mức F', 'Đang cách ly', 'Đang theo dõi'] : ['F level', 'In quarantine', 'Under monitoring'],
      [
        [
          p.status.fLevel === null ? '—' : `F${p.status.fLevel}`,
          yes(p.status.underQuarantine),
          yes(p.status.underMonitoring),
        ],
      ],
      locale,
    ),
    ...table(
      t('consents'),
      vi ? ['Mục đích', 'Phiên bản thông báo', 'Thời điểm'] : ['Purpose', 'Notice version', 'Given at'],
      d.consents.map((c) => [c.purpose, c.noticeVersion, at(c.givenAt, locale)]),
      locale,
    ),
    ...table(
      t('declarations'),
      vi
        ? ['Thời điểm', 'Hiệu lực đến', 'Triệu chứng', 'Yếu tố dịch tễ', 'Xã, phường']
        : ['Submitted', 'Valid until', 'Symptoms', 'Exposures', 'Commune'],
      d.healthDeclarations.map((x) => [
        at(x.submittedAt, locale),
        at(x.validUntil, locale),
        list(x.symptoms, locale),
        list(x.exposures, locale),
        x.commune,
      ]),
      locale,
    ),
    ...table(
      t('arrivals'),
      vi
        ? ['Ngày đến', 'Đi từ', 'Phương tiện', 'Nơi đến', 'Theo dõi']
        : ['Arrived', 'From', 'Vehicle', 'To', 'Follow-up'],
      d.arrivals.map((a) => [
        day(a.arrivedOn, locale),
        a.origin ?? '—',
        [a.vehicleType, a.vehicleNumber].filter(Boolean).join(' '),
        a.destination,
        a.followUpStatus,
      ]),
      locale,
    ),
    ...table(
      t('checkins'),
      vi ? ['Địa điểm', 'Vào', 'Ra'] : ['Venue', 'In', 'Out'],
      d.checkins.map((c) => [`${c.venue} — ${c.address}`, at(c.checkedInAt, locale), at(c.checkedOutAt, locale)]),
      locale,
    ),
    ...table(
      t('cases'),
      vi
        ? ['Mã ca bệnh', 'Ngày xác định', 'Phân loại', 'Tình trạng']
        : ['Case number', 'Confirmed', 'Classification', 'Status'],
      d.cases.map((k) => [k.caseNumber, day(k.confirmedDate, locale), k.classification, k.status]),
      locale,
    ),
    ...table(
      t('contacts'),
      vi ? ['Mức', 'Trạng thái', 'Tiếp xúc từ', 'đến', 'Phút'] : ['Level', 'Status', 'Exposed from', 'to', 'Minutes'],
      d.contacts.map((c) => [
        `F${c.level}`,
        c.status,
        at(c.firstExposureAt, locale),
        at(c.lastExposureAt, locale),
        c.overlapMinutes,
      ]),
      locale,
    ),
    ...table(
      t('stays'),
      vi
        ? ['Nơi cách ly', 'Từ ngày', 'Đến ngày', 'Trạng thái', 'Báo cáo hằng ngày']
        : ['Facility', 'From', 'To', 'Status', 'Daily reports'],
      d.quarantineStays.map((s) => [
        s.facility,
        day(s.startsOn, locale),
        day(s.endsOn, locale),
        s.status,
        s.dailyReports.length,
      ]),
      locale,
    ),
    ...table(
      t('tests'),
      vi ? ['Mã mẫu', 'Loại', 'Lấy mẫu', 'Kết quả'] : ['Sample', 'Kind', 'Collected', 'Result'],
      [
        ...d.samples.map((s) => [
          s.code,
          s.kind,
          at(s.collectedAt, locale),
          s.result ? resultText[s.result]![locale] : '…',
        ]),
        ...d.testOrders
          .filter((o) => o.status === 'ordered')
          .map((o) => ['—', o.kind, `${vi ? 'Hẹn' : 'Due'} ${day(o.dueOn, locale)}`, '…']),
      ],
      locale,
    ),
    ...table(
      t('treatment'),
      vi ? ['Cơ sở', 'Vào', 'Ra', 'Kết quả'] : ['Facility', 'Admitted', 'Discharged', 'Outcome'],
      d.treatmentStays.map((s) => [s.facility, at(s.admittedAt, locale), at(s.dischargedAt, locale), s.outcome]),
      locale,
    ),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: t('title'), creator: 'phongdich' },
    language: locale,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content,
  });
}
