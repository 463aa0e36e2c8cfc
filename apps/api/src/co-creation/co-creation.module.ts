import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CommentsModule } from '../comments/comments.module';
import { MailModule } from '../mail/mail.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { ReactionsModule } from '../reactions/reactions.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { CoCreationLoaders } from './co-creation-loaders';
import { CoCreationScopes } from './co-creation-scopes';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { OffersResolver } from './offers.resolver';
import { OffersService } from './offers.service';
import { ProposalsResolver, StaffNotesResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';
import { ThreadsResolver } from './threads.resolver';
import { ThreadsService } from './threads.service';

/** Co-creation with invited customers: threads, invitations, proposals and votes, offers (issue 6). */
@Module({
  imports: [
    AttachmentsModule,
    CommentsModule,
    ReactionsModule,
    MailModule,
    NotificationsModule,
    RateLimitsModule,
    SessionsModule,
    UsersModule,
  ],
  providers: [
    CoCreationScopes,
    CoCreationLoaders,
    ThreadsService,
    InvitationsService,
    ProposalsService,
    OffersService,
    ModerationService,
    ThreadsResolver,
    InvitationsResolver,
    ProposalsResolver,
    StaffNotesResolver,
    OffersResolver,
    ModerationResolver,
  ],
  exports: [ThreadsService, InvitationsService, ProposalsService, OffersService],
})
export class CoCreationModule {}
