import type { Role } from '../../../core/roles.ts';
import type { FederationConfig } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { MessageContent } from '../notifications/notifications.module.ts';
import { directiveArrivedMessage } from './federation.messages.ts';
import type { NationalDirectivesRepository } from './national-directives.repository.ts';

/** Who in a province handles national directives: its steering committee and health department (those who acknowledge). */
export const DIRECTIVE_HANDLERS: readonly Role[] = ['steering_committee', 'health_department'];

export interface DirectiveNoticeDeps {
  /** The active accounts of these roles at a locality (the identity module's account directory). */
  accountsAt(db: Db, localityCode: string, roles: readonly Role[]): Promise<string[]>;
  /** The notifications module: the inbox, and SMS or e-mail as each official chose. */
  notify(db: Db, userIds: readonly string[], m: MessageContent): Promise<unknown>;
}

/**
 * Tells a province's officials that a national directive arrived (issue 21). Replication writes the
 * rows with no hook into the application, so a job polls: each directive received and not yet
 * announced is claimed in `federation_directive_notices` (local, never published: the hub's and the
 * province's copies of the replicated table stay identical) and announced in the same transaction,
 * so each arrival is announced once, even when two runs (two processes) meet.
 */
export class NationalDirectiveNotices {
  constructor(
    private readonly db: Db,
    private readonly repo: NationalDirectivesRepository,
    private readonly deps: DirectiveNoticeDeps,
    private readonly federation: FederationConfig | undefined,
  ) {}

  /** Announces what arrived since the last run; answers how many directives were announced here. */
  async announceArrived(batch = 100): Promise<number> {
    if (this.federation?.role !== 'province') return 0;
    const here = this.federation.provinceCode;
    let announced = 0;
    for (;;) {
      const rows = await this.repo.unannounced(this.db, here, batch);
      for (const d of rows) {
        const claimed = await this.db.transaction().execute(async (trx) => {
          const recipients = await this.deps.accountsAt(trx, here, DIRECTIVE_HANDLERS);
          if (!(await this.repo.claimAnnouncement(trx, d.id, here, recipients.length))) return false;
          await this.deps.notify(trx, recipients, {
            kind: 'national_directive_received',
            key: `national_directive:${d.id}`,
            link: '/directives',
            urgent: false,
            ...directiveArrivedMessage(d.kind, d.number_symbol, d.issuer, d.summary),
          });
          return true;
        });
        if (claimed) announced++;
      }
      if (rows.length < batch) return announced;
    }
  }
}
