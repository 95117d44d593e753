import { AppError } from '../../../core/errors.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { PersonMatchView, SearchPeopleQuery } from '../../../core/schemas/people-search.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { toPage } from '../../shared/cursor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import type { LocalitiesService } from '../localities/localities.service.ts';
import { peopleMessages } from './people.messages.ts';
import type { PeopleSearchRepository } from './people-search.repository.ts';
import { maskedDocument, maskedPhone, searchTermOf } from './people-search.term.ts';
import { peoplePolicy } from './people.policy.ts';

/**
 * "Is this person already registered?" for any form where staff enter someone (a contact, an
 * admission, later an inspection or a border crossing): records of the caller's area by name
 * without diacritics, phone or document, shown with the least that tells namesakes apart. Every
 * search is audited with the people it showed.
 */
export class PeopleSearchService {
  constructor(
    private readonly db: Db,
    private readonly repo: PeopleSearchRepository,
    private readonly localities: LocalitiesService,
    private readonly audit: AuditTrailService,
  ) {}

  async search(actor: Actor, q: SearchPeopleQuery): Promise<Page<PersonMatchView>> {
    if (!peoplePolicy.search(actor)) throw new AppError('FORBIDDEN');
    const term = searchTermOf(q.q);
    if (!term)
      throw new AppError('VALIDATION_FAILED', [{ path: 'q', message: peopleMessages.searchTooShort[actor.locale] }]);
    const place = q.locality
      ? await this.localities.findReadableOrThrow(actor, q.locality, this.db)
      : { code: actor.scope.code, path: actor.scope.path };
    const rows = await this.repo.search(this.db, place.path, term, q);
    const page = toPage(rows, q.limit, (r) => [r.sort_key, r.id]);
    await this.audit.record(this.db, actor, {
      action: 'search',
      entityType: 'person',
      entityId: null,
      localityCode: place.code,
      localityPath: place.path,
      // How, never what: the term itself is someone's name or phone.
      after: { by: term.by, purpose: q.purpose, shown: page.items.length },
      subjectIds: page.items.map((r) => r.id),
    });
    return {
      items: page.items.map((r) => ({
        id: r.id,
        fullName: r.full_name,
        birthYear: r.birth_year,
        communeCode: r.commune_code,
        communeName: r.commune_name,
        phoneMasked: maskedPhone(r.phone),
        documentMasked: maskedDocument(r.id_type, r.id_number, actor.locale),
        unavailable: q.purpose === 'quarantine_admission' && r.under_quarantine ? 'in_quarantine' : null,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
