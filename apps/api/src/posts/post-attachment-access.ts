import { Injectable, OnModuleInit } from '@nestjs/common';
import { AttachmentAccessRegistry } from '../attachments/attachment-access';
import { PostsService } from './posts.service';

/** A file attached to a post is served to whoever may read the post, and to nobody else. */
@Injectable()
export class PostAttachmentAccess implements OnModuleInit {
  constructor(
    private readonly registry: AttachmentAccessRegistry,
    private readonly posts: PostsService,
  ) {}

  onModuleInit(): void {
    this.registry.register('POST', { canRead: (viewer, _type, postId) => this.posts.canRead(viewer, postId) });
  }
}
