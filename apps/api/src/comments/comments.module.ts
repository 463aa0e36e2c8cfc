import { Module } from '@nestjs/common';
import { MentionsModule } from '../mentions/mentions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReactionsModule } from '../reactions/reactions.module';
import { UsersModule } from '../users/users.module';
import { CommentLoaders } from './comment-loaders';
import { CommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';

/** Comments on any registered content (posts, briefs, proposals, offers), one level of replies. */
@Module({
  imports: [MentionsModule, NotificationsModule, ReactionsModule, UsersModule],
  providers: [CommentsService, CommentLoaders, CommentsResolver],
  exports: [CommentsService, CommentLoaders],
})
export class CommentsModule {}
