import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../users/users.module';
import { DemoService } from './demo.service';

@Module({
  imports: [UsersModule, TeamsModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
