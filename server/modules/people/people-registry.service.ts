import { AppError, type ErrorDetail } from '../../../core/errors.ts';
import { checkIdNumber, normaliseIdNumber, normaliseVietnamesePhone } from '../../../core/rules/identity-documents.ts';
import { nameKey } from '../../../core/rules/person-keys.ts';
import type { UndocumentedPerson } from '../../../core/schemas/border.ts';
import type { MergePeopleRequest, PersonDuplicate, PersonRef } from '../../../core/schemas/cases.ts';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PeopleTable } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import type { PeopleRegistryRepository } from './people-registry.repository.ts';
import type { ConsentEvent, PeopleRepository } from './people.repository.ts';
import { peoplePolicy } from './people.policy.ts';
import { peopleMessages as m } from './people.messages.ts';

/** The name on file of someone without papers who gave none (data, like place names: in Vietnamese). */
export const UNNAMED_PERSON = 'Chưa rõ tên';

/** The people registry as officials use it: find or register someone, spot duplicates, merge them. */
export class PeopleRegistryService {
  constructor(
    private readonly db: Db,
    private readonly people: PeopleRepository,
    private readonly registry: PeopleRegistryRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  /** A person record by id with the caller's handle, no scope check: the caller checks its own rule. */
  findById(db: Db, id: string) {
    return this.people.findById(db, id);
  }

  /**
   * Puts a person under monitoring until `until` (a Viet Nam day) at least: their QR turns yellow
   * (a case or someone in quarantine stays red), and the job that ends finished home monitoring
   * leaves them until that day. A worker whose organisation reported symptoms.
   */
  placeUnderMonitoring(db: Db, personId: string, until: string): Promise<void> {
    return this.registry.placeUnderMonitoring(db, personId, until);
  }

  /** The record a merged person lives on in (itself when not merged), or null when erased. */
  liveIdOf(db: Db, personId: string): Promise<string | null> {
    return this.people.liveIdOf(db, personId);
  }

  /** Records a consent given (with a declaration, in its transaction) or withdrawn. */
  recordConsent(db: Db, c: ConsentEvent): Promise<void> {
    return this.people.insertConsent(db, c);
  }

  /** Whether the person agreed to be alerted (purpose `exposure_alerts`), and in which language. */
  async alertConsent(db: Db, personId: string): Promise<{ locale: 'vi' | 'en' } | null> {
    const c = await this.people.latestConsent(db, personId, 'exposure_alerts');
    return c && !c.withdrawn ? { locale: c.locale ?? 'vi' } : null;
  }

  /**
   * Of these people, who agreed to be alerted, in which language, and their phone (null when they
   * have none). People who did not agree, withdrew or are unknown are absent from the map.
   */
  async alertConsents(
    db: Db,
    personIds: readonly string[],
  ): Promise<Map<string, { locale: 'vi' | 'en'; phone: string | null }>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.people.consentedWithPhone(db, personIds, 'exposure_alerts');
    return new Map(rows.map((r) => [r.id, { locale: r.locale ?? 'vi', phone: r.phone }]));
  }

  /** Erases a person's own data on their request (the caller checked that the law allows it). */
  erase(db: Db, personId: string): Promise<void> {
    return this.people.erase(db, personId);
  }

  /**
   * The person a case or a declared contact is about. By id: only someone of the actor's area
   * (otherwise "not found", so the registry cannot be probed). By identity: the same document is
   * the same person, provided the name and birth year typed are that person's too (diacritics and
   * case aside); otherwise the document is refused without saying whose it is, so that typing ID
   * numbers cannot reveal names, and a mistyped number does not attach a case to a stranger.
   * Anyone else is registered, unverified, with what the official typed.
   */
  async resolve(
    db: Db,
    actor: Actor,
    ref: PersonRef,
    path: string,
  ): Promise<{ id: string; localityPath: string | null; communeCode: string | null }> {
    if ('personId' in ref) {
      const found = await this.people.findById(db, ref.personId);
      if (!found || !peoplePolicy.use(actor, found)) throw new AppError('NOT_FOUND');
      return { id: found.id, localityPath: found.locality_path, communeCode: found.commune_code };
    }
    const p = ref.person;
    const details: ErrorDetail[] = [];
    const problem = checkIdNumber(p.idType, p.idNumber, p.birthYear, p.gender);
    if (problem) details.push({ path: `${path}.person.idNumber`, message: m.id[problem][actor.locale] });
    const phone = p.phone ? normaliseVietnamesePhone(p.phone) : null;
    if (p.phone && !phone) details.push({ path: `${path}.person.phone`, message: m.badPhone[actor.locale] });
    const commune = await this.localities.findByCode(db, p.communeCode);
    if (!commune || commune.level !== 'commune' || commune.status !== 'active') {
      details.push({ path: `${path}.person.communeCode`, message: m.unknownCommune[actor.locale] });
    }
    if (details.length || !commune) throw new AppError('VALIDATION_FAILED', details);
    const idNumber = normaliseIdNumber(p.idType, p.idNumber);
    const existing = await this.people.findByDocument(db, p.idType, idNumber);
    if (existing) {
      const sameBirthYear = existing.birth_year === null || existing.birth_year === p.birthYear;
      if (nameKey(existing.full_name) !== nameKey(p.fullName) || !sameBirthYear) {
        throw new AppError('VALIDATION_FAILED', [
          { path: `${path}.person.idNumber`, message: m.documentOfSomeoneElse[actor.locale] },
        ]);
      }
      return { id: existing.id, localityPath: existing.locality_path, communeCode: existing.commune_code };
    }
    const id = await this.people.insert(db, {
      id_type: p.idType,
      id_number: idNumber,
      full_name: p.fullName,
      birth_year: p.birthYear,
      gender: p.gender,
      nationality: p.nationality,
      phone,
      email: p.email ?? null,
      commune_code: commune.code,
      locality_path: commune.path,
      address_line: p.addressLine ?? null,
      phoneVerified: false,
    });
    await this.audit.record(db, actor, {
      action: 'create',
      entityType: 'person',
      entityId: id,
      localityCode: commune.code,
      localityPath: commune.path,
    });
    return { id, localityPath: commune.path, communeCode: commune.code };
  }

  /**
   * Someone without papers, as the official who found them describes them: always a new record, with
   * no document (there is nothing to recognise them by; if they turn out to be on file, the records
   * are merged like any duplicate). The birth year is the one the estimated age gives; an unnamed
   * person is recorded as such, in the registry's language, and never matched by name.
   */
  async registerUndocumented(
    db: Db,
    actor: Actor,
    u: UndocumentedPerson,
    path: string,
    today: string,
  ): Promise<{ id: string; localityPath: string; communeCode: string }> {
    const commune = await this.localities.findByCode(db, u.communeCode);
    if (!commune || commune.level !== 'commune' || commune.status !== 'active')
      throw new AppError('VALIDATION_FAILED', [
        { path: `${path}.communeCode`, message: m.unknownCommune[actor.locale] },
      ]);
    const id = await this.people.insertUndocumented(db, {
      full_name: u.fullName ?? UNNAMED_PERSON,
      named: u.fullName !== undefined,
      birth_year: Number(today.slice(0, 4)) - u.approximateAge,
      gender: u.gender,
      nationality: u.origin,
      commune_code: commune.code,
      locality_path: commune.path,
    });
    await this.audit.record(db, actor, {
      action: 'create',
      entityType: 'person',
      entityId: id,
      localityCode: commune.code,
      localityPath: commune.path,
      after: { documentKind: 'none' },
    });
    return { id, localityPath: commune.path, communeCode: commune.code };
  }

  async duplicates(actor: Actor, personId: string): Promise<PersonDuplicate[]> {
    const person = await this.people.findById(this.db, personId);
    if (!person || !peoplePolicy.readDuplicates(actor, person)) throw new AppError('NOT_FOUND');
    const rows = await this.registry.duplicatesOf(this.db, personId);
    await this.audit.record(this.db, actor, {
      action: 'read_duplicates',
      entityType: 'person',
      entityId: personId,
      localityPath: person.locality_path,
      subjectIds: [personId, ...rows.map((r) => r.id)],
    });
    return rows.map((r) => ({
      personId: r.id,
      fullName: r.full_name,
      birthYear: r.birth_year,
      phone: r.phone,
      idNumberMasked: maskId(r.id_number),
      communeCode: r.commune_code,
      communeName: r.commune_name,
      reasons: [
        ...(r.same_document ? ['document' as const] : []),
        ...(r.same_phone ? ['phone' as const] : []),
        ...(r.same_name ? ['name_birth_commune' as const] : []),
      ],
    }));
  }

  /** Merges `mergeId` into `keepId`: every record moves, the merged row stays as history with a snapshot. */
  async merge(actor: Actor, req: MergePeopleRequest): Promise<{ keptId: string }> {
    return this.db.transaction().execute(async (trx) => {
      const kept = await this.people.findById(trx, req.keepId);
      const merged = await this.people.findById(trx, req.mergeId);
      if (!kept || !merged || !peoplePolicy.merge(actor, kept, merged)) throw new AppError('NOT_FOUND');
      // A record a citizen declared is linked (or not) by its link request, never merged by hand.
      if (kept.identity_status !== 'registered' || merged.identity_status !== 'registered') {
        throw new AppError('CONFLICT', [{ path: 'mergeId', message: m.selfDeclaredMerge[actor.locale] }]);
      }
      await this.moveInto(trx, actor, kept, merged);
      await this.audit.record(trx, actor, {
        action: 'merge',
        entityType: 'person',
        entityId: kept.id,
        localityCode: kept.commune_code,
        localityPath: kept.locality_path,
        before: { mergedId: merged.id },
        after: { keptId: kept.id },
        subjectIds: [kept.id, merged.id],
      });
      return { keptId: kept.id };
    });
  }

  /**
   * Moves every record of `merged` to `kept` and keeps `merged` as history with a snapshot: the
   * one record-moving path, for a merge by hand and for a citizen's record linked to officials'
   * (`keepTokens`: the citizen's QR and sessions move along instead of being revoked). The caller
   * holds the transaction, has checked the policy, and audits.
   */
  async moveInto(
    trx: Db,
    actor: Actor,
    kept: Selectable<PeopleTable>,
    merged: Selectable<PeopleTable>,
    o: { keepTokens?: boolean } = {},
  ): Promise<void> {
    const conflicts = await this.registry.conflictsBetween(trx, kept.id, merged.id);
    if (conflicts.bothCases) throw new AppError('CONFLICT', [{ path: 'mergeId', message: m.bothCases[actor.locale] }]);
    if (conflicts.bothInQuarantine)
      throw new AppError('CONFLICT', [{ path: 'mergeId', message: m.bothInQuarantine[actor.locale] }]);
    await this.registry.moveRecords(trx, kept.id, merged.id, o);
    await this.registry.recordMerge(trx, {
      keptId: kept.id,
      mergedId: merged.id,
      snapshot: merged,
      actorId: actor.userId,
    });
    // The stronger status wins: a case or a closer contact level must not be lost in the merge.
    const levels = [kept.f_level, merged.f_level].filter((l): l is number => l !== null);
    await this.people.update(trx, kept.id, {
      phone: kept.phone ?? merged.phone,
      email: kept.email ?? merged.email,
      full_name: kept.full_name,
      commune_code: kept.commune_code,
      address_line: kept.address_line ?? merged.address_line,
    });
    await this.registry.setStatus(trx, kept.id, {
      fLevel: levels.length ? Math.min(...levels) : null,
      underQuarantine: kept.under_quarantine || merged.under_quarantine,
      underMonitoring: kept.under_monitoring || merged.under_monitoring,
    });
  }
}

/** "012085001234" → "********1234": enough to tell two records apart, not to copy the document. */
function maskId(idNumber: string | null): string {
  if (idNumber === null) return '—';
  return idNumber.length <= 4 ? '****' : `${'*'.repeat(idNumber.length - 4)}${idNumber.slice(-4)}`;
}
