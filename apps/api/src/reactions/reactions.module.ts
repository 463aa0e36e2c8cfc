import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReactionLoaders } from './reaction-loaders';
import { ReactionsResolver } from './reactions.resolver';
import { ReactionsService } from './reactions.service';

/** Reactions on any registered content or comment. */
@Module({
  imports: [NotificationsModule],
  providers: [ReactionsService, ReactionLoaders, ReactionsResolver],
  exports: [ReactionsService, ReactionLoaders],
})
export class ReactionsModule {}
