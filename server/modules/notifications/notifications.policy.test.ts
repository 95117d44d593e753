import { describe, expect, it } from 'vitest';
import { roles } from '../../../core/roles.ts';
import { systemActor } from '../../shared/actor.ts';
import { officialAt } from '../../testing/actors.ts';
import { notificationsPolicy as p } from './notifications.policy.ts';

describe('notifications policy', () => {
  it('every official reads their own inbox and sets their own channels; the system has neither', () => {
    for (const role of roles) {
      const official = officialAt(role, 'VN/12');
      expect(p.readInbox(official), role).toBe(true);
      expect(p.ownPreferences(official), role).toBe(true);
    }
    expect(p.readInbox(systemActor('job'))).toBe(false);
    expect(p.ownPreferences(systemActor('job'))).toBe(false);
  });
});
