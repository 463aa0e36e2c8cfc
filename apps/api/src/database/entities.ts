import { Attachment } from '../attachments/attachment.entity';
import { NotificationRow } from '../notifications/notification.entity';
import { Comment } from '../posts/comment.entity';
import { Post, PostRevision } from '../posts/post.entity';
import { Reaction } from '../posts/reaction.entity';
import { Session } from '../sessions/session.entity';
import { RateLimitBucket } from '../rate-limits/rate-limit-bucket.entity';
import { SearchDocument } from '../search/search-document.entity';
import { SpaceMember } from '../spaces/space-member.entity';
import { Space } from '../spaces/space.entity';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  User,
  Team,
  Session,
  RateLimitBucket,
  Space,
  SpaceMember,
  Post,
  PostRevision,
  Comment,
  Reaction,
  NotificationRow,
  Attachment,
  SearchDocument,
];
