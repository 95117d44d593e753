import type { English } from '../../i18n/plural.ts';
import type { unitsVi } from './messages.vi.ts';

/** English messages of the reporting units' configuration page (issue 16). */
export const unitsEn: English<typeof unitsVi> = {
  units: {
    nav: 'Reporting units',
    title: 'Reporting units',
    intro:
      'The departments, agencies, organisations and communes that send the weekly report: name, kind, supervisor, and the phone and e-mail that receive reminders.',
    showInactive: 'Show inactive units too',
    code: 'Code',
    name: 'Name',
    kind: 'Kind',
    supervisor: 'Supervisor unit',
    contacts: 'Contacts',
    officers: 'Reporting officers',
    state: 'State',
    active: 'Active',
    inactive: 'Inactive',
    edit: 'Edit',
    editTitle: 'Edit {{name}}',
    nameVi: 'Name in Vietnamese',
    nameEn: 'Name in English',
    noSupervisor: '(None: the top of the province)',
    contactPhone: 'Mobile phone for reminders',
    contactEmail: 'E-mail for reminders',
    activeField: 'The unit is active (it must report)',
    saved: 'Unit saved.',
    kinds: {
      people_committee: "People's Committee / steering committee",
      department: 'Department',
      agency: 'Agency',
      armed_force: 'Armed force',
      mass_organisation: 'Front or mass organisation',
      district: 'District',
      commune: 'Commune or ward',
    },
  },
};
