import { AppError, type Locale } from '../../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { PASSWORD_HISTORY, passwordMessages, passwordProblem } from './password-policy.ts';
import { verifyPassword } from './passwords.ts';
import type { TwoFactorRepository } from './two-factor.repository.ts';

export interface NewPassword {
  password: string;
  username: string;
  /** The account whose history is checked; null for a new account. */
  userId: string | null;
  /** The account's current hash (accounts created before the history was kept have none there). */
  currentHash?: string;
  locale: Locale;
  /** The field the message is attached to. */
  path: string;
}

/** The rules every password set by anyone (the user, an administrator, the CLI) must meet. */
export class PasswordRules {
  constructor(private readonly repo: TwoFactorRepository) {}

  async assertAcceptable(db: Db, p: NewPassword): Promise<void> {
    const problem = passwordProblem(p.password, p.username);
    if (problem)
      throw new AppError('VALIDATION_FAILED', [{ path: p.path, message: passwordMessages[problem][p.locale] }]);
    if (!p.userId) return;
    const previous = await this.repo.passwordHistory(db, p.userId, PASSWORD_HISTORY);
    if (p.currentHash && !previous.includes(p.currentHash)) previous.push(p.currentHash);
    for (const hash of previous) {
      if (await verifyPassword(hash, p.password)) {
        throw new AppError('VALIDATION_FAILED', [{ path: p.path, message: passwordMessages.reused[p.locale] }]);
      }
    }
  }

  async remember(db: Db, userId: string, passwordHash: string): Promise<void> {
    await this.repo.addToPasswordHistory(db, userId, passwordHash, PASSWORD_HISTORY);
  }
}
