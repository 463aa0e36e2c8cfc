import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { CommentsService } from './comments.service';
import { ContentLoaders, contentLoaders } from './content-loaders';
import { PostsService } from './posts.service';
import { ReactionsService } from './reactions.service';

/** Hands resolvers the loaders of their request. */
@Injectable()
export class ContentLoadersProvider {
  constructor(
    readonly dataSource: DataSource,
    readonly posts: PostsService,
    readonly comments: CommentsService,
    readonly reactions: ReactionsService,
  ) {}

  for(req: Request): ContentLoaders {
    return contentLoaders(req, this);
  }
}
