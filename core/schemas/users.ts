import { z } from 'zod';
import { roles } from '../roles.ts';
import { localityCode, pageQuery } from './common.ts';
import { newPassword } from './auth.ts';

export const userView = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  localityCode: z.string(),
  localityName: z.string(),
  disabled: z.boolean(),
  twoFactorEnabled: z.boolean(),
  createdAt: z.string(),
  /** Facility staff: the facilities the account serves (it reads the records of these only). */
  facilityIds: z.array(z.string().uuid()).optional(),
});
export type UserView = z.infer<typeof userView>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập: 3–50 ký tự a-z 0-9 . _ - / 3–50 characters a-z 0-9 . _ -');

/** A facility staff account's facilities, chosen by the administrator (empty: the account reads no one). */
const facilityIds = z
  .array(z.string().uuid('Mã cơ sở không hợp lệ / Invalid facility id'))
  .max(50, 'Tối đa 50 cơ sở / At most 50 facilities');

export const createUserRequest = z.object({
  username,
  fullName: z.string().trim().min(2).max(120),
  role: z.enum(roles),
  localityCode,
  /** Omit to have a temporary password generated and returned once. */
  password: newPassword.optional(),
  facilityIds: facilityIds.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z
  .object({
    fullName: z.string().trim().min(2).max(120),
    role: z.enum(roles),
    localityCode,
    disabled: z.boolean(),
    facilityIds,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Không có thay đổi / nothing to change');
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const createdUser = z.object({ user: userView, temporaryPassword: z.string().nullable() });
export const resetPasswordResult = z.object({ temporaryPassword: z.string() });
export const endedSessions = z.object({ ended: z.number().int() });

export const listUsersQuery = pageQuery.extend({
  locality: localityCode.optional(),
  role: z.enum(roles).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
