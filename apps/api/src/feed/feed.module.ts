import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { SpacesModule } from '../spaces/spaces.module';
import { FeedRepository } from './feed.repository';
import { FeedResolver } from './feed.resolver';

@Module({
  imports: [SpacesModule, PostsModule],
  providers: [FeedRepository, FeedResolver],
})
export class FeedModule {}
