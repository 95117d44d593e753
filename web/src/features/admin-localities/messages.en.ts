import type { English } from '../../i18n/plural.ts';
import type { localitiesVi } from './messages.vi.ts';

/** English messages of the administrative units: same keys as `messages.vi.ts`. */
export const localitiesEn: English<typeof localitiesVi> = {
  localities: {
    title: 'Localities',
    intro: 'Units under {{name}}.',
    filterQ: 'Search by name or code',
    includeMerged: 'Include merged units',
    code: 'Code',
    name: 'Name',
    level: 'Level',
    status: 'Status',
    population: 'Population',
    statusActive: 'Active',
    mergedInto: 'Merged into {{name}}',
    rename: 'Rename',
    merge: 'Merge',
    history: 'History',
    renameTitle: 'Rename {{name}}',
    newName: 'Name (without the unit type)',
    newFullName: 'Full name (with the unit type, e.g. "Xã …")',
    reason: 'Reason, legal basis (document number)',
    renamed: 'Renamed.',
    mergeTitle: 'Merge {{name}} into another unit',
    mergeExplain:
      "The merged unit ({{code}}) ceases to exist and its code is closed forever; it is never reused. The receiving unit (where the People's Committee sits) keeps its code. Past records still count in the right place through the history.",
    mergeTarget: 'Receiving unit (keeps its code)',
    mergeTargetPlaceholder: 'Choose a unit…',
    effectiveDate: 'Effective date',
    mergeSubmit: 'Merge',
    mergeConfirm: 'Confirm: merge {{source}} into {{target}}? This cannot be undone.',
    merged: 'Merged.',
    historyTitle: 'History of {{name}}',
    historyEmpty: 'No events yet.',
    historyBy: 'by {{name}}',
    kind: {
      created: 'Created',
      renamed: 'Renamed',
      merged_into: 'Merged into another unit',
      absorbed: 'Absorbed another unit',
      population_set: 'Population updated',
    },
    noChildren: 'The selected area has no units under it. Pick a province or district in the bar above.',
    importTitle: 'Import population from a file',
    importHelp:
      'An .xlsx or .csv file with a header row and two columns: "code" (unit code) and "population". Vietnamese headers "ma"/"mã" and "dan_so"/"dân số" are accepted too. If any row has an error, no row is saved.',
    importYear: 'Year of the figures',
    importDone: 'Population updated for {{updated}} units (year {{year}}).',
  },
};
