/**
 * A case's status and where it is treated are one state (issue 13, item 3). The rule:
 *
 * - A confirmed case starts `awaiting_treatment`: known, isolated perhaps, but in no care setting.
 * - It is `treating` only while it is in a care setting: a bed of a facility (an open treatment
 *   stay) or at home (home treatment of a mild F0, as Viet Nam did from late 2021). Nothing else
 *   makes a case `treating`: setting that status by hand is refused, it goes through admission.
 * - Admission puts a case in a setting; moving it from one setting to another (another facility, a
 *   bed of another kind, home to hospital or back) is a transfer and keeps it `treating`.
 * - Discharge ends the setting with the case's outcome: recovered, died, or transferred out of the
 *   province. A case in a setting is closed only by discharge, never by editing its status.
 * - Outside a setting an investigator may still record an outcome learnt otherwise (died before
 *   admission, recovered in the province it was transferred to) or reopen a closed case as awaiting.
 *
 * Pure: the server applies it inside the transaction that writes the stay and the history.
 */
export const careStatuses = ['awaiting_treatment', 'treating', 'recovered', 'died', 'transferred_out'] as const;
export type CareStatus = (typeof careStatuses)[number];
export const careSettings = ['bed', 'home'] as const;
export type CareSetting = (typeof careSettings)[number];
export const dischargeOutcomes = ['recovered', 'died', 'transferred_out'] as const;
export type DischargeOutcome = (typeof dischargeOutcomes)[number];
/** The status a case may be given by hand (never `treating`: that needs a setting). */
export const handStatuses = ['awaiting_treatment', 'recovered', 'died', 'transferred_out'] as const;
export type HandStatus = (typeof handStatuses)[number];

export interface CareState {
  status: CareStatus;
  /** Where a `treating` case is treated; null for every other status. */
  setting: CareSetting | null;
}

export type CareEvent =
  /** Into a bed of a facility, or home treatment. */
  | { kind: 'admit'; setting: CareSetting }
  /** A bed of the same or another facility, while already in a bed (the stay moves). */
  | { kind: 'transfer' }
  | { kind: 'discharge'; outcome: DischargeOutcome }
  | { kind: 'set_status'; status: CareStatus };

/** How the history names what happened: an admission that changed setting reads as a transfer. */
export type CareTransitionKind = 'admitted' | 'transferred' | 'discharged' | 'status_set';

/** Why an event is refused; each has its own error code (core/errors.ts). */
export type CareRefusal =
  | 'CASE_ALREADY_ADMITTED'
  | 'CASE_ALREADY_AT_HOME'
  | 'CASE_CLOSED'
  | 'CASE_NOT_IN_TREATMENT'
  | 'CASE_TREATMENT_NEEDS_ADMISSION'
  | 'CASE_IN_TREATMENT_DISCHARGE_FIRST';

export type CareStep =
  { ok: true; next: CareState; transition: CareTransitionKind } | { ok: false; refusal: CareRefusal };

const closed = (s: CareStatus) => s === 'recovered' || s === 'died';
const refuse = (refusal: CareRefusal): CareStep => ({ ok: false, refusal });

/** The state after `event`, or why it is refused. */
export function nextCareState(state: CareState, event: CareEvent): CareStep {
  switch (event.kind) {
    case 'admit': {
      if (closed(state.status)) return refuse('CASE_CLOSED');
      if (state.status === 'treating') {
        // Home → bed and bed → home are transfers; bed → bed is a transfer of the stay itself.
        if (state.setting === event.setting)
          return refuse(event.setting === 'bed' ? 'CASE_ALREADY_ADMITTED' : 'CASE_ALREADY_AT_HOME');
        return { ok: true, next: { status: 'treating', setting: event.setting }, transition: 'transferred' };
      }
      return { ok: true, next: { status: 'treating', setting: event.setting }, transition: 'admitted' };
    }
    case 'transfer':
      if (state.status !== 'treating' || state.setting !== 'bed') return refuse('CASE_NOT_IN_TREATMENT');
      return { ok: true, next: state, transition: 'transferred' };
    case 'discharge':
      if (state.status !== 'treating') return refuse('CASE_NOT_IN_TREATMENT');
      return { ok: true, next: { status: event.outcome, setting: null }, transition: 'discharged' };
    case 'set_status':
      if (event.status === 'treating') return refuse('CASE_TREATMENT_NEEDS_ADMISSION');
      if (state.status === 'treating') return refuse('CASE_IN_TREATMENT_DISCHARGE_FIRST');
      return { ok: true, next: { status: event.status, setting: null }, transition: 'status_set' };
  }
}

/** True when status and setting agree: a setting exactly while treating. */
export function isConsistentCareState(s: CareState): boolean {
  return (s.status === 'treating') === (s.setting !== null);
}

/** The statuses of a case still to be counted as an F0 (QR red): not recovered, not dead. */
export const activeCareStatuses: readonly CareStatus[] = ['awaiting_treatment', 'treating', 'transferred_out'];

/** A closed case's outcome date is needed; a case that is not closed has none. */
export const hasOutcome = (s: CareStatus): boolean => s === 'recovered' || s === 'died' || s === 'transferred_out';

/**
 * The status a case gets from a line list. "Under treatment" in another register puts no one in a
 * setting here (only admission does), so such a case awaits treatment; an outcome is kept. The one
 * mapping of both import paths (rows held in memory, or streamed through COPY).
 */
export function importedCaseStatus(fileStatus: CareStatus): HandStatus {
  return fileStatus === 'treating' ? 'awaiting_treatment' : fileStatus;
}
