import { registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What happened. Each module that tells people something adds its kinds here (and their texts in the web). */
export const NOTIFICATION_KINDS = [
  'MENTION',
  'COMMENT_ON_CONTENT',
  'REPLY_TO_COMMENT',
  'REACTION_ON_CONTENT',
  // a moderator hid your comment (the reason shows on it)
  'COMMENT_HIDDEN',
  // ---- briefs: each workflow step, told to the owner and the watchers ----
  'BRIEF_SUBMITTED',
  'BRIEF_CHANGES_REQUESTED',
  'BRIEF_APPROVED',
  'BRIEF_LAUNCHED',
  'BRIEF_CLOSED',
  // co-creation: your proposal was hidden (the reason shows on it); an offer crediting you was published
  'PROPOSAL_HIDDEN',
  'OFFER_PUBLISHED_CREDIT',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kind])) as {
  [K in NotificationKind]: K;
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'MENTION: content or a comment mentions you; COMMENT_ON_CONTENT: a comment on your post, brief, proposal…; REPLY_TO_COMMENT: a reply to your comment; REACTION_ON_CONTENT: a reaction to your content or comment; the other kinds are named after what happened.',
});

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

  /** `COMMENT` or a content kind registered with the ScopeRegistry. */
  @Column({ name: 'target_type', type: 'varchar' })
  targetType: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  /** The content the target is or is on: what the recipient opens. */
  @Column({ name: 'root_type', type: 'varchar' })
  rootType: string;

  @Column({ name: 'root_id', type: 'uuid' })
  rootId: string;

  /** Whose readers may see it; checked again whenever the list is read. */
  @Column({ name: 'scope_type', type: 'varchar' })
  scopeType: string;

  @Column({ name: 'scope_id', type: 'uuid' })
  scopeId: string;

  @Column({ name: 'group_key', type: 'varchar' })
  groupKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
