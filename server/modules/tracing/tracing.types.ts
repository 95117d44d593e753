/** The shapes the tracing engine's repository reads and writes. */

/** Whose contacts to look for, and when they could pass the infection on. */
export interface TracingSource {
  personId: string;
  from: Date;
  to: Date;
  /** The contact row this source is (null for the case itself): level-n contacts name it. */
  viaContactId: string | null;
}

export interface ContactRules {
  minOverlapMinutes: number;
  assumedStayMinutes: number;
  sameHousehold: boolean;
}

/** One person found near a source: venue time together (stays of at least the minimum) and household. */
export interface CandidateRow {
  source: number;
  person_id: string;
  household: boolean;
  total_minutes: number;
  distinct_venues: number;
  first_at: Date | null;
  last_at: Date | null;
  venues: { venueId: string; venueName: string; minutes: number; from: string; to: string }[];
  locality_path: string | null;
}

/** A contact as it stands proposed after a tracing run: what an alert threshold reads. */
export interface ProposedContact {
  contactId: string;
  personId: string;
  level: number;
  household: boolean;
  minutes: number;
}

export interface ProposalInput {
  personId: string;
  level: number;
  viaContactId: string | null;
  household: boolean;
  declared: boolean;
  totalMinutes: number;
  distinctVenues: number;
  firstAt: Date | null;
  lastAt: Date | null;
  evidence: Record<string, unknown>;
  localityPath: string;
}
