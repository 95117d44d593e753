import { isSystemActor, type Actor } from '../../shared/actor.ts';

/**
 * The inbox is personal: every official reads and marks their own messages and nobody else's (not
 * an administrator either: a message to someone is theirs, like their sessions). The system has none.
 */
export const notificationsPolicy = {
  readInbox: (a: Actor) => !isSystemActor(a),
  /** One's own channels and quiet hours, likewise. */
  ownPreferences: (a: Actor) => !isSystemActor(a),
};
