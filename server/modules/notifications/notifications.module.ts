import type { Db } from '../../db/database.ts';
import { NotificationsRepository } from './notifications.repository.ts';
import { NotificationsService } from './notifications.service.ts';

export type { OutgoingMessage } from './notifications.service.ts';
export type { NotificationsService };

export interface NotificationsServices {
  notifications: NotificationsService;
}

export function createNotificationsModule(o: { db: Db }): NotificationsServices {
  return { notifications: new NotificationsService(o.db, new NotificationsRepository()) };
}
