import { createHash, randomBytes } from 'node:crypto';
import { AppError, type Locale } from '../../../core/errors.ts';
import { normaliseIdNumber } from '../../../core/rules/identity-documents.ts';
import type { OpenSessionRequest, OpenSessionResult } from '../../../core/schemas/citizen.ts';
import type { Db } from '../../db/database.ts';
import { GroupCommit, type GroupCommitSettings } from '../../shared/group-commit.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { OtpService } from '../otp/otp.service.ts';
import type { CitizenSessionsRepository } from './citizen-sessions.repository.ts';
import { peopleMessages as m } from './people.messages.ts';
import type { PeopleRepository } from './people.repository.ts';
import { holderFrom, type PeopleService, type TokenHolder } from './people.service.ts';
import { DAY_MS } from '../../../core/vietnam-calendar.ts';

export interface CitizenMeta {
  ip: string | null;
  requestId: string | null;
  locale: Locale;
}

/** The person a citizen session speaks for, with the phone that opened it. */
export interface CitizenHolder extends TokenHolder {
  sessionPhone: string;
  localityPath: string | null;
}

const prefix = 'S1.';
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new session token and the id it is stored under (its SHA-256): the token itself is never stored. */
export function newCitizenSessionToken(): { id: string; token: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { id: hashOf(token), token };
}

/** The id a presented session token is looked up by. */
export const citizenSessionId = hashOf;

export const citizenActor = (meta: Pick<CitizenMeta, 'ip' | 'requestId'>) => ({
  userId: null,
  username: 'citizen',
  ip: meta.ip,
  requestId: meta.requestId,
});

/**
 * Citizen sessions: what lets a phone read and act for its person (check in, declare an arrival,
 * read its history and data, erase). Opened by a one-time code to the person's verified phone,
 * sent as `Authorization: Bearer …`, valid for a configured number of days, ended by erasure and
 * when the person's verified phone changes. The personal QR is not one: it only shows a status.
 */
type HolderRow = NonNullable<Awaited<ReturnType<CitizenSessionsRepository['holderBySessionId']>>>;

export class CitizenSessionsService {
  constructor(
    private readonly db: Db,
    private readonly sessions: CitizenSessionsRepository,
    private readonly people: PeopleRepository,
    private readonly tokens: PeopleService,
    private readonly otp: OtpService,
    private readonly audit: AuditTrailService,
    private readonly settings: { validDays: number; lookupBatch?: GroupCommitSettings },
  ) {
    this.lookups = new GroupCommit(
      settings.lookupBatch ?? { maxSize: 1, maxWaitMs: 0 },
      (ids) => this.sessions.holdersBySessionIds(this.db, ids, new Date()),
      async (id) => (await this.sessions.holderBySessionId(this.db, id, new Date())) ?? null,
    );
  }

  /**
   * Session look-ups arriving together (a crowd checking in) share one statement, as their
   * check-ins share one commit: one round trip to the database for the batch instead of one each.
   */
  private readonly lookups: GroupCommit<string, HolderRow | null>;

  /** A new session for the person and the phone that just proved itself. */
  async open(db: Db, personId: string, phone: string): Promise<{ token: string; expiresAt: string }> {
    const { id, token } = newCitizenSessionToken();
    const expiresAt = new Date(Date.now() + this.settings.validDays * DAY_MS);
    await this.sessions.insert(db, { id, personId, phone, expiresAt });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /** Null for a missing, malformed, expired or revoked session. */
  async holder(token: string | null, at?: Date): Promise<CitizenHolder | null> {
    if (!token?.startsWith(prefix) || token.length > 100) return null;
    const row = at
      ? await this.sessions.holderBySessionId(this.db, hashOf(token), at)
      : await this.lookups.submit(hashOf(token));
    const now = at ?? new Date();
    return row ? { ...holderFrom(row, now), sessionPhone: row.session_phone, localityPath: row.locality_path } : null;
  }

  async holderOrThrow(token: string | null, locale: Locale): Promise<CitizenHolder> {
    const holder = await this.holder(token);
    if (!holder) throw new AppError('UNAUTHENTICATED', [{ path: 'session', message: m.sessionNeeded[locale] }]);
    return holder;
  }

  /**
   * Opens a session on a phone that has none (a new phone, an expired session): the one-time code
   * proves the phone, the QR kept on the phone or the document number says which of the people
   * verified with that phone (a family may share one). Anything that does not match answers the
   * same refusal, so nobody learns whose document it is.
   */
  async openWithOtp(req: OpenSessionRequest, meta: CitizenMeta): Promise<OpenSessionResult> {
    return this.db.transaction().execute(async (trx) => {
      const phone = await this.otp.verify(trx, req.otp, req.phone, 'session', meta.locale);
      const personId = await this.personOf(trx, req, phone);
      if (!personId)
        throw new AppError('VALIDATION_FAILED', [{ path: 'phone', message: m.noRecordForPhone[meta.locale] }]);
      const session = await this.open(trx, personId, phone);
      const qrToken = await this.tokens.tokenFor(trx, personId, phone);
      const holder = await this.tokens.holderIn(trx, qrToken);
      await this.audit.record(trx, citizenActor(meta), {
        action: 'open_session',
        entityType: 'person',
        entityId: personId,
      });
      return { session, qrToken, status: holder!.view };
    });
  }

  purgeExpired(before: Date): Promise<number> {
    return this.sessions.purgeExpired(this.db, before);
  }

  private async personOf(db: Db, req: OpenSessionRequest, phone: string): Promise<string | null> {
    if ('qrToken' in req) {
      const holder = await this.tokens.holderIn(db, req.qrToken);
      if (!holder) return null;
      const person = await this.people.findById(db, holder.personId);
      return person?.phone === phone && person.phone_verified_at ? person.id : null;
    }
    const idNumber = normaliseIdNumber(req.idType, req.idNumber);
    const registered = await this.people.findByDocument(db, req.idType, idNumber);
    if (registered?.phone === phone && registered.phone_verified_at) return registered.id;
    return (await this.people.findSelfDeclared(db, req.idType, idNumber, phone))?.id ?? null;
  }
}
