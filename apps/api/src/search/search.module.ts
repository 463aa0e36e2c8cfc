import { Module } from '@nestjs/common';
import { SpacesModule } from '../spaces/spaces.module';
import { SearchRepository } from './search.repository';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/**
 * Full-text search over posts and comments (briefs and co-creation content later), through one
 * table of search documents that database triggers keep (migrations/1763930000000-search.ts).
 */
@Module({
  imports: [SpacesModule],
  providers: [SearchRepository, SearchService, SearchResolver],
})
export class SearchModule {}
