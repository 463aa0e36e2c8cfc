import { Module } from '@nestjs/common';
import { MentionsModule } from '../mentions/mentions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SpacesModule } from '../spaces/spaces.module';
import { CommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';
import { ContentLoadersProvider } from './content-loaders.provider';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';
import { ReactionsResolver } from './reactions.resolver';
import { ReactionsService } from './reactions.service';
import { TargetsService } from './targets.service';

@Module({
  imports: [SpacesModule, MentionsModule, NotificationsModule],
  providers: [
    PostsService,
    CommentsService,
    ReactionsService,
    TargetsService,
    ContentLoadersProvider,
    PostsResolver,
    CommentsResolver,
    ReactionsResolver,
  ],
  exports: [PostsService, CommentsService, ReactionsService],
})
export class PostsModule {}
