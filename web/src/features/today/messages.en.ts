import type { English } from '../../i18n/plural.ts';
import type { todayVi } from './messages.vi.ts';

/** English messages of today's work: same keys as `messages.vi.ts`. */
export const todayEn: English<typeof todayVi> = {
  today: {
    nav: "Today's work",
    title: "Today's work",
    intro: 'Work waiting in {{name}} on {{date}}, overdue first.',
    panelTitle: "Today's work",
    seeAll: "All of today's work",
    empty: 'Nothing waiting',
    count_one: '{{count, number}} to do',
    count_other: '{{count, number}} to do',
    overdue_one: '{{count, number}} overdue',
    overdue_other: '{{count, number}} overdue',
    overdueItem: 'Overdue',
    dueOn: 'Due {{date}}',
    acceptReferral: 'Accept',
    more_one: 'and {{count, number}} more',
    more_other: 'and {{count, number}} more',
    loadMore: 'Show more of each group',
    capped: 'Each group shows at most {{limit}} tasks; open each task’s page for the rest.',
    group: {
      contacts_to_decide: 'Contacts awaiting a decision',
      quarantine_to_arrange: 'Quarantine to arrange',
      tests_due: 'Tests due',
      releases_due: 'Quarantine ending',
      missing_reports: 'No health report today',
      case_proposals: 'Cases proposed by testing',
      capacity_alerts: 'Facilities nearly full',
      levels_to_decide: 'Risk levels awaiting the steering committee',
      link_requests: 'Self-declared records awaiting verification',
      workplace_follow_ups: 'High-risk workplaces awaiting a corrective plan',
      referrals_in: 'People referred by another province, awaiting acceptance',
      self_reports: "Citizens' self-reports (symptoms, positive rapid tests)",
      overdue_actions: 'Corrective actions past their deadline (after inspections)',
      national_directives: 'National directives awaiting acknowledgement',
      workplace_symptoms: 'Workers with symptoms (reported by their organisation)',
    },
  },
};
