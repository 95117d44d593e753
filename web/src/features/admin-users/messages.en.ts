import type { English } from '../../i18n/plural.ts';
import type { usersVi } from './messages.vi.ts';

/** English messages of user administration: same keys as `messages.vi.ts`. */
export const usersEn: English<typeof usersVi> = {
  users: {
    title: 'Users',
    filterRole: 'Role',
    filterQ: 'Search by name or username',
    filterLocality: 'Area: {{name}}',
    createTitle: 'Add a user',
    createSubmit: 'Create account',
    username: 'Username',
    usernameHint: '3–50 characters: a-z, 0-9, dot, underscore, hyphen.',
    fullName: 'Full name',
    role: 'Role',
    locality: 'Area of responsibility',
    password: 'Password',
    passwordHint: 'Leave empty to have a temporary password generated (to be changed at first sign-in).',
    created: 'Account {{username}} created.',
    tempPasswordTitle: 'Temporary password for {{username}}',
    tempPasswordNote: 'This password is shown only once. Copy it and give it to the user over a safe channel.',
    status: 'Status',
    statusActive: 'Active',
    statusDisabled: 'Disabled',
    createdAt: 'Created',
    edit: 'Edit',
    disable: 'Disable',
    enable: 'Enable',
    resetPassword: 'Reset password',
    confirmDisable: 'Disable account {{username}}? The user will no longer be able to sign in.',
    confirmEnable: 'Enable account {{username}} again?',
    confirmReset: 'Reset the password of {{username}}? The old password will stop working.',
    editTitle: 'Edit account {{username}}',
    saved: 'Changes saved.',
    nothingChanged: 'Nothing was changed.',
    noLocalityForRole: 'No area in your scope fits this role.',
    facilities: 'Facilities served',
    facilitiesHint:
      'The account reads and records the people of the ticked facilities only; with none ticked it reads nobody.',
    noFacilities: 'No facility in this area yet.',
  },
};
