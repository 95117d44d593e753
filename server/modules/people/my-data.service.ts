import type { MyDataRequest } from '../../../core/schemas/citizen.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { PersonAccessView } from '../../../core/schemas/audit.ts';
import type { Db } from '../../db/database.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { OtpService } from '../otp/otp.service.ts';
import { citizenActor, type CitizenMeta, type CitizenSessionsService } from './citizen-sessions.service.ts';
import type { Locale } from '../../../core/errors.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { myDataJson, type PlaceNamer } from './my-data.document.ts';
import { myDataPdf } from './my-data.pdf.ts';
import type { MyDataRepository } from './my-data.repository.ts';

export interface MyDataFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * A person's rights over their data (Law 91/2025, DOMAIN §9): a copy of everything held about
 * them, and which agencies accessed it and when (never which official). The copy is a bulk export
 * of sensitive data: it takes a fresh one-time code to the verified phone, not only the session.
 */
export class MyDataService {
  constructor(
    private readonly db: Db,
    private readonly repo: MyDataRepository,
    private readonly sessions: CitizenSessionsService,
    private readonly otp: OtpService,
    private readonly audit: AuditTrailService,
    private readonly auditService: AuditService,
    private readonly localities: LocalitiesService,
  ) {}

  async download(
    sessionToken: string | null,
    req: MyDataRequest,
    meta: CitizenMeta,
    now = new Date(),
  ): Promise<MyDataFile> {
    const holder = await this.sessions.holderOrThrow(sessionToken, meta.locale);
    await this.otp.verify(this.db, req.otp, holder.sessionPhone, 'my_data', meta.locale);
    const rows = await this.repo.read(this.db, holder.personId);
    const data = myDataJson(rows, now, await this.placeNamer(rows, meta.locale));
    await this.audit.record(this.db, citizenActor(meta), {
      action: 'export_own_data',
      entityType: 'person',
      entityId: holder.personId,
      localityPath: holder.localityPath,
      after: { format: req.format },
      subjectIds: [holder.personId],
    });
    const stamp = now.toISOString().slice(0, 10);
    return req.format === 'json'
      ? {
          filename: `du-lieu-cua-toi-${stamp}.json`,
          contentType: 'application/json; charset=utf-8',
          body: Buffer.from(JSON.stringify(data, null, 2)),
        }
      : {
          filename: `du-lieu-cua-toi-${stamp}.pdf`,
          contentType: 'application/pdf',
          body: await myDataPdf(data, meta.locale),
        };
  }

  /**
   * Every place of the copy by name: the person's and declarations' communes, arrivals' origins
   * (anywhere in the country: the national list) and destinations, cases' localities; countries
   * by their name in the reader's language.
   */
  private async placeNamer(rows: Awaited<ReturnType<MyDataRepository['read']>>, locale: Locale): Promise<PlaceNamer> {
    const codes = [
      rows.person.commune_code,
      ...rows.declarations.map((d) => d.commune_code),
      ...rows.arrivals.flatMap((a) => [a.destination_commune_code, a.origin_kind === 'country' ? null : a.origin_code]),
      ...rows.cases.map((k) => k.locality_code),
    ].filter((c): c is string => !!c);
    const names = await this.localities.placeNames(this.db, codes, locale);
    const countries = new Intl.DisplayNames([locale], { type: 'region' });
    return {
      place: (code) => (code ? (names.get(code) ?? null) : null),
      country: (code) => (code ? (countries.of(code) ?? code) : null),
    };
  }

  /** Which agencies read or changed my data, newest first; my own acts are not listed. */
  async accesses(
    sessionToken: string | null,
    q: { after?: string; limit: number },
    meta: CitizenMeta,
  ): Promise<Page<PersonAccessView>> {
    const holder = await this.sessions.holderOrThrow(sessionToken, meta.locale);
    const page = await this.auditService.accessesOfPerson(holder.personId, q, meta.locale);
    await this.audit.record(this.db, citizenActor(meta), {
      action: 'read_own_accesses',
      entityType: 'person',
      entityId: holder.personId,
      subjectIds: [holder.personId],
    });
    return page;
  }
}
