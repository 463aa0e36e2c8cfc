import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentAccessRegistry } from '../attachments/attachment-access';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CommentsModule } from '../comments/comments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { ReactionsModule } from '../reactions/reactions.module';
import { ScopeRegistry } from '../scopes/scope-registry';
import { UsersModule } from '../users/users.module';
import { readableBriefIdsSql } from './brief-access';
import { BriefExportsController } from './brief-exports.controller';
import { BriefTransitionsResolver, BriefVersionsResolver } from './brief-history.resolver';
import { BriefLoaders } from './brief-loaders';
import { BriefsResolver } from './briefs.resolver';
import { BriefsService } from './briefs.service';
import { KpiActualsService } from './kpi-actuals.service';
import { KpiActualsResolver, KpisResolver } from './kpis.resolver';
import { PostLinkedBriefResolver } from './post-linked-brief.resolver';

@Module({
  imports: [AttachmentsModule, CommentsModule, NotificationsModule, PostsModule, ReactionsModule, UsersModule],
  controllers: [BriefExportsController],
  providers: [
    BriefsService,
    KpiActualsService,
    BriefLoaders,
    BriefsResolver,
    KpisResolver,
    KpiActualsResolver,
    BriefTransitionsResolver,
    BriefVersionsResolver,
    PostLinkedBriefResolver,
  ],
  exports: [BriefsService, KpiActualsService],
})
export class BriefsModule implements OnModuleInit {
  constructor(
    private readonly scopes: ScopeRegistry,
    private readonly access: AttachmentAccessRegistry,
    private readonly briefs: BriefsService,
  ) {}

  onModuleInit(): void {
    this.scopes.registerScope({ type: 'BRIEF', readableIdsSql: readableBriefIdsSql });
    // Notifications quote the title: escaped, since the column holds plain text and `html` is read as HTML.
    this.scopes.registerContent({
      type: 'BRIEF',
      scopeType: 'BRIEF',
      sourceSql: `select b.id, b.owner_id as author_id, b.id as scope_id,
                         replace(replace(replace(b.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') as html
                    from briefs b`,
    });
    // Files on a brief (and the evidence of its figures) are read by whoever reads the brief.
    this.access.register('BRIEF', {
      canRead: async (viewer, _type, id) => (await this.briefs.readableAmong(viewer.id, [id])).has(id),
    });
  }
}
