import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CommentsModule } from '../comments/comments.module';
import { MentionsModule } from '../mentions/mentions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReactionsModule } from '../reactions/reactions.module';
import { ScopeRegistry } from '../scopes/scope-registry';
import { SpacesModule } from '../spaces/spaces.module';
import { UsersModule } from '../users/users.module';
import { PostAttachmentAccess } from './post-attachment-access';
import { PostLoaders } from './post-loaders';
import { PostsResolver } from './posts.resolver';
import { PostsService } from './posts.service';

@Module({
  imports: [
    SpacesModule,
    MentionsModule,
    NotificationsModule,
    AttachmentsModule,
    CommentsModule,
    ReactionsModule,
    UsersModule,
  ],
  providers: [PostsService, PostLoaders, PostAttachmentAccess, PostsResolver],
  exports: [PostsService, PostLoaders],
})
export class PostsModule implements OnModuleInit {
  constructor(private readonly scopes: ScopeRegistry) {}

  onModuleInit(): void {
    this.scopes.registerContent({
      type: 'POST',
      scopeType: 'SPACE',
      sourceSql: `select id, author_id, space_id as scope_id, body_html as html from posts where deleted_at is null`,
    });
  }
}
