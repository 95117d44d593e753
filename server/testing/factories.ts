import { randomBytes, randomUUID } from 'node:crypto';
import type { PersonRef } from '../../core/schemas/cases.ts';
import { normaliseVietnamesePhone } from '../../core/rules/identity-documents.ts';
import type { DeclarationRequest, DeclarationResult } from '../../core/schemas/declarations.ts';
import type { Db } from '../db/database.ts';
import type { TestPlatform } from './test-platform.ts';

let serial = 0;

/** A structurally valid CCCD for Lai Châu (012), born in 19xx (4th digit: 0 a man, 1 a woman), unique per call. */
export function cccd(birthYear = 1985, gender: 'male' | 'female' = 'male'): string {
  serial++;
  return `012${gender === 'male' ? 0 : 1}${String(birthYear % 100).padStart(2, '0')}${String(100000 + serial).slice(-6)}`;
}

/** A person as an official types them in (the subject of a case, a contact, a sample or a stay). */
export function personRef(
  fullName: string,
  o: { communeCode?: string; birthYear?: number; gender?: 'male' | 'female'; addressLine?: string } = {},
): PersonRef {
  const birthYear = o.birthYear ?? 1985;
  const gender = o.gender ?? 'male';
  return {
    person: {
      idType: 'cccd',
      idNumber: cccd(birthYear, gender),
      fullName,
      birthYear,
      gender,
      nationality: 'VN',
      communeCode: o.communeCode ?? '03388',
      ...(o.addressLine ? { addressLine: o.addressLine } : {}),
    },
  };
}

export function phone(): string {
  serial++;
  return `09${String(10000000 + serial * 7919).slice(-8)}`;
}

export async function requestOtp(
  t: TestPlatform,
  phoneNumber: string,
  purpose: 'declaration' | 'erase' | 'session' | 'my_data' = 'declaration',
) {
  const res = await t.app.inject({ method: 'POST', url: '/api/public/otp', payload: { phone: phoneNumber, purpose } });
  if (res.statusCode !== 200) throw new Error(`otp: ${res.statusCode} ${res.body}`);
  const { challengeId } = res.json<{ challengeId: string }>();
  return { challengeId, code: t.platform.services.outbox!.lastCodeFor(normaliseVietnamesePhone(phoneNumber)!)! };
}

/** The header a citizens' page sends with its session. */
export const bearer = (session: { token: string }) => ({ authorization: `Bearer ${session.token}` });

type DeclarationOverrides = Partial<Omit<DeclarationRequest, 'person' | 'otp'>> & {
  person?: Partial<DeclarationRequest['person']>;
};

export function declarationBody(over: DeclarationOverrides = {}): Omit<DeclarationRequest, 'otp'> {
  return {
    clientKey: randomUUID(),
    kind: 'population',
    symptoms: [],
    exposures: [],
    conditions: [],
    consent: { accepted: true, noticeVersion: '2026-01', alerts: false },
    ...over,
    person: {
      idType: 'cccd',
      idNumber: cccd(),
      fullName: 'Nguyễn Văn An',
      birthYear: 1985,
      gender: 'male',
      nationality: 'VN',
      phone: phone(),
      communeCode: '03388',
      addressLine: 'Tổ 5, phường Đoàn Kết',
      ...over.person,
    },
  };
}

/** Declares through the public API (OTP included) and returns the answer with the request sent. */
export async function declare(t: TestPlatform, over: Parameters<typeof declarationBody>[0] = {}) {
  const body = declarationBody(over);
  const otp = await requestOtp(t, body.person.phone);
  const res = await t.app.inject({ method: 'POST', url: '/api/public/declarations', payload: { ...body, otp } });
  if (res.statusCode !== 200) throw new Error(`declare: ${res.statusCode} ${res.body}`);
  return { body, otp, result: res.json<DeclarationResult>() };
}

/** An approved venue, written directly (the venues module has its own tests). */
export async function approvedVenue(
  db: Db,
  o: { communeCode: string; ownerUserId?: string; gatePolicy?: 'open' | 'require_declaration'; name?: string },
) {
  const locality = await db
    .selectFrom('localities')
    .select('path')
    .where('code', '=', o.communeCode)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('venues')
    .values({
      public_code: randomBytes(6).toString('hex').slice(0, 10).toUpperCase(),
      organisation_name: 'Công ty TNHH Thử Nghiệm',
      name: o.name ?? 'Chợ trung tâm',
      venue_type: 'market',
      address_line: 'Đường Trần Phú',
      commune_code: o.communeCode,
      locality_path: locality.path,
      capacity: 500,
      contact_phone: '+84912345678',
      gate_policy: o.gatePolicy ?? 'require_declaration',
      status: 'approved',
      owner_user_id: o.ownerUserId ?? null,
    })
    .returning(['id', 'public_code'])
    .executeTakeFirstOrThrow();
}

/** Sets what tracing and quarantine will set later (F-level, quarantine order). */
export async function setPersonMeasures(
  db: Db,
  qrTokenPersonId: string,
  m: { fLevel?: number | null; underQuarantine?: boolean },
) {
  await db
    .updateTable('people')
    .set({ f_level: m.fLevel ?? null, under_quarantine: m.underQuarantine ?? false })
    .where('id', '=', qrTokenPersonId)
    .execute();
}

/** The signer of a level decision as the steering committee's form sends it (the act's own fields). */
export const signer = { signerName: 'Nguyễn Văn Ký', signerCapacity: 'vice_chair' } as const;
