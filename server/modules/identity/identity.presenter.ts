import type { UserView } from '../../../core/schemas/users.ts';
import type { UserRecord } from './identity.repository.ts';

export function toUserView(u: UserRecord): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    localityCode: u.locality_code,
    localityName: u.locality_name,
    disabled: u.disabled_at !== null,
    twoFactorEnabled: u.totp_enabled_at !== null,
    createdAt: u.created_at.toISOString(),
  };
}
