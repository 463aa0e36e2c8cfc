import { Module } from '@nestjs/common';
import { BriefsModule } from '../briefs/briefs.module';
import { CoCreationModule } from '../co-creation/co-creation.module';
import { CommentsModule } from '../comments/comments.module';
import { PostsModule } from '../posts/posts.module';
import { ReactionsModule } from '../reactions/reactions.module';
import { SpacesModule } from '../spaces/spaces.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoBriefs } from './demo-briefs';
import { DemoCoCreation } from './demo-co-creation';
import { DemoTimeSaved } from './demo-time-saved';
import { TimeSavedModule } from '../time-saved/time-saved.module';
import { CostsModule } from '../costs/costs.module';
import { DemoService } from './demo.service';

@Module({
  imports: [
    TimeSavedModule,
    CostsModule,
    CoCreationModule,
    BriefsModule,
    UsersModule,
    TeamsModule,
    SpacesModule,
    PostsModule,
    CommentsModule,
    ReactionsModule,
  ],
  providers: [DemoService, DemoCoCreation, DemoTimeSaved, DemoBriefs],
  exports: [DemoService],
})
export class DemoModule {}
