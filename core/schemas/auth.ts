import { z } from 'zod';
import { roles } from '../roles.ts';

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The authenticator's 6-digit code, or a recovery code, for accounts with two-factor sign-in. */
  code: z.string().trim().max(20).optional(),
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
  twoFactorEnabled: z.boolean(),
  /** The account's role must use two-factor sign-in (configuration). */
  twoFactorRequired: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

/**
 * What a session may do until the account is set up: change the password, or enrol a second
 * factor. Every other route answers 403 PASSWORD_CHANGE_REQUIRED / TWO_FACTOR_ENROLMENT_REQUIRED.
 */
export const sessionRestriction = z.enum(['password_change', 'two_factor_enrolment']);
export type SessionRestriction = z.infer<typeof sessionRestriction>;

/** Answer of login and of GET /api/auth/me. Send `csrfToken` as header `x-csrf-token` on writes. */
export const sessionInfo = z.object({
  user: sessionUser,
  csrfToken: z.string(),
  restriction: sessionRestriction.nullable(),
  /** Sign-in or last re-authentication; exports and admin actions need one of the last minutes. */
  authenticatedAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

const newPassword = z
  .string()
  .min(12, 'Mật khẩu cần ít nhất 12 ký tự / The password needs at least 12 characters')
  .max(200);

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword,
});

export const reauthRequest = z.object({
  password: z.string().min(1).max(200),
  code: z.string().trim().max(20).optional(),
});
export type ReauthRequest = z.infer<typeof reauthRequest>;

export const twoFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>;

/** A new secret to scan (otpauth:// URI, drawn as a QR) or type (base32); confirmed by a code. */
export const twoFactorEnrolment = z.object({ secret: z.string(), uri: z.string() });
export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolment>;

export const twoFactorCodeRequest = z.object({ code: z.string().trim().min(6).max(20) });

/** Shown once: ten single-use codes to sign in without the authenticator. */
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodes>;

export const sessionView = z.object({
  id: z.string().uuid(),
  device: z.string(),
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;
export const sessionList = z.object({ items: z.array(sessionView) });

export { newPassword };
