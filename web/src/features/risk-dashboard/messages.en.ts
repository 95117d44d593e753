import type { English } from '../../i18n/plural.ts';
import type { riskDashboardVi } from './messages.vi.ts';

/** English messages of the risk dashboard: the same keys as `messages.vi.ts`. */
export const riskDashboardEn: English<typeof riskDashboardVi> = {
  riskDashboard: {
    controls: 'Area and period',
    from: 'From',
    to: 'To',
    by: 'Count by',
    byOnset: 'Onset date',
    byConfirmed: 'Confirmation date',
    communes: 'Communes (codes, comma-separated)',
    communesHint: 'Empty: the whole province. At most 50 codes of 5 digits.',
    communesInvalid: 'Invalid commune codes: {{codes}}. A code has 5 digits.',
    communesTooMany: 'Choose at most 50 communes.',
    addCommune: 'Add a commune',
    addCommuneNone: 'Choose to add…',
    rangeInvalid: 'The start date must be on or before the end date.',
    period: 'From {{from}} to {{to}}',
    showTable: 'Show table',
    hideTable: 'Hide table',
    day: 'Day',
    total: 'Total',
    notesTitle: 'Notes',
    serialInterval:
      'Serial interval used: mean {{mean}} days, standard deviation {{sd}} days (disease profile: {{profile}}).',
    kind: {
      community: 'Community cases',
      inQuarantine: 'Cases found in quarantine',
      imported: 'Imported cases',
    },
    epicurve: {
      title: 'Epidemic curve',
      aria: 'Stacked bar chart of daily cases from {{from}} to {{to}}: {{total}} cases in all, at most {{peak}} cases on {{peakDay}}.',
      ariaEmpty: 'Bar chart of daily cases from {{from}} to {{to}}: no cases.',
      onsetImputed_one: '{{count, number}} case without an onset date is counted by its confirmation date.',
      onsetImputed_other: '{{count, number}} cases without an onset date are counted by their confirmation date.',
    },
    rt: {
      title: 'Effective reproduction number (Rt)',
      aria: 'Line chart of Rt from {{from}} to {{to}}. Latest Rt: {{mean}} (95% credible interval {{lower}} to {{upper}}). The dashed line is R = 1.',
      mean: 'Rt (mean)',
      median: 'Median',
      band: '95% credible interval',
      lower: '95% lower bound',
      upper: '95% upper bound',
      threshold: 'R = 1 (epidemic shrinking below)',
      empty: 'Rt could not be estimated for this period.',
    },
    projection: {
      title: 'Next 14 days projection',
      aria: 'Chart of local cases over the last 28 days and projected over the next 14. On {{day}} about {{median}} cases are projected (95% prediction interval {{lower}} to {{upper}}).',
      observed: 'Local cases reported (last 28 days)',
      median: 'Projection (median)',
      band: '95% prediction interval',
      lower: '95% lower bound',
      upper: '95% upper bound',
      empty: 'No projection could be made for this period.',
    },
    levelTrend: {
      title: 'Communes by level',
      aria: "Stacked bar chart of the province's communes by computed level each day from {{from}} to {{to}}, with the province's level in the top strip. On {{day}}: {{counts}}; province level: {{level}}.",
      note: "The whole province, by computed level (before any steering committee decision). The strip on top: the province's computed level each day.",
      provinceLevel: 'Province level',
      empty: 'No computed levels for this period.',
    },
  },
};
