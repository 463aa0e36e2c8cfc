import { Global, Module } from '@nestjs/common';
import { ScopeRegistry } from './scope-registry';
import { TargetsService } from './targets.service';

/** Global: every module that owns content registers its scope and content kinds here. */
@Global()
@Module({
  providers: [ScopeRegistry, TargetsService],
  exports: [ScopeRegistry, TargetsService],
})
export class ScopesModule {}
