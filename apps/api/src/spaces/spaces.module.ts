import { Module, OnModuleInit } from '@nestjs/common';
import { ScopeRegistry } from '../scopes/scope-registry';
import { UsersModule } from '../users/users.module';
import { canReadSql } from './space-member.entity';
import { SpacesResolver } from './spaces.resolver';
import { SpacesService } from './spaces.service';

@Module({
  imports: [UsersModule],
  providers: [SpacesService, SpacesResolver],
  exports: [SpacesService],
})
export class SpacesModule implements OnModuleInit {
  constructor(private readonly scopes: ScopeRegistry) {}

  onModuleInit(): void {
    // Spaces are internal: only active staff read them, open ones all of them, private ones their members.
    this.scopes.registerScope({
      type: 'SPACE',
      readableIdsSql: (user) =>
        `select s.id from spaces s
          where ${canReadSql('s').replace(/:viewerId/g, user)}
            and exists (select 1 from users su where su.id = ${user} and su.active and su.role <> 'CUSTOMER')`,
    });
  }
}
