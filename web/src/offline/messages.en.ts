import type { English } from '../i18n/plural.ts';
import type { offlineVi } from './messages.vi.ts';

/** English messages of the offline layer: same keys as `messages.vi.ts`. */
export const offlineEn: English<typeof offlineVi> = {
  offline: {
    offline: 'No network. Your work is kept on this device and will be sent when the network is back.',
    waiting_one: '{{count, number}} item waiting to be sent.',
    waiting_other: '{{count, number}} items waiting to be sent.',
    sending_one: 'Sending {{count, number}} item…',
    sending_other: 'Sending {{count, number}} items…',
    sendNow: 'Send now',
    rejected: 'The server refused it:',
    sendAgain: 'Send again',
    discard: 'Discard',
    conflict: 'Someone else changed this record while this device was offline. Choose the version to keep.',
    keepMine: 'Keep the version on this device',
    keepServer: "Keep the server's version",
    keptAt: 'Data kept on this device at {{time}} (not updated: no network).',
    signedOut: 'Your session has ended. Sign in again to save your work.',
  },
};
