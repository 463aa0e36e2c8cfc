/** "Alice et 3 autres ont réagi à votre publication": one line for a group of notifications. */

export interface NotificationGroupLike {
  kind: string;
  /** Names of the people behind the group, most recent first (at least the first one). */
  actorNames: string[];
  /** How many distinct people are behind the group (may exceed actorNames.length). */
  actorCount: number;
}

const KIND_KEYS: Record<string, string> = {
  MENTION: 'mention',
  COMMENT_ON_CONTENT: 'comment',
  REPLY_TO_COMMENT: 'reply',
  REACTION_ON_CONTENT: 'reaction',
};

export type PluralTranslate = (key: string, plural: number, named: Record<string, unknown>) => string;

/**
 * The i18n key of a kind's sentence: the social kinds under `notifications.text`, the kinds other
 * features add under `notifications.kinds.<KIND>`; a kind without a text reads as a generic line.
 */
export function notificationKey(kind: string, exists: (key: string) => boolean = () => false): string {
  if (KIND_KEYS[kind]) return `notifications.text.${KIND_KEYS[kind]}`;
  const own = `notifications.kinds.${kind}`;
  return exists(own) ? own : 'notifications.text.other';
}

/**
 * The sentence, through plural messages `"{actor} a réagi… | {actor} et 1 autre ont réagi… |
 * {actor} et {others} autres ont réagi…"` chosen by the number of OTHER people.
 */
export function notificationText(
  group: NotificationGroupLike,
  t: PluralTranslate,
  exists?: (key: string) => boolean,
): string {
  const actor = group.actorNames[0] ?? '';
  const others = Math.max(0, Math.max(group.actorCount, group.actorNames.length) - 1);
  return t(notificationKey(group.kind, exists), others, { actor, others });
}
