import { nameKey } from '../../../core/rules/person-keys.ts';
import type { Db } from '../../db/database.ts';
import type { LinkReason } from '../../db/schema-citizen.ts';
import type { Selectable } from 'kysely';
import type { PeopleTable } from '../../db/schema.ts';
import type { AuditActor, AuditTrailService } from '../audit/audit-trail.service.ts';
import type { CitizenSessionsRepository } from './citizen-sessions.repository.ts';
import type { PeopleRepository, PersonFields } from './people.repository.ts';
import type { PeopleService } from './people.service.ts';
import type { PersonLinksRepository } from './person-links.repository.ts';

/** What the citizen typed about themselves, kept on a declaration when it was not written to the record. */
export interface DeclaredIdentity {
  fullName: string;
  birthYear: number;
  gender: string;
  nationality: string;
  email: string | null;
  communeCode: string | null;
  addressLine: string | null;
}

/**
 * Where a citizen's declaration goes:
 * - `new`: nobody had this document: a new person with the verified phone;
 * - `same_citizen`: the record verified with this very phone: it is them again;
 * - `linked`: officials' record whose recorded phone is this one, same folded name and birth year:
 *   the code proves they hold the phone officials wrote down, so the record becomes theirs;
 * - `self_declared` / `not_verified`: anything else: a record of their own awaiting officials (or
 *   rejected by them), never the record of the document nor anything in it.
 */
export type PlacementOutcome = 'new' | 'same_citizen' | 'linked' | 'self_declared' | 'not_verified';

export interface Placement {
  personId: string;
  outcome: PlacementOutcome;
  /** The token handed to this phone: always bound to it, never one issued before its code. */
  qrToken: string;
  declaredIdentity: DeclaredIdentity | null;
}

const identityOf = (f: PersonFields): DeclaredIdentity => ({
  fullName: f.full_name,
  birthYear: f.birth_year,
  gender: f.gender,
  nationality: f.nationality,
  email: f.email,
  communeCode: f.commune_code,
  addressLine: f.address_line,
});

/** The rule that decides which record a citizen's declaration speaks for (issue 11, hole 1). */
export class CitizenRecordsService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tokens: PeopleService,
    private readonly sessions: CitizenSessionsRepository,
    private readonly links: PersonLinksRepository,
    private readonly audit: AuditTrailService,
  ) {}

  /** Places a declaration made with `phone` just proved by a one-time code. Call inside the declaration's transaction. */
  async place(db: Db, fields: PersonFields, phone: string, actor: AuditActor): Promise<Placement> {
    const typed = { ...fields, phone };
    const registered = await this.people.findByDocument(db, fields.id_type, fields.id_number, { forUpdate: true });
    if (!registered) {
      const personId = await this.people.insert(db, { ...typed, phoneVerified: true, recordedBy: 'citizen' });
      return {
        personId,
        outcome: 'new',
        qrToken: await this.tokens.tokenFor(db, personId, phone),
        declaredIdentity: null,
      };
    }
    if (registered.phone_verified_at && registered.phone === phone) {
      // Their own record: what they declare updates it. A record officials made keeps officials' data.
      if (registered.recorded_by === 'citizen')
        await this.people.update(db, registered.id, { ...typed, phoneVerified: true });
      return {
        personId: registered.id,
        outcome: 'same_citizen',
        qrToken: await this.tokens.tokenFor(db, registered.id, phone),
        declaredIdentity: registered.recorded_by === 'citizen' ? null : identityOf(fields),
      };
    }
    const reason = linkReason(registered, fields, phone);
    if (reason === null) {
      await this.people.setVerifiedPhone(db, registered.id, phone);
      await this.sessions.revokeForPerson(db, registered.id, phone);
      const qrToken = await this.tokens.reissueToken(db, registered.id, phone);
      await this.audit.record(db, actor, {
        action: 'link_phone',
        entityType: 'person',
        entityId: registered.id,
        localityCode: registered.commune_code,
        localityPath: registered.locality_path,
        after: { by: 'recorded_phone' },
        subjectIds: [registered.id],
      });
      return { personId: registered.id, outcome: 'linked', qrToken, declaredIdentity: identityOf(fields) };
    }
    return this.selfDeclared(db, { typed, phone, registered, reason, actor });
  }

  /**
   * A guest a host declares (hotel, landlord): found by document, or registered unverified with
   * what the host typed. A host's word never changes an existing record.
   */
  async placeGuest(db: Db, fields: PersonFields): Promise<string> {
    const existing = await this.people.findByDocument(db, fields.id_type, fields.id_number);
    return existing?.id ?? this.people.insert(db, { ...fields, phoneVerified: false, recordedBy: 'host' });
  }

  private async selfDeclared(
    db: Db,
    o: {
      typed: PersonFields;
      phone: string;
      registered: Selectable<PeopleTable>;
      reason: LinkReason;
      actor: AuditActor;
    },
  ): Promise<Placement> {
    const { typed, phone, registered } = o;
    const earlier = await this.people.findSelfDeclared(db, typed.id_type, typed.id_number, phone);
    let personId = earlier?.id;
    if (earlier) {
      await this.people.update(db, earlier.id, { ...typed, phoneVerified: true });
    } else {
      personId = await this.people.insert(db, {
        ...typed,
        phoneVerified: true,
        recordedBy: 'citizen',
        identityStatus: 'awaiting_verification',
      });
    }
    const notVerified = earlier?.identity_status === 'not_verified';
    // Officials are asked once per record: declaring again while they have not decided asks nothing new.
    if (!notVerified && !(await this.links.findOpenFor(db, personId!))) {
      const requestId = await this.links.open(db, {
        declaredPersonId: personId!,
        officialPersonId: registered.id,
        phone,
        reason: o.reason,
        declaredLocalityPath: typed.locality_path!,
        officialLocalityPath: registered.locality_path,
      });
      await this.audit.record(db, o.actor, {
        action: 'request_link',
        entityType: 'person',
        entityId: personId!,
        localityCode: typed.commune_code,
        localityPath: typed.locality_path,
        after: { requestId, reason: o.reason },
      });
    }
    return {
      personId: personId!,
      outcome: notVerified ? 'not_verified' : 'self_declared',
      qrToken: await this.tokens.tokenFor(db, personId!, phone),
      declaredIdentity: null,
    };
  }
}

/**
 * Null when the citizen may take the record: officials recorded this very phone (not verified by
 * anyone yet), and the folded name and birth year agree. Otherwise why not, for officials.
 */
function linkReason(r: Selectable<PeopleTable>, typed: PersonFields, phone: string): LinkReason | null {
  if (r.phone_verified_at) return 'verified_other_phone';
  if (!r.phone) return 'no_phone';
  if (r.phone !== phone) return 'phone_differs';
  if (nameKey(r.full_name) !== nameKey(typed.full_name) || r.birth_year !== typed.birth_year) return 'details_differ';
  return null;
}
