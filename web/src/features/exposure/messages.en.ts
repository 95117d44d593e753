import type { exposureVi } from './messages.vi.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English: exposure alerts for officials (issue 20). */
export const exposureEn: Shape<typeof exposureVi> = {
  exposure: {
    nav: 'Self-reports to confirm',
    title: 'Positive self-reports to confirm',
    intro:
      'People who self-reported a positive rapid test published the check-ins kept on their phone as pending entries of the alert feed. Confirm them to keep them, or withdraw them if the report does not hold. The server does not know those venues.',
    reportedAt: 'Reported at',
    person: 'Full name',
    commune: 'Commune',
    kind: 'Kind',
    positive: 'Positive rapid test',
    symptoms: 'Symptoms',
    testDate: 'Test date',
    entries: 'Pending entries',
    window: 'Time span',
    photo: 'Test photo',
    openPhoto: 'Open photo',
    actions: 'Decision',
    confirm: 'Confirm',
    withdraw: 'Withdraw',
    confirmed: 'Confirmed: the entries stay in the alert feed.',
    withdrawn: 'Withdrawn: the entries left the alert feed.',
    none: 'No self-report waits for confirmation.',
    staysTitle: "The case's venue visits (21 days)",
    staysIntro:
      'Visits inside the infectious window were published when the case was registered. Mark another visit as a transmission risk so that the people who were there are warned on their phones (the case is never named).',
    venue: 'Venue',
    checkedIn: 'In',
    checkedOut: 'Out',
    inFeed: 'In the alert feed',
    notInFeed: 'Not published',
    mark: 'Mark as a risk',
    marked: '{{count}} entries published.',
    noStays: 'The case has no check-in in the last 21 days.',
  },
};
