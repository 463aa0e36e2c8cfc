import { Module } from '@nestjs/common';
import { TimeSavedModule } from '../time-saved/time-saved.module';
import { CostsResolver } from './costs.resolver';
import { CostsService } from './costs.service';

@Module({
  imports: [TimeSavedModule],
  providers: [CostsService, CostsResolver],
  exports: [CostsService],
})
export class CostsModule {}
