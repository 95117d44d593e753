import type { Locale } from '../../../core/errors.ts';
import type { AuditActorView, ListAuditActorsQuery } from '../../../core/schemas/audit.ts';
import type { Page } from '../../../core/schemas/common.ts';
import type { Role } from '../../../core/roles.ts';
import type { Db } from '../../db/database.ts';
import { toPage } from '../../shared/cursor.ts';
import type { AccountDirectoryRepository } from './account-directory.repository.ts';

/**
 * Accounts by name for other modules (the audit log's "who did it"): no secrets, no policy of its
 * own, the caller decides who may ask and passes the subtree to search.
 */
export class AccountDirectoryService {
  constructor(private readonly repo: AccountDirectoryRepository) {}

  async namesOf(db: Db, ids: readonly string[]): Promise<Map<string, { fullName: string; role: string }>> {
    const rows = await this.repo.namesOf(db, ids);
    return new Map(rows.map((r) => [r.id, { fullName: r.full_name, role: r.role }]));
  }

  /** The ids of the active accounts of these roles at one locality (a commune's officers, to notify). */
  async activeAt(db: Db, localityCode: string, roles: readonly Role[]): Promise<string[]> {
    return (await this.repo.activeAt(db, localityCode, roles)).map((r) => r.id);
  }

  /** Of these account ids, those of active accounts placed within the subtree or above it. */
  async activeInLine(db: Db, path: string, ids: readonly string[]): Promise<Set<string>> {
    return new Set((await this.repo.activeInLine(db, path, ids)).map((r) => r.id));
  }

  async search(
    db: Db,
    within: string,
    q: ListAuditActorsQuery,
    locale: Locale,
    o: { activeOnly?: boolean } = {},
  ): Promise<Page<AuditActorView>> {
    const rows = await this.repo.search(db, within, q, o.activeOnly);
    const page = toPage(rows, q.limit, (r) => [r.full_name, r.id]);
    return {
      items: page.items.map((r) => ({
        id: r.id,
        fullName: r.full_name,
        username: r.username,
        role: r.role,
        localityName: locale === 'vi' ? r.locality_name : r.locality_name_en,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
