import { Module } from '@nestjs/common';
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
  imports: [SpacesModule],
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
  exports: [PostsService],
})
export class PostsModule {}
