import { z } from 'zod';

/** Keyset paging: `after` is the opaque cursor returned as `nextCursor` by the previous page. */
export const pageQuery = z.object({
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Query strings carry text: only the words true and false are accepted (not any non-empty text). */
export const queryFlag = z
  .enum(['true', 'false'], 'Giá trị là true hoặc false / The value is true or false')
  .transform((v) => v === 'true');

export const localityCode = z
  .string()
  .regex(/^(VN|\d{2}|\d{3}|\d{5})$/, 'Mã đơn vị hành chính không hợp lệ / invalid locality code');

export const okBody = z.object({ ok: z.literal(true) });
