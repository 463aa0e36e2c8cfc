import { Module } from '@nestjs/common';
import { CompanyClock } from './clock';
import { CommentTimeSavedResolver, PostTimeSavedResolver } from './content-time-saved.resolver';
import { TimeSavedAccess } from './time-saved-access';
import { TimeSavedLoaders } from './time-saved-loaders';
import { TimeSavedResolver } from './time-saved.resolver';
import { TimeSavedService } from './time-saved.service';

@Module({
  providers: [
    CompanyClock,
    TimeSavedAccess,
    TimeSavedService,
    TimeSavedLoaders,
    TimeSavedResolver,
    PostTimeSavedResolver,
    CommentTimeSavedResolver,
  ],
  exports: [CompanyClock, TimeSavedAccess, TimeSavedService],
})
export class TimeSavedModule {}
