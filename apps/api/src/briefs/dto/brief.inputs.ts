import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import type { ActualSource, KpiDirection, KpiMetric } from '@atelier/domain';
import { MAX_ATTACHMENTS_PER_CONTENT } from '../../attachments/attachments.service';
import { ActualSourceEnum, BriefStatusEnum, KpiDirectionEnum, KpiMetricEnum } from '../brief.entity';

@InputType({ description: 'The brief’s fields. On update, a field left out is left unchanged.' })
export class BriefFieldsInput {
  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  campaignName?: string;

  @Field({ nullable: true, description: 'Markdown.' })
  context?: string;

  @Field({ nullable: true, description: 'Markdown.' })
  objective?: string;

  @Field({ nullable: true, description: 'Markdown.' })
  audience?: string;

  @Field({ nullable: true, description: 'Markdown.' })
  keyMessage?: string;

  @Field({ nullable: true, description: 'Markdown.' })
  deliverables?: string;

  @Field(() => Float, { nullable: true })
  budgetAmount?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217, e.g. EUR.' })
  budgetCurrency?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  endDate?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The whole list of channels (replaces the current one).' })
  channelIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description: `The brief's files: your own uploads (\`POST /uploads\`). On update, the whole list (omit it to keep the files): those left out are detached; the evidence of recorded figures stays attached whatever the list says. At most ${MAX_ATTACHMENTS_PER_CONTENT} files, evidence included.`,
  })
  attachmentIds?: string[];
}

@InputType()
export class CreateBriefInput extends BriefFieldsInput {
  @Field(() => ID)
  teamId: string;

  @Field(() => [KpiInputType], { nullable: true })
  kpis?: KpiInputType[];
}

@InputType()
export class KpiInputType {
  @Field(() => ID, {
    nullable: true,
    description: 'An existing KPI of the brief, to keep following it across versions.',
  })
  id?: string | null;

  @Field(() => KpiMetricEnum)
  metric: KpiMetric;

  @Field(() => String, { nullable: true })
  customName?: string | null;

  @Field(() => ID)
  channelId: string;

  @Field(() => Float, { nullable: true, description: 'Required; nullable only so a missing one gets a clear error.' })
  target?: number | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => KpiDirectionEnum)
  direction: KpiDirection;

  @Field(() => Float)
  weight: number;

  @Field(() => String, { nullable: true })
  dueDate?: string | null;
}

@InputType()
export class BriefFilter {
  @Field(() => BriefStatusEnum, { nullable: true })
  status?: string;

  @Field(() => ID, { nullable: true })
  teamId?: string;

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => ID, { nullable: true, description: 'Briefs running on this channel.' })
  channel?: string;

  @Field({ nullable: true, description: 'Words of the title or campaign name.' })
  search?: string;
}

@InputType()
export class RecordKpiActualInput {
  @Field(() => Float)
  value: number;

  @Field({ description: 'YYYY-MM-DD: first day the figure covers.' })
  periodFrom: string;

  @Field({ description: 'YYYY-MM-DD: last day (the same for a single date).' })
  periodTo: string;

  @Field(() => ActualSourceEnum)
  source: ActualSource;

  @Field(() => String, { nullable: true })
  evidenceUrl?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of your uploads, instead of or beside a link.' })
  evidenceAttachmentId?: string | null;
}

export const BRIEFS_MAX_PAGE = 50;
export const BriefsPageSize = Int;
