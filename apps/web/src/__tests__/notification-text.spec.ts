import { describe, expect, it } from 'vitest';
import { i18n } from '@/i18n';
import { notificationKey, notificationText } from '@/utils/notification-text';

const t = (key: string, plural: number, named: Record<string, unknown>) =>
  (i18n.global.t as (k: string, n: Record<string, unknown>, p: number) => string)(key, named, plural);

describe('notificationText', () => {
  it('names the first person and counts the others, in French', () => {
    i18n.global.locale.value = 'fr';
    const group = (actorCount: number) => ({
      kind: 'REACTION_ON_CONTENT',
      actorNames: ['Alice', 'Bob', 'Chloé'],
      actorCount,
    });
    expect(notificationText({ ...group(1), actorNames: ['Alice'] }, t)).toBe('Alice a réagi à votre contenu');
    expect(notificationText({ ...group(2), actorNames: ['Alice', 'Bob'] }, t)).toBe(
      'Alice et 1 autre ont réagi à votre contenu',
    );
    expect(notificationText(group(4), t)).toBe('Alice et 3 autres ont réagi à votre contenu');
  });

  it('reads each kind, in English too, and never counts fewer people than it names', () => {
    i18n.global.locale.value = 'en';
    expect(notificationText({ kind: 'COMMENT_ON_CONTENT', actorNames: ['Alice'], actorCount: 1 }, t)).toBe(
      'Alice commented on your post',
    );
    expect(notificationText({ kind: 'REPLY_TO_COMMENT', actorNames: ['Alice', 'Bob'], actorCount: 0 }, t)).toBe(
      'Alice and 1 other replied to your comment',
    );
    expect(notificationText({ kind: 'MENTION', actorNames: ['Alice'], actorCount: 3 }, t)).toBe(
      'Alice and 2 others mentioned you',
    );
    i18n.global.locale.value = 'fr';
  });

  it("uses a feature's own sentence for its kinds, and a generic one for kinds without a text", () => {
    const known = new Set(['notifications.kinds.BRIEF_APPROVED']);
    expect(notificationKey('BRIEF_APPROVED', (key) => known.has(key))).toBe('notifications.kinds.BRIEF_APPROVED');
    expect(notificationKey('SOMETHING_NEW', (key) => known.has(key))).toBe('notifications.text.other');
    expect(notificationKey('SOMETHING_NEW')).toBe('notifications.text.other');
  });
});
