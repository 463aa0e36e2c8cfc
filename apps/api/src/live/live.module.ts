import { Global, Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { SpacesModule } from '../spaces/spaces.module';
import { LiveEventsService } from './live-events.service';
import { LiveGateway } from './live.gateway';

@Global()
@Module({
  imports: [SessionsModule, SpacesModule],
  providers: [LiveEventsService, LiveGateway],
  exports: [LiveEventsService],
})
export class LiveModule {}
