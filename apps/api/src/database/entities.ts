import { Attachment } from '../attachments/attachment.entity';
import { Brief, BriefKpi, BriefTransitionRow, BriefVersion, KpiActual } from '../briefs/brief.entity';
import { Channel } from '../channels/channel.entity';
import { NotificationRow } from '../notifications/notification.entity';
import { Comment } from '../comments/comment.entity';
import { Post, PostRevision } from '../posts/post.entity';
import { Reaction } from '../reactions/reaction.entity';
import { Session } from '../sessions/session.entity';
import { RateLimitBucket } from '../rate-limits/rate-limit-bucket.entity';
import { SearchDocument } from '../search/search-document.entity';
import { SpaceMember } from '../spaces/space-member.entity';
import { Space } from '../spaces/space.entity';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { CoCreationThread, ThreadRunner } from '../co-creation/thread.entity';
import { Invitation } from '../co-creation/invitation.entity';
import { Proposal, ProposalVote, StaffNote } from '../co-creation/proposal.entity';
import { Offer, OfferCredit, OfferProposal, OfferVersion } from '../co-creation/offer.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { TimeSavedEntry, TimeSavedPreference } from '../time-saved/time-saved-entry.entity';
import { CostCurrency, HourlyCost, PlatformCost } from '../costs/cost.entity';

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
  Channel,
  Brief,
  BriefKpi,
  KpiActual,
  BriefTransitionRow,
  BriefVersion,
  TimeSavedEntry,
  TimeSavedPreference,
  HourlyCost,
  PlatformCost,
  CostCurrency,
  CoCreationThread,
  ThreadRunner,
  Invitation,
  OutboxMessage,
  Proposal,
  ProposalVote,
  StaffNote,
  Offer,
  OfferProposal,
  OfferCredit,
  OfferVersion,
];
