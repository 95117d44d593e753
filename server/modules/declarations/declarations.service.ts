import { AppError, type ErrorDetail, type Locale } from '../../../core/errors.ts';
import { checkIdNumber, normaliseIdNumber, type IdProblem } from '../../../core/rules/identity-documents.ts';
import type {
  ArrivalRequest,
  DeclarationRequest,
  DeclarationResult,
  PersonInput,
  ResidenceRequest,
} from '../../../core/schemas/declarations.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { LocalityRow } from '../../db/schema.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { requirePhone, wrongCodeError, type OtpService } from '../otp/otp.service.ts';
import type { CitizenRecordsService } from '../people/citizen-records.service.ts';
import { citizenActor, type CitizenMeta, type CitizenSessionsService } from '../people/citizen-sessions.service.ts';
import type { PeopleRegistryService, PeopleService, PersonFields } from '../people/people.module.ts';
import { arrivalFlags } from './arrival-flags.ts';
import type { DeclarationsRepository } from './declarations.repository.ts';
import { declarationMessages as m } from './declarations.messages.ts';

export type { CitizenMeta };

/** Declarations name a commune of today's tree: not a province, not a unit closed by a merger. */
const isActiveCommune = (l: LocalityRow | undefined): l is LocalityRow =>
  l?.level === 'commune' && l.status === 'active';

const citizen = citizenActor;

export interface DeclarationsDeps {
  db: Db;
  repo: DeclarationsRepository;
  registry: PeopleRegistryService;
  peopleService: PeopleService;
  records: CitizenRecordsService;
  sessions: CitizenSessionsService;
  localities: LocalitiesService;
  otp: OtpService;
  audit: AuditTrailService;
  settings: Config['declarations'];
}

/** Citizen declarations: health declarations, arrivals, residence declarations by hosts. */
export class DeclarationsService {
  constructor(private readonly d: DeclarationsDeps) {}

  /**
   * Records a health declaration and answers the personal QR of the phone just verified, with a
   * session for that phone. Which record it speaks for is the people module's rule (never a
   * record the phone may not take). Resending the same `clientKey` with the code that was used (a
   * flaky phone) answers the first declaration again, with a session of its own.
   */
  async declare(req: DeclarationRequest, meta: CitizenMeta): Promise<DeclarationResult> {
    const findEarlier = () => this.d.repo.findDeclarationByClientKey(this.d.db, req.clientKey);
    const earlier = await findEarlier();
    if (earlier) return this.resend(req, earlier, meta.locale);
    const person = await this.checkPerson(req.person, 'person', meta.locale);
    return this.withKeyRace(
      findEarlier,
      () =>
        this.d.db.transaction().execute(async (trx) => {
          const phone = await this.d.otp.verify(trx, req.otp, req.person.phone, 'declaration', meta.locale);
          const placed = await this.d.records.place(trx, person.fields, phone, citizen(meta));
          await this.d.registry.recordConsent(trx, {
            personId: placed.personId,
            purpose: 'epidemic_prevention',
            noticeVersion: req.consent.noticeVersion,
            ip: meta.ip,
          });
          if (req.consent.alerts)
            await this.d.registry.recordConsent(trx, {
              personId: placed.personId,
              purpose: 'exposure_alerts',
              noticeVersion: req.consent.noticeVersion,
              ip: meta.ip,
              locale: meta.locale,
            });
          const declarationId = await this.d.repo.insertDeclaration(trx, {
            person_id: placed.personId,
            kind: req.kind,
            symptoms: req.symptoms,
            exposures: req.exposures,
            conditions: req.conditions,
            has_symptoms: req.symptoms.length > 0,
            has_exposure: req.exposures.length > 0,
            commune_code: person.fields.commune_code!,
            locality_path: person.fields.locality_path!,
            valid_until: new Date(Date.now() + this.d.settings.validHours * 3_600_000),
            client_key: req.clientKey,
            declared_identity: placed.declaredIdentity,
          });
          await this.d.audit.record(trx, citizen(meta), {
            action: 'declare',
            entityType: 'health_declaration',
            entityId: declarationId,
            localityCode: person.fields.commune_code,
            localityPath: person.fields.locality_path,
            after: { kind: req.kind, personId: placed.personId, outcome: placed.outcome },
          });
          const session = await this.d.sessions.open(trx, placed.personId, phone);
          const holder = await this.d.peopleService.holderIn(trx, placed.qrToken);
          return { declarationId, qrToken: placed.qrToken, status: holder!.view, session };
        }),
      (winner) => this.resend(req, winner, meta.locale),
    );
  }

  /** A resend of a declaration already recorded: only with the very code its first copy used. */
  private async resend(
    req: DeclarationRequest,
    earlier: { id: string; person_id: string },
    locale: Locale,
  ): Promise<DeclarationResult> {
    if (!(await this.d.otp.wasAnsweredBy(this.d.db, req.otp, req.person.phone, 'declaration')))
      throw wrongCodeError(locale);
    const phone = requirePhone(req.person.phone, locale, 'person.phone');
    return this.d.db.transaction().execute(async (trx) => {
      // Officials may have linked the record meanwhile: the answer speaks for the record it became.
      const personId = await this.d.registry.liveIdOf(trx, earlier.person_id);
      if (!personId) throw new AppError('NOT_FOUND');
      const qrToken = await this.d.peopleService.tokenFor(trx, personId, phone);
      const holder = await this.d.peopleService.holderOrThrow(trx, qrToken, locale);
      return {
        declarationId: earlier.id,
        qrToken,
        status: holder.view,
        session: await this.d.sessions.open(trx, personId, phone),
      };
    });
  }

  async arrival(sessionToken: string | null, req: ArrivalRequest, meta: CitizenMeta) {
    const holder = await this.d.sessions.holderOrThrow(sessionToken, meta.locale);
    const earlier = await this.d.repo.findArrivalByClientKey(this.d.db, req.clientKey);
    if (earlier)
      return { arrivalId: earlier.id, flagged: earlier.flagged, flagReasons: earlier.flag_reasons as string[] };
    const destination = await this.activeCommune(req.destinationCommuneCode, 'destinationCommuneCode', meta.locale);
    await this.checkOrigin(req, '', meta.locale);
    if (req.arrivedOn < req.departedOn)
      throw new AppError('VALIDATION_FAILED', [{ path: 'arrivedOn', message: m.arrivalBeforeDeparture[meta.locale] }]);
    const flagReasons = await this.flagsFor(req);
    return this.withKeyRace(
      () => this.d.repo.findArrivalByClientKey(this.d.db, req.clientKey),
      async () => {
        const arrivalId = await this.d.db.transaction().execute(async (trx) => {
          const id = await this.d.repo.insertArrival(trx, {
            person_id: holder.personId,
            origin_kind: req.originKind,
            origin_code: req.originCode ?? null,
            origin_country: req.originCountry ?? null,
            route: req.route ?? null,
            vehicle_type: req.vehicleType,
            vehicle_number: req.vehicleNumber ?? null,
            seat: req.seat ?? null,
            departed_on: req.departedOn,
            arrived_on: req.arrivedOn,
            destination_commune_code: destination.code,
            locality_path: destination.path,
            flagged: flagReasons.length > 0,
            flagReasons,
            declared_by_host: null,
            client_key: req.clientKey,
          });
          await this.d.audit.record(trx, citizen(meta), {
            action: 'declare_arrival',
            entityType: 'arrival',
            entityId: id,
            localityCode: destination.code,
            localityPath: destination.path,
            after: { flagReasons },
          });
          return id;
        });
        return { arrivalId, flagged: flagReasons.length > 0, flagReasons };
      },
      (e) => ({ arrivalId: e.id, flagged: e.flagged, flagReasons: e.flag_reasons as string[] }),
    );
  }

  /** A host (hotel, landlord) declares its guests: each becomes an arrival to the host's commune. */
  async residence(req: ResidenceRequest, meta: CitizenMeta) {
    const commune = await this.activeCommune(req.communeCode, 'communeCode', meta.locale);
    const guests = await Promise.all(
      req.guests.map(async (g, i) => {
        await this.checkOrigin(g, `guests.${i}.`, meta.locale);
        // A guest lives at the host's place while staying: the host's name stands as the address.
        const person = await this.checkPerson(
          { ...g.person, phone: g.person.phone ?? '', communeCode: commune.code, addressLine: req.host.name },
          `guests.${i}.person`,
          meta.locale,
          false,
        );
        return { g, person, flags: await this.flagsFor(g) };
      }),
    );
    const findEarlier = () => this.d.repo.findArrivalByClientKey(this.d.db, `${req.clientKey}:0`);
    if (await findEarlier()) return { arrivals: req.guests.length, repeated: true };
    return this.withKeyRace(
      findEarlier,
      () =>
        this.d.db.transaction().execute(async (trx) => {
          const hostPhone = await this.d.otp.verify(trx, req.host.otp, req.host.phone, 'declaration', meta.locale);
          const host = `${req.host.name} (${hostPhone})`;
          for (const [i, { g, person, flags }] of guests.entries()) {
            const personId = await this.d.records.placeGuest(trx, person.fields);
            const id = await this.d.repo.insertArrival(trx, {
              person_id: personId,
              origin_kind: g.originKind,
              origin_code: g.originCode ?? null,
              origin_country: g.originCountry ?? null,
              route: null,
              vehicle_type: 'other',
              vehicle_number: null,
              seat: null,
              departed_on: g.arrivedOn,
              arrived_on: g.arrivedOn,
              destination_commune_code: commune.code,
              locality_path: commune.path,
              flagged: flags.length > 0,
              flagReasons: flags,
              declared_by_host: host,
              client_key: `${req.clientKey}:${i}`,
            });
            await this.d.audit.record(trx, citizen(meta), {
              action: 'declare_residence',
              entityType: 'arrival',
              entityId: id,
              localityCode: commune.code,
              localityPath: commune.path,
              after: { host, flagReasons: flags },
            });
          }
          return { arrivals: guests.length, repeated: false };
        }),
      () => ({ arrivals: req.guests.length, repeated: true }),
    );
  }

  /** Validates identity and address; returns the columns to store. */
  private async checkPerson(p: PersonInput, path: string, locale: Locale, phoneRequired = true) {
    const details: ErrorDetail[] = [];
    const problem: IdProblem | null = checkIdNumber(p.idType, p.idNumber, p.birthYear, p.gender);
    if (problem) details.push({ path: `${path}.idNumber`, message: m.id[problem][locale] });
    const commune = await this.d.localities.findByCode(this.d.db, p.communeCode);
    if (!isActiveCommune(commune)) details.push({ path: `${path}.communeCode`, message: m.unknownCommune[locale] });
    if (phoneRequired || p.phone) {
      try {
        requirePhone(p.phone, locale, `${path}.phone`);
      } catch (e) {
        details.push(...(e as AppError).details);
      }
    }
    if (details.length) throw new AppError('VALIDATION_FAILED', details);
    const fields: PersonFields = {
      id_type: p.idType,
      id_number: normaliseIdNumber(p.idType, p.idNumber),
      full_name: p.fullName,
      birth_year: p.birthYear,
      gender: p.gender,
      nationality: p.nationality,
      phone: p.phone || null,
      email: p.email ?? null,
      commune_code: commune!.code,
      locality_path: commune!.path,
      address_line: p.addressLine,
    };
    return { fields };
  }

  private async activeCommune(code: string, path: string, locale: Locale) {
    const l = await this.d.localities.findByCode(this.d.db, code);
    if (!isActiveCommune(l)) throw new AppError('VALIDATION_FAILED', [{ path, message: m.unknownCommune[locale] }]);
    return l;
  }

  private async checkOrigin(
    o: { originKind: string; originCode?: string; originCountry?: string },
    prefix: string,
    locale: Locale,
  ) {
    const codes = await this.d.localities.nationalProvinceOf();
    const ok =
      o.originKind === 'country'
        ? !!o.originCountry && o.originCountry !== 'VN'
        : !!o.originCode && codes.has(o.originCode) && (o.originKind === 'province') === (o.originCode.length === 2);
    if (!ok)
      throw new AppError('VALIDATION_FAILED', [
        {
          path: `${prefix}${o.originKind === 'country' ? 'originCountry' : 'originCode'}`,
          message: m.unknownOrigin[locale],
        },
      ]);
  }

  /**
   * A person a border or entrance checkpoint sent on (issue 19): an arrival flagged for follow-up on
   * the destination commune's list, written in the checkpoint's transaction, once per client key.
   * `origin` is a country (ISO letters) or a province (its code).
   */
  async recordCheckpointArrival(
    db: Db,
    a: {
      clientKey: string;
      personId: string;
      origin: string;
      arrivedOn: string;
      destination: { code: string; path: string };
      route: string;
      /** Why the commune follows them up: sent on by a checkpoint (default), or referred by another province. */
      flag?: 'border_checkpoint' | 'province_referral';
    },
  ): Promise<string> {
    const earlier = await this.d.repo.findArrivalByClientKey(db, a.clientKey);
    if (earlier) return earlier.id;
    const abroad = /^[A-Z]{2}$/.test(a.origin);
    return this.d.repo.insertArrival(db, {
      person_id: a.personId,
      origin_kind: abroad ? 'country' : 'province',
      origin_code: abroad ? null : a.origin,
      origin_country: abroad ? a.origin : null,
      route: a.route,
      vehicle_type: 'other',
      vehicle_number: null,
      seat: null,
      departed_on: a.arrivedOn,
      arrived_on: a.arrivedOn,
      destination_commune_code: a.destination.code,
      locality_path: a.destination.path,
      flagged: true,
      flagReasons: [a.flag ?? 'border_checkpoint', ...(abroad ? (['international'] as const) : [])],
      declared_by_host: null,
      client_key: a.clientKey,
    });
  }

  private async flagsFor(o: { originKind: string; originCode?: string }) {
    const province = o.originCode ? (await this.d.localities.nationalProvinceOf()).get(o.originCode) : undefined;
    const codes = o.originCode && province ? [...new Set([o.originCode, province])] : [];
    const risk = codes.length ? await this.d.repo.riskOf(this.d.db, codes) : [];
    return arrivalFlags(o.originKind, risk);
  }

  /**
   * Runs a keyed write; when it fails because its twin (a double submit with the same client key)
   * got there first, whether by the key's unique index or by using the one-time code, answers as
   * the twin did.
   */
  private async withKeyRace<T, E>(
    findEarlier: () => Promise<E | undefined>,
    write: () => Promise<T>,
    fromEarlier: (e: E) => T | Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (err) {
      const winner = await findEarlier();
      if (winner) return fromEarlier(winner);
      throw err;
    }
  }
}
