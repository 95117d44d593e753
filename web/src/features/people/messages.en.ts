import type { peopleSearchVi } from './messages.vi.ts';

/** English messages of the people search; same keys as `messages.vi.ts`. */
export const peopleSearchEn: typeof peopleSearchVi = {
  peopleSearch: {
    legend: 'Find someone already registered',
    label: 'Name (diacritics optional), phone or document number',
    hint: 'Pick a registered person instead of typing them again; if nobody matches, fill in the fields below.',
    typeMore: 'Type at least 2 characters to search.',
    none: 'Nobody found in your area. Enter this person below.',
    born: 'born {{year}}',
    pick: 'Pick',
    picked: 'Picked: {{name}}, born {{year}}',
    change: 'Pick someone else',
    unavailable: {
      in_quarantine: 'In quarantine: a quarantine stay is still open',
    },
  },
};
