import { Module } from '@nestjs/common';
import { CommentsModule } from '../comments/comments.module';
import { PostsModule } from '../posts/posts.module';
import { ReactionsModule } from '../reactions/reactions.module';
import { SpacesModule } from '../spaces/spaces.module';
import { UsersModule } from '../users/users.module';
import { FeedRepository } from './feed.repository';
import { FeedResolver } from './feed.resolver';

@Module({
  imports: [SpacesModule, PostsModule, UsersModule, CommentsModule, ReactionsModule],
  providers: [FeedRepository, FeedResolver],
})
export class FeedModule {}
