import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { PeriodPreset } from '@atelier/domain';
import { Allow } from '../common/allow.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { User } from '../users/user.entity';
import { RoiReportService } from './roi-report.service';
import { PeriodPresetEnum, RoiReport } from './roi-report.types';

@Resolver()
export class RoiReportResolver {
  constructor(private readonly reports: RoiReportService) {}

  @Allow('roi.read')
  @Query(() => RoiReport, {
    description:
      'Managers: the teams they belong to (teamId among them; none: all of them). Admins: everything. ' +
      'from/to (YYYY-MM-DD, included) win over preset; with neither, the current month.',
  })
  roiReport(
    @Args('from', { type: () => String, nullable: true }) from: string | null,
    @Args('to', { type: () => String, nullable: true }) to: string | null,
    @Args('preset', { type: () => PeriodPresetEnum, nullable: true }) preset: PeriodPreset | null,
    @Args('teamId', { type: () => ID, nullable: true }) teamId: string | null,
    @CurrentUser() user: User,
  ): Promise<RoiReport> {
    return this.reports.report(actorOf(user)!, { from, to, preset, teamId });
  }
}
