import { z } from 'zod';
import { localityCode, pageQuery } from './common.ts';
import { statusView } from './declarations.ts';

/**
 * The visitor scanned the venue's poster: sent with the session of their phone (`Authorization: Bearer`).
 * No client key: a resend is recognised without one (same person and venue within the repeat window: `repeated`).
 */
export const visitorCheckinRequest = z.object({
  venueCode: z.string().regex(/^[A-Za-z0-9]{6,16}$/),
});
export const checkinResult = z.object({
  checkinId: z.string(),
  checkedInAt: z.string(),
  venueName: z.string(),
  status: statusView,
  /** True when this answers a resend of a check-in already recorded. */
  repeated: z.boolean(),
  /** The venue's exposure key (issue 20): kept on the phone, for posters printed without it. */
  exposureKey: z.string().optional(),
  provinceCode: z.string().optional(),
});
export type CheckinResult = z.infer<typeof checkinResult>;
export const checkoutRequest = z.object({ checkedInAt: z.iso.datetime({ offset: true }) });

export const gateScanRequest = z.object({ token: z.string().max(200) });
export const gateScanResult = z.object({
  allowed: z.boolean(),
  colour: z.enum(['green', 'yellow', 'red', 'none']),
  reasons: z.array(z.string()),
  displayName: z.string().nullable(),
  checkinId: z.string().nullable(),
});
export type GateScanResult = z.infer<typeof gateScanResult>;

export const myCheckinsQuery = pageQuery;
export const myCheckinRow = z.object({
  id: z.string(),
  venueName: z.string(),
  venueAddress: z.string(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
});

export const checkinCountsQuery = pageQuery.extend({
  locality: localityCode.optional(),
  venueId: z.string().uuid().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
});
export const checkinCountRow = z.object({
  venueId: z.string().uuid(),
  venueName: z.string(),
  communeCode: z.string(),
  day: z.string(),
  checkins: z.number().int(),
});
export type CheckinCountRow = z.infer<typeof checkinCountRow>;
export type CheckinCountsQuery = z.infer<typeof checkinCountsQuery>;

export const venueEntriesQuery = pageQuery.extend({ day: z.iso.date().optional() });
export const venueEntryRow = z.object({
  id: z.string(),
  checkedInAt: z.string(),
  checkedOutAt: z.string().nullable(),
  displayName: z.string(),
  mode: z.string(),
});
