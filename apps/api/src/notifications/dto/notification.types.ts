import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../feed/feed.types';
import { User } from '../../users/user.entity';
import { NotificationKindEnum } from '../notification.entity';
import type { NotificationKind } from '../notification.entity';

@ObjectType({ description: 'What a notification is about, as far as the recipient may read it now.' })
export class NotificationTarget {
  @Field({ description: '`COMMENT`, or the kind of content: `POST`, `BRIEF`, `PROPOSAL`, `OFFER`…' })
  type: string;

  @Field(() => ID, { description: 'The content or comment to open (for a group, its latest one).' })
  id: string;

  @Field({ description: 'The kind of content the target is or is on.' })
  rootType: string;

  @Field(() => ID, { description: 'The content the target is or is on (the post of a comment…).' })
  rootId: string;

  @Field({ description: '`SPACE`, `BRIEF` or `THREAD`: where the content lives.' })
  scopeType: string;

  @Field(() => ID)
  scopeId: string;

  @Field(() => ID, { nullable: true, description: 'The post, when the content is one.' })
  postId: string | null;

  @Field(() => ID, { nullable: true, description: 'The space, when the content is in one.' })
  spaceId: string | null;

  @Field({ description: 'The start of its text, as plain text.' })
  excerpt: string;
}

@ObjectType({
  description:
    'One entry of the notification list: the events of one kind about one thing (group key), unread ones together and read ones together, e.g. "Alice and 3 others reacted to your post".',
})
export class Notification {
  @Field(() => ID, { description: "The group's latest event: give it to markNotificationsRead." })
  id: string;

  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field(() => [User], { description: 'The latest three people behind the events, latest first.' })
  actors: User[];

  @Field(() => Int, { description: 'How many different people are behind the events.' })
  actorCount: number;

  @Field(() => Int, { description: 'How many events the entry groups.' })
  count: number;

  @Field(() => NotificationTarget)
  target: NotificationTarget;

  @Field({ description: 'When the latest event happened.' })
  createdAt: Date;

  @Field()
  read: boolean;
}

@ObjectType()
export class NotificationEdge {
  @Field({ description: 'Opaque: pass it as `after` to get the entries that follow.' })
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
