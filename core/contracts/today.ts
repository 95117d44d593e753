import { defineRoutes } from './contract.ts';
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
});
