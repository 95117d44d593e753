import type { StatusView } from '../../../core/schemas/declarations.ts';

/**
 * What this phone remembers, all in localStorage (never the OTP):
 * - `pd.qr`: the personal QR and what is printed next to it;
 * - `pd.person`: the last declaration's personal details, so declaring again is quick;
 * - `pd.status`: the last status seen, shown (marked as such) when the phone is offline;
 * - `pd.checkin`: the last venue check-in not yet checked out;
 * - `pd.visits`: set once a check-in is kept in IndexedDB (./visits.ts, with its times, 21 days);
 * - `pd.session`: the session this phone's one-time code opened, sent as `Authorization: Bearer`
 *   to read or act as the person (the QR alone only shows a status at a gate).
 */
export interface StoredQr {
  qrToken: string;
  displayName: string;
  birthYear: number;
  declaredAt: string;
}

/** Who a person is, as typed (the declaration's person, a declared guest). */
export interface Identity {
  idType: 'cccd' | 'cmnd' | 'passport';
  idNumber: string;
  fullName: string;
  birthYear: string;
  gender: '' | 'male' | 'female' | 'other';
  nationality: string;
}

export interface PersonDraft extends Identity {
  phone: string;
  email: string;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  conditions: string[];
}

export interface StoredStatus {
  view: StatusView;
  at: string;
}

export interface StoredSession {
  token: string;
  expiresAt: string;
  /** The verified phone it was opened with: fresh codes (data copy, erasure) are sent to it. */
  phone: string;
}

export interface StoredCheckin {
  venueCode: string;
  venueName: string;
  checkedInAt: string;
}

const keys = {
  qr: 'pd.qr',
  person: 'pd.person',
  status: 'pd.status',
  checkin: 'pd.checkin',
  session: 'pd.session',
  /** A check-in is kept in IndexedDB (./visits.ts): purge it on start. */
  visits: 'pd.visits',
} as const;

function read<T>(key: string, valid: (v: Record<string, unknown>) => boolean): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && valid(v as Record<string, unknown>) ? (v as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked: the page still works for this visit
  }
}

export const stored = {
  qr: () => read<StoredQr>(keys.qr, (v) => typeof v.qrToken === 'string' && v.qrToken !== ''),
  setQr: (v: StoredQr | null) => write(keys.qr, v),
  person: () => read<PersonDraft>(keys.person, (v) => typeof v.idNumber === 'string'),
  setPerson: (v: PersonDraft | null) => write(keys.person, v),
  status: () => read<StoredStatus>(keys.status, (v) => typeof v.view === 'object' && v.view !== null),
  setStatus: (v: StoredStatus | null) => write(keys.status, v),
  checkin: () => read<StoredCheckin>(keys.checkin, (v) => typeof v.checkedInAt === 'string'),
  setCheckin: (v: StoredCheckin | null) => write(keys.checkin, v),
  /** The live session, or null (none, or expired). */
  session: () =>
    read<StoredSession>(
      keys.session,
      (v) => typeof v.token === 'string' && typeof v.expiresAt === 'string' && Date.parse(v.expiresAt) > Date.now(),
    ),
  setSession: (v: StoredSession | null) => write(keys.session, v),
  /** The QR token is no longer valid (revoked, erased): forget it and its status. */
  forgetQr: () => {
    write(keys.qr, null);
    write(keys.status, null);
    write(keys.checkin, null);
  },
  /** After erasing my data: nothing of it stays on the phone (the language choice does). */
  eraseAll: () => {
    for (const k of Object.values(keys)) write(k, null);
  },
};

/** Keeps what a declaration or a session opening answered: the QR, its status and the session of this phone. */
export function rememberSession(
  r: { qrToken: string; status: StatusView; session: { token: string; expiresAt: string } },
  phone: string,
  o: { declared?: boolean } = {},
): StoredSession {
  const now = new Date().toISOString();
  const declaredAt = o.declared ? now : (stored.qr()?.declaredAt ?? now);
  stored.setQr({ qrToken: r.qrToken, displayName: r.status.displayName, birthYear: r.status.birthYear, declaredAt });
  stored.setStatus({ view: r.status, at: now });
  const session = { ...r.session, phone: phone.trim() };
  stored.setSession(session);
  return session;
}
