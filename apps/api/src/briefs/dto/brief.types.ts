import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { BriefStatusEnum, KpiMetricEnum } from '../brief.entity';
import { Brief } from '../brief.entity';
import { Channel } from '../../channels/channel.entity';
import { PageInfo } from '../../feed/feed.types';
import { PostAttachment } from '../../posts/post-attachment.type';
import type { BriefStatus, KpiMetric } from '@atelier/domain';

@ObjectType({ description: 'The Markdown sections rendered to sanitised HTML: safe to insert as is.' })
export class BriefHtml {
  @Field() context: string;
  @Field() objective: string;
  @Field() audience: string;
  @Field() keyMessage: string;
  @Field() deliverables: string;
}

@ObjectType({ description: 'What the viewer may do with the brief now (the web shows only those actions).' })
export class BriefPermissions {
  @Field() edit: boolean;
  @Field() submit: boolean;
  @Field() review: boolean;
  @Field() launch: boolean;
  @Field() close: boolean;
  @Field() recordActuals: boolean;
  @Field() verifyActuals: boolean;
  @Field({ description: 'Change KPI targets (after approval: managers only).' }) changeTargets: boolean;
}

@ObjectType({ description: 'Return on objective of one KPI. Attainment 1 = target met; uncapped here.' })
export class KpiResultType {
  @Field(() => Float, { nullable: true, description: 'The latest verified value.' }) verifiedValue: number | null;
  @Field(() => Float, { nullable: true, description: 'verified / target (target / verified if lower is better).' })
  attainment: number | null;
  @Field(() => Float, { nullable: true, description: 'Capped at 1.5, as the score uses it.' })
  cappedAttainment: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'The latest unchecked claim, when it differs from the verified value.',
  })
  claimedValue: number | null;
  @Field(() => Float, { nullable: true, description: 'claimed − verified.' }) gap: number | null;
}

@ObjectType()
export class BriefScore {
  @Field(() => Float, {
    nullable: true,
    description: 'Weighted mean of the capped attainments of the KPIs with a verified value; null if none.',
  })
  score: number | null;
  @Field(() => Int) kpiCount: number;
  @Field(() => Int) verifiedCount: number;
}

@ObjectType()
export class BriefEdge {
  @Field() cursor: string;
  @Field(() => Brief) node: Brief;
}

@ObjectType()
export class BriefConnection {
  @Field(() => [BriefEdge]) edges: BriefEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType()
export class TextPartType {
  @Field() value: string;
  @Field() added: boolean;
  @Field() removed: boolean;
}

@ObjectType()
export class FieldChangeType {
  @Field() field: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
  @Field(() => [TextPartType], { description: 'Word by word, for text fields.' }) parts: TextPartType[];
}

@ObjectType()
export class KpiChangeType {
  @Field(() => ID) kpiId: string;
  @Field({ description: 'ADDED, REMOVED or CHANGED.' }) change: string;
  @Field(() => KpiMetricEnum) metric: KpiMetric;
  @Field(() => String, { nullable: true }) customName: string | null;
  @Field(() => [FieldChangeType]) fields: FieldChangeType[];
  @Field({ description: 'The target (or its direction) moved: shown prominently.' }) targetChanged: boolean;
}

@ObjectType()
export class BriefDiffType {
  @Field(() => Int) fromVersion: number;
  @Field(() => Int) toVersion: number;
  @Field(() => [FieldChangeType]) fields: FieldChangeType[];
  @Field(() => [ID]) channelsAdded: string[];
  @Field(() => [ID]) channelsRemoved: string[];
  @Field(() => [KpiChangeType]) kpis: KpiChangeType[];
}

@ObjectType({ description: 'The brief a shared post links to; its content only for those who may read it.' })
export class LinkedBrief {
  @Field(() => ID) id: string;
  @Field() readable: boolean;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => BriefStatusEnum, { nullable: true }) status: BriefStatus | null;
}

@ObjectType({ description: 'A KPI of the scorecard: its target against its latest verified value.' })
export class ScorecardKpi {
  @Field(() => ID) kpiId: string;
  @Field(() => ID) briefId: string;
  @Field() briefTitle: string;
  @Field(() => KpiMetricEnum) metric: KpiMetric;
  @Field(() => String, { nullable: true }) customName: string | null;
  @Field(() => Float) target: number;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field() direction: string;
  @Field(() => Float) weight: number;
  @Field(() => Float, { nullable: true }) verifiedValue: number | null;
  @Field(() => Float, { nullable: true }) attainment: number | null;
}

@ObjectType()
export class ChannelScoreType {
  @Field(() => Channel) channel: Channel;
  @Field(() => Float, { nullable: true }) score: number | null;
  @Field(() => Int) kpiCount: number;
  @Field(() => Int) verifiedCount: number;
  @Field(() => Int) briefCount: number;
  @Field(() => Float, {
    description: 'Budget given to the channel: each brief’s budget split evenly across its channels.',
  })
  budget: number;
  @Field(() => Float, { nullable: true }) budgetShare: number | null;
  @Field(() => [ScorecardKpi]) kpis: ScorecardKpi[];
}

@ObjectType()
export class ChannelScorecard {
  @Field() from: string;
  @Field() to: string;
  @Field({ description: 'Budgets are added up in this currency only.' }) currency: string;
  @Field(() => [ChannelScoreType]) rows: ChannelScoreType[];
}

/** The same fields as a post's files: one shape for the web's file lists, whatever they are attached to. */
@ObjectType({
  description:
    'A file attached to a brief (its own files and the evidence of recorded figures), served at `url` to whoever may read the brief.',
})
export class BriefAttachment extends PostAttachment {}
