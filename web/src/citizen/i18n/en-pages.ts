/** English of the pages whose Vietnamese is in `vi-pages.ts` (tip-offs, public support); part of `en.ts`. */
export const enPages = {
  tipoff: {
    title: 'Report illegal entry',
    intro:
      'Tell the commune and the police about someone suspected of entering illegally, or someone back from elsewhere who has not declared. No account needed.',
    kind: 'What you report',
    kinds: {
      illegal_entry: 'Someone suspected of illegal entry',
      undeclared: 'Someone back from elsewhere, not declared',
    },
    place: 'Place (village, house…)',
    description: 'Description',
    describe: 'Please describe it in a few words at least.',
    reporterName: 'Your name',
    reporterPhone: 'A phone number to call you back',
    privacy: 'Only the officer handling the report sees who sent it.',
    submit: 'Send the report',
    doneTitle: 'Report sent',
    done: 'Thank you. Reference: {{reference}}.',
  },
  support: {
    title: 'Donations received and handed out',
    intro:
      'What people and businesses gave for epidemic control, and what has been handed out, by purpose and commune. No recipient is named.',
    cashReceived: 'Cash received',
    cashDistributed: 'Cash handed out',
    purpose: 'Purpose',
    commune: 'Commune',
    received: 'Received',
    distributed: 'Handed out',
    donations: 'Donations',
    empty: 'No donation has been recorded yet.',
    vnd: '{{n}} VND',
    goods: '{{n}} (goods)',
    purposes: {
      general: 'Epidemic control in general',
      lockdown_households: 'Households in lockdown',
      quarantine: 'People in quarantine',
      people_in_difficulty: 'People in difficulty',
      medical_supplies: 'Medical equipment and supplies',
    },
  },
};
