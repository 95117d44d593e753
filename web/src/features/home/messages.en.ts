import type { situationVi } from './messages.vi.ts';

/** English messages of the home page's situation room: same keys as `messages.vi.ts`. */
export const situationEn: typeof situationVi = {
  situation: {
    title: 'Situation in the area',
    figuresTitle: "Today's headline figures",
    figuresHint: 'Compared with yesterday; pick a figure to open its list.',
    noFigures: 'Your role reads none of these figures.',
    same: 'same as yesterday',
    up: 'up {{count}} on yesterday',
    down: 'down {{count}} on yesterday',
    mapTitle: "Communes' risk levels",
    mapLabel: 'Map of the communes’ risk levels',
    legendTitle: 'Legend',
    levelHeader: 'Level',
    decidedNote: 'decided',
    noLevel: 'None yet',
    figure: {
      cases_community: 'New community cases',
      cases_in_quarantine: 'New cases in quarantine',
      cases_imported: 'New imported cases',
      people_in_quarantine: 'People in quarantine',
      tests_pending: 'Tests awaiting a result',
      beds_occupied: 'Treatment beds in use',
      contacts_to_confirm: 'Contacts (F1, F2…) awaiting confirmation',
      levels_to_decide: 'Levels awaiting the steering committee',
    },
  },
};
