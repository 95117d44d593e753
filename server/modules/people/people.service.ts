import { AppError, type Locale } from '../../../core/errors.ts';
import { healthStatus, type HealthStatus } from '../../../core/rules/health-status.ts';
import type { StatusView } from '../../../core/schemas/declarations.ts';
import type { Db } from '../../db/database.ts';
import { QrTokenSigner } from '../../shared/qr-token.ts';
import type { PeopleRepository } from './people.repository.ts';

export interface TokenHolder {
  personId: string;
  status: HealthStatus;
  view: StatusView;
  phone: string | null;
  communeCode: string | null;
}

/** Personal QR tokens and the status colour behind them. */
export class PeopleService {
  constructor(
    private readonly db: Db,
    private readonly people: PeopleRepository,
    private readonly signer: QrTokenSigner,
  ) {}

  /** The person's live token, issuing one on first use. */
  async tokenFor(db: Db, personId: string): Promise<string> {
    const current = await this.people.currentTokenId(db, personId);
    if (current) return this.signer.tokenOf(current.id);
    const { id, token } = this.signer.issue();
    await this.people.insertToken(db, id, personId);
    return token;
  }

  /** Null for a forged, revoked or unknown token; the signature is checked before any query. */
  async holderOf(token: string, db: Db = this.db, now = new Date()): Promise<TokenHolder | null> {
    const tokenId = this.signer.verify(token);
    if (!tokenId) return null;
    const row = await this.people.statusByTokenId(db, tokenId);
    if (!row) return null;
    const status = healthStatus({
      now,
      latestDeclaration: row.valid_until ? { validUntil: row.valid_until, hasSymptoms: row.has_symptoms ?? false, hasExposure: row.has_exposure ?? false } : null,
      fLevel: row.f_level,
      underQuarantine: row.under_quarantine,
      underMonitoring: row.under_monitoring,
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

  async holderOrThrow(token: string, locale: Locale, db: Db = this.db): Promise<TokenHolder> {
    const holder = await this.holderOf(token, db);
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
