import { registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What happened. Briefs and co-creation add their kinds here (and to the migration's check). */
export const NOTIFICATION_KINDS = ['MENTION', 'COMMENT_ON_POST', 'REPLY_TO_COMMENT', 'REACTION_ON_CONTENT'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kind])) as {
  [K in NotificationKind]: K;
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'MENTION: a post or comment mentions you; COMMENT_ON_POST: a comment on your post; REPLY_TO_COMMENT: a reply to your comment; REACTION_ON_CONTENT: a reaction to your post or comment.',
});

/** What a notification points at: the content the recipient opens. */
export const NOTIFICATION_TARGET_TYPES = ['POST', 'COMMENT'] as const;
export type NotificationTargetType = (typeof NOTIFICATION_TARGET_TYPES)[number];
export const NotificationTargetTypeEnum = Object.fromEntries(NOTIFICATION_TARGET_TYPES.map((t) => [t, t])) as {
  [K in NotificationTargetType]: K;
};
registerEnumType(NotificationTargetTypeEnum, { name: 'NotificationTargetType' });

/** One event told to one person. The GraphQL `Notification` is a group of these (see NotificationsService). */
@Entity({ name: 'notifications' })
export class NotificationRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ type: 'varchar' })
  kind: NotificationKind;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'target_type', type: 'varchar' })
  targetType: NotificationTargetType;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ name: 'post_id', type: 'uuid', nullable: true })
  postId: string | null;

  @Column({ name: 'space_id', type: 'uuid', nullable: true })
  spaceId: string | null;

  @Column({ name: 'group_key', type: 'varchar' })
  groupKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
