import { AppError, type Locale } from '../../../core/errors.ts';
import { healthStatus, type HealthStatus, type IdentityState } from '../../../core/rules/health-status.ts';
import type { StatusView } from '../../../core/schemas/declarations.ts';
import type { Db } from '../../db/database.ts';
import { QrTokenSigner } from '../../shared/qr-token.ts';
import type { IdType } from '../../../core/rules/identity-documents.ts';
import type { PeopleStatusRepository } from './people-status.repository.ts';
import type { PeopleRepository } from './people.repository.ts';

export interface TokenHolder {
  personId: string;
  status: HealthStatus;
  view: StatusView;
  phone: string | null;
  communeCode: string | null;
}

/** What the QR colour depends on, as the token and session look-ups read it in one round trip. */
export interface StatusRow {
  id: string;
  full_name: string;
  birth_year: number;
  f_level: number | null;
  under_quarantine: boolean;
  under_monitoring: boolean;
  phone: string | null;
  commune_code: string | null;
  identity_status: IdentityState;
  valid_until: Date | null;
  has_symptoms: boolean | null;
  has_exposure: boolean | null;
}

/** The status colour and the masked view behind a person's QR or session. */
export function holderFrom(row: StatusRow, now: Date): TokenHolder {
  const status = healthStatus({
    now,
    latestDeclaration: row.valid_until
      ? { validUntil: row.valid_until, hasSymptoms: row.has_symptoms ?? false, hasExposure: row.has_exposure ?? false }
      : null,
    fLevel: row.f_level,
    underQuarantine: row.under_quarantine,
    underMonitoring: row.under_monitoring,
    identity: row.identity_status,
  });
  const validUntil = row.valid_until && row.valid_until > now ? row.valid_until.toISOString() : null;
  return {
    personId: row.id,
    status,
    view: { ...status, validUntil, displayName: maskName(row.full_name), birthYear: row.birth_year },
    phone: row.phone,
    communeCode: row.commune_code,
  };
}

/**
 * Personal QR tokens and the status colour behind them. A token is bound to the verified phone it
 * was issued to: a citizen only ever receives a token issued after their own one-time code.
 */
export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly people: PeopleRepository,
    private readonly signer: QrTokenSigner,
    private readonly statuses: PeopleStatusRepository,
  ) {}

  /**
   * The status of the person holding a document (a worker picked from a roster, or read off a
   * CCCD card at a workplace gate), by the same rule as a scanned QR; null when nobody on file holds it.
   */
  async holderByDocument(db: Db, idType: IdType, idNumber: string, now = new Date()): Promise<TokenHolder | null> {
    const row = await this.statuses.statusByDocument(db, idType, idNumber);
    return row ? holderFrom(row, now) : null;
  }

  /**
   * The people on file holding these documents under the same names (a roster's workers), with
   * where they live; a document typed with another name matches nobody.
   */
  peopleByDocuments(db: Db, docs: readonly { idType: IdType; idNumber: string; fullName: string }[]) {
    return this.statuses.byDocuments(db, docs);
  }

  /** The document of a person (a QR scanned at a workplace gate is matched to the roster by it). */
  documentOf(db: Db, personId: string): Promise<{ id_type: IdType; id_number: string } | undefined> {
    return this.statuses.documentOf(db, personId);
  }

  /** The person's live token bound to `phone`, issuing one when there is none. */
  async tokenFor(db: Db, personId: string, phone: string): Promise<string> {
    const current = await this.people.currentTokenId(db, personId, phone);
    if (current) return this.signer.tokenOf(current.id);
    return this.issueToken(db, personId, phone);
  }

  /**
   * A new token for `phone`, after revoking every token bound to another phone (or to none): the
   * person's verified phone has just changed, and whoever held the old tokens no longer speaks for them.
   */
  async reissueToken(db: Db, personId: string, phone: string): Promise<string> {
    await this.people.revokeTokens(db, personId, 'phone_changed', phone);
    return this.issueToken(db, personId, phone);
  }

  private async issueToken(db: Db, personId: string, phone: string): Promise<string> {
    const { id, token } = this.signer.issue();
    await this.people.insertToken(db, id, personId, phone);
    return token;
  }

  /** Null for a forged, revoked or unknown token (a gate's scan, outside any transaction). */
  holderOf(token: string): Promise<TokenHolder | null> {
    return this.holderIn(this.db, token);
  }

  /** `holderOf` with the caller's handle; the signature is checked before any query. */
  async holderIn(db: Db, token: string, now = new Date()): Promise<TokenHolder | null> {
    const tokenId = this.signer.verify(token);
    if (!tokenId) return null;
    const row = await this.people.statusByTokenId(db, tokenId);
    return row ? holderFrom(row, now) : null;
  }

  /**
   * The status its holder sees on their own QR page: as at a gate, and also for a token revoked
   * because officials rejected the record ("not verified: contact your commune health station").
   */
  async ownStatus(token: string, now = new Date()): Promise<StatusView | null> {
    const tokenId = this.signer.verify(token);
    if (!tokenId) return null;
    const row = await this.people.statusByTokenId(this.db, tokenId, { rejectedToo: true });
    return row ? holderFrom(row, now).view : null;
  }

  async holderOrThrow(db: Db, token: string, locale: Locale): Promise<TokenHolder> {
    const holder = await this.holderIn(db, token);
    if (!holder) throw new AppError('VALIDATION_FAILED', [{ path: 'qrToken', message: invalidQr[locale] }]);
    return holder;
  }
}

const invalidQr: Record<Locale, string> = {
  vi: 'Mã QR cá nhân không hợp lệ hoặc đã bị thu hồi',
  en: 'This personal QR code is not valid or was revoked',
};

/** "Nguyễn Văn An" → "N. V. An": enough for a gate to match a face, not a full identity. */
export function maskName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? '';
  return [...parts.slice(0, -1).map((p) => `${p[0]!.toUpperCase()}.`), parts.at(-1)!].join(' ');
}
