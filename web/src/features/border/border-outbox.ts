/** The border pages' group in the offline outbox: the field page and the trails page list the same waiting work. */
export const BORDER_GROUP = 'border';
