import { defineRoutes } from './contract.ts';
import { situationQuery, situationView } from '../schemas/situation.ts';
import { todayQuery, todayWork } from '../schemas/today.ts';

export const todayContract = defineRoutes(['today'], {
  getToday: {
    method: 'GET',
    path: '/today',
    summary:
      "Today's work in the user's area: contacts to decide, quarantine to arrange, tests and releases due, missing reports, case proposals, capacity alerts",
    query: todayQuery,
    answer: todayWork,
  },
  getTodaySituation: {
    method: 'GET',
    path: '/today/situation',
    summary:
      "The situation of the user's area (the home page): new cases by classification, people in quarantine, tests pending, beds occupied, contacts and levels awaiting a decision, each with yesterday's figure, and every commune's level; only what the role may read",
    query: situationQuery,
    answer: situationView,
  },
});
