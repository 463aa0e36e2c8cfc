import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsModule } from '../sessions/sessions.module';
import { User } from './user.entity';
import { UserLoaders } from './user-loaders';
import { UserPrivacyResolver } from './user-privacy.resolver';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), SessionsModule],
  providers: [UsersService, UserLoaders, UsersResolver, UserPrivacyResolver],
  exports: [UsersService, UserLoaders],
})
export class UsersModule {}
