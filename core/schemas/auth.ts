import { z } from 'zod';
import { roles } from '../roles.ts';

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionUser = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  localityCode: z.string(),
  localityName: z.string(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

/** Answer of login and of GET /api/auth/me. Send `csrfToken` as header `x-csrf-token` on writes. */
export const sessionInfo = z.object({ user: sessionUser, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionInfo>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});
