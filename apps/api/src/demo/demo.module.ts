import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { SpacesModule } from '../spaces/spaces.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoService } from './demo.service';

@Module({
  imports: [UsersModule, TeamsModule, SpacesModule, PostsModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
