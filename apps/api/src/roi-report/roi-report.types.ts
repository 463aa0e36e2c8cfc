import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PERIOD_PRESETS, type PeriodPreset } from '@atelier/domain';

export const PeriodPresetEnum = Object.fromEntries(PERIOD_PRESETS.map((p) => [p, p])) as { [K in PeriodPreset]: K };
registerEnumType(PeriodPresetEnum, { name: 'PeriodPreset' });

@ObjectType({ description: 'The headline figures; every amount in the report currency.' })
export class RoiFiguresType {
  @Field(() => Int)
  minutes: number;

  @Field(() => Float)
  hours: number;

  @Field(() => Float, { description: 'Σ minutes / 60 × the hourly cost in force for the team on the entry date.' })
  value: number;

  @Field(() => Int, { description: 'Minutes dated before any hourly cost was set: counted in hours, not in value.' })
  unpricedMinutes: number;

  @Field(() => Float, { description: 'Σ over the days of the period of (monthly cost in force / days in that month).' })
  platformCost: number;

  @Field(() => Float)
  netBenefit: number;

  @Field(() => Float, { nullable: true, description: '(value − cost) / cost × 100; null without cost.' })
  roiPercent: number | null;

  @Field(() => Float, { nullable: true, description: 'Days of such value needed to pay the period cost.' })
  paybackDays: number | null;

  @Field(() => Int)
  entries: number;

  @Field(() => Int)
  peopleLogging: number;

  @Field(() => Int)
  activeStaff: number;

  @Field(() => Float, { nullable: true, description: 'peopleLogging / activeStaff, 0 to 1.' })
  adoptionRate: number | null;
}

@ObjectType()
export class RoiWeek {
  @Field()
  weekStart: string;

  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => Int)
  minutes: number;

  @Field(() => Float)
  hours: number;

  @Field(() => Float)
  value: number;

  @Field(() => Float)
  platformCost: number;

  @Field(() => Int)
  people: number;
}

@ObjectType()
export class RoiBreakdownRow {
  @Field({ description: 'A category, a content kind (NONE: not linked to content) or a team id (NONE: no team).' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The team name, for the team breakdown.' })
  label: string | null;

  @Field(() => Int)
  minutes: number;

  @Field(() => Float)
  hours: number;

  @Field(() => Float, { nullable: true, description: 'For the team breakdown: the value at the team rates.' })
  value: number | null;

  @Field(() => Int)
  entries: number;

  @Field(() => Int)
  people: number;
}

@ObjectType()
export class RoiContent {
  @Field()
  contentType: string;

  @Field(() => ID)
  contentId: string;

  @Field(() => String, { nullable: true, description: 'What a link opens; null when the viewer cannot read it.' })
  rootType: string | null;

  @Field(() => ID, { nullable: true })
  rootId: string | null;

  @Field(() => String, { nullable: true, description: 'null when the viewer cannot read the content.' })
  excerpt: string | null;

  @Field(() => Int)
  minutes: number;

  @Field(() => Int)
  people: number;
}

@ObjectType()
export class RoiContributor {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field(() => Int)
  minutes: number;

  @Field(() => Int)
  entries: number;
}

@ObjectType()
export class RoiAdoptionWeek {
  @Field()
  weekStart: string;

  @Field(() => Int, { description: 'People who posted, commented, proposed or logged time that week.' })
  activePeople: number;

  @Field(() => Int)
  posts: number;

  @Field(() => Int)
  comments: number;

  @Field(() => Int, { description: 'Co-creation proposals submitted, by customers too.' })
  proposals: number;
}

@ObjectType({ description: 'A brief live at some time during the period, with its return on objective.' })
export class RoiBrief {
  @Field(() => ID)
  briefId: string;

  @Field()
  title: string;

  @Field({ description: 'LIVE or CLOSED.' })
  status: string;

  @Field(() => ID)
  teamId: string;

  @Field()
  teamName: string;

  @Field({ description: 'The day it went live (company time zone).' })
  liveFrom: string;

  @Field(() => String, { nullable: true, description: 'The day it closed; null while live.' })
  closedOn: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Weighted mean of the KPIs’ verified attainments, each capped at 150% (libs/domain briefs/roo.ts); null when no KPI has a verified figure.',
  })
  score: number | null;

  @Field(() => Int)
  kpiCount: number;

  @Field(() => Int, { description: 'KPIs with a verified figure.' })
  verifiedCount: number;
}

@ObjectType({ description: 'The return on investment of the network for a period, from the time it saved.' })
export class RoiReport {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => ID, { nullable: true })
  teamId: string | null;

  @Field({ description: 'ISO 4217.' })
  currency: string;

  @Field({ description: 'The company time zone dates are cut in.' })
  timeZone: string;

  @Field(() => Float, { description: 'The part of the platform cost this report carries (1: all of it).' })
  costShare: number;

  @Field(() => RoiFiguresType)
  figures: RoiFiguresType;

  @Field(() => [RoiWeek])
  weekly: RoiWeek[];

  @Field(() => [RoiBreakdownRow])
  byCategory: RoiBreakdownRow[];

  @Field(() => [RoiBreakdownRow])
  byContentType: RoiBreakdownRow[];

  @Field(() => [RoiBreakdownRow])
  byTeam: RoiBreakdownRow[];

  @Field(() => [RoiContent])
  topContent: RoiContent[];

  @Field(() => [RoiContributor])
  topContributors: RoiContributor[];

  @Field(() => [RoiAdoptionWeek])
  adoption: RoiAdoptionWeek[];

  @Field(() => [RoiBrief], {
    description: 'Briefs live during the period, of the teams in the report, with their return on objective.',
  })
  briefs: RoiBrief[];
}
