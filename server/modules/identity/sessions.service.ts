import { AppError } from '../../../core/errors.ts';
import type { SessionView } from '../../../core/schemas/auth.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditTrailService } from '../audit/audit-trail.service.ts';
import { deviceLabel } from './device-label.ts';
import type { IdentityRepository } from './identity.repository.ts';

/** A user's own sessions: where they are signed in, and ending any of them. */
export class SessionsService {
  constructor(
    private readonly db: Db,
    private readonly identity: IdentityRepository,
    private readonly audit: AuditTrailService,
    private readonly settings: Pick<Config, 'session'>,
  ) {}

  async listOwn(actor: Actor, currentPublicId: string): Promise<{ items: SessionView[] }> {
    const idleSince = new Date(Date.now() - this.settings.session.idleMinutes * 60_000);
    const rows = await this.identity.listSessionsOf(this.db, actor.userId, idleSince);
    return {
      items: rows.map((r) => ({
        id: r.public_id,
        device: deviceLabel(r.user_agent),
        ip: r.ip,
        createdAt: r.created_at.toISOString(),
        lastSeenAt: r.last_seen_at.toISOString(),
        current: r.public_id === currentPublicId,
      })),
    };
  }

  /** Ends one of the caller's sessions (the current one too: that is signing out). 404 for anyone else's. */
  async endOwn(actor: Actor, publicId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await this.identity.deleteSessionByPublicId(trx, actor.userId, publicId))) throw new AppError('NOT_FOUND');
      await this.audit.record(trx, actor, {
        action: 'session_ended',
        entityType: 'user',
        entityId: actor.userId,
        after: { session: publicId },
      });
    });
  }
}
