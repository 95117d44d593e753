import type { Locale } from '../../../core/errors.ts';
import { markerStretch } from '../../../core/rules/border/border-rules.ts';
import type { CrossingView, GoodsView, PostView, ShiftView, TipoffView } from '../../../core/schemas/border.ts';
import type { BorderGoodsTable, BorderShiftsTable } from '../../db/schema-border.ts';
import type { Selectable } from 'kysely';
import type { TipoffRecord } from './border-field.repository.ts';
import type { CrossingRow, PostRecord } from './border.repository.ts';
import { postKindLabels } from './border.messages.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function toPostView(p: PostRecord, locale: Locale): PostView {
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: postKindLabels[p.kind][locale],
    gateKind: p.gate_kind,
    name: p.name,
    communeCode: p.commune_code,
    position: p.latitude !== null && p.longitude !== null ? { latitude: p.latitude, longitude: p.longitude } : null,
    markers: markerStretch(p.marker_from, p.marker_to),
  };
}

export function toShiftView(s: Selectable<BorderShiftsTable>): ShiftView {
  return {
    id: s.id,
    postId: s.post_id,
    shiftDate: s.shift_date,
    shift: s.shift,
    team: s.team as ShiftView['team'],
    peopleCount: s.people_count,
    vehicleCount: s.vehicle_count,
    rapidTests: s.rapid_tests,
    positives: s.positives,
  };
}

export function toCrossingView(c: CrossingRow): CrossingView {
  return {
    id: c.id,
    postId: c.post_id,
    postName: c.post_name,
    crossedAt: iso(c.crossed_at),
    personId: c.person_id,
    fullName: c.full_name,
    origin: c.origin,
    destinationCommuneCode: c.destination_commune_code,
    temperature: c.temperature === null ? null : Number(c.temperature),
    testResult: c.test_result,
    decision: c.decision,
    admissionId: c.admission_id,
  };
}

export function toGoodsView(g: Selectable<BorderGoodsTable> & { post_name: string }): GoodsView {
  return {
    id: g.id,
    postId: g.post_id,
    postName: g.post_name,
    recordedAt: iso(g.recorded_at),
    plate: g.plate,
    driverName: g.driver_name,
    ...(g.driver_document ? { driverDocument: g.driver_document } : {}),
    cargo: g.cargo,
    direction: g.direction,
    ...(g.test_valid_until ? { testValidUntil: iso(g.test_valid_until) } : {}),
    ...(g.waiting_zone ? { waitingZone: g.waiting_zone } : {}),
    testExpired: g.test_expired,
  };
}

export function toTipoffView(t: TipoffRecord, showReporter: boolean, investigatorName: string | null): TipoffView {
  return {
    id: t.id,
    kind: t.kind,
    communeCode: t.commune_code,
    place: t.place,
    description: t.description,
    status: t.status,
    outcome: t.outcome,
    investigatorId: t.investigator_id,
    investigatorName,
    interceptionId: t.interception_id,
    createdAt: iso(t.created_at),
    reporter: showReporter ? { name: t.reporter_name, phone: t.reporter_phone, verified: t.phone_verified } : null,
  };
}
