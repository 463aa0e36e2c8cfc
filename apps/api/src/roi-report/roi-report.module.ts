import { Module } from '@nestjs/common';
import { BriefsModule } from '../briefs/briefs.module';
import { CostsModule } from '../costs/costs.module';
import { TimeSavedModule } from '../time-saved/time-saved.module';
import { ExportsController } from './exports.controller';
import { RoiReportRepository } from './roi-report.repository';
import { RoiReportResolver } from './roi-report.resolver';
import { RoiReportService } from './roi-report.service';

@Module({
  imports: [TimeSavedModule, CostsModule, BriefsModule],
  providers: [RoiReportRepository, RoiReportService, RoiReportResolver],
  controllers: [ExportsController],
})
export class RoiReportModule {}
