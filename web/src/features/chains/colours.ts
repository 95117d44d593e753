import type { CaseClassification, CaseStatus } from '../../../../core/schemas/cases.ts';

export type ColourBy = 'status' | 'classification';

/**
 * Node colours. Picked to stay apart for the common kinds of colour blindness (no red/green pair
 * without a lightness difference) and from the contact colour, which is the only yellow.
 */
export const statusColours: Record<CaseStatus, string> = {
  awaiting_treatment: '#f97316',
  treating: '#dc2626',
  recovered: '#15803d',
  died: '#111827',
  transferred_out: '#64748b',
};
export const classificationColours: Record<CaseClassification, string> = {
  imported: '#7c3aed',
  community: '#ea580c',
  in_quarantine: '#0284c7',
};
/** Confirmed contacts: the yellow of their personal QR code. */
export const contactColour = '#eab308';
export const edgeColour = 'rgba(71, 85, 105, 0.45)';
export const highlightColour = '#0f172a';
