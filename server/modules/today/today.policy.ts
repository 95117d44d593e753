import { can, todayWorkCapability, type Capability } from '../../../core/roles.ts';
import type { TodayKind } from '../../../core/schemas/today.ts';
import type { Actor } from '../../shared/actor.ts';

/** Whose work each kind is (core/roles.ts): a list shows only what the user's role can act on. */
const workOf: Record<TodayKind, Capability> = todayWorkCapability;

export const todayPolicy = {
  sees: (a: Actor, kind: TodayKind) => can(a.role, workOf[kind]),
};
