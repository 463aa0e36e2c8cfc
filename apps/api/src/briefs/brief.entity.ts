import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ACTUAL_SOURCES,
  ACTUAL_STATUSES,
  BRIEF_STATUSES,
  KPI_DIRECTIONS,
  KPI_METRICS,
  type ActualSource,
  type ActualStatus,
  type BriefSnapshot,
  type BriefStatus,
  type KpiDirection,
  type KpiMetric,
} from '@atelier/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from './numeric';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const BriefStatusEnum = enumOf(BRIEF_STATUSES);
export const KpiMetricEnum = enumOf(KPI_METRICS);
export const KpiDirectionEnum = enumOf(KPI_DIRECTIONS);
export const ActualSourceEnum = enumOf(ACTUAL_SOURCES);
export const ActualStatusEnum = enumOf(ACTUAL_STATUSES);
registerEnumType(BriefStatusEnum, { name: 'BriefStatus' });
registerEnumType(KpiMetricEnum, { name: 'KpiMetric' });
registerEnumType(KpiDirectionEnum, { name: 'KpiDirection', description: 'HIGHER: more is better; LOWER: less is.' });
registerEnumType(ActualSourceEnum, { name: 'ActualSource' });
registerEnumType(ActualStatusEnum, {
  name: 'ActualStatus',
  description: 'CLAIMED when recorded; a manager other than the recorder VERIFIES or REJECTS it.',
});

@ObjectType({ description: 'A campaign brief: what a campaign must achieve, agreed before it starts.' })
@Entity({ name: 'briefs' })
export class Brief {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column({ name: 'campaign_name' })
  campaignName: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @Field(() => BriefStatusEnum)
  @Column({ type: 'varchar' })
  status: BriefStatus;

  @Field({ description: 'Markdown.' })
  @Column({ type: 'text' })
  context: string;

  @Field({ description: 'Markdown.' })
  @Column({ type: 'text' })
  objective: string;

  @Field({ description: 'Markdown.' })
  @Column({ type: 'text' })
  audience: string;

  @Field({ description: 'Markdown.' })
  @Column({ name: 'key_message', type: 'text' })
  keyMessage: string;

  @Field({ description: 'Markdown.' })
  @Column({ type: 'text' })
  deliverables: string;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'budget_amount', type: 'numeric', nullable: true, transformer: numeric })
  budgetAmount: number | null;

  @Field({ description: 'ISO 4217.' })
  @Column({ name: 'budget_currency', type: 'char' })
  budgetCurrency: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => Int, { description: 'Number of the latest version; 0 until first submitted.' })
  @Column({ type: 'int' })
  version: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType()
@Entity({ name: 'brief_kpis' })
export class BriefKpi {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  briefId: string;

  @Column({ type: 'int' })
  position: number;

  @Field(() => KpiMetricEnum)
  @Column({ type: 'varchar' })
  metric: KpiMetric;

  @Field(() => String, { nullable: true, description: 'The name of a CUSTOM metric.' })
  @Column({ name: 'custom_name', type: 'varchar', nullable: true })
  customName: string | null;

  @Field(() => ID)
  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @Field(() => Float)
  @Column({ type: 'numeric', transformer: numeric })
  target: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  unit: string | null;

  @Field(() => KpiDirectionEnum)
  @Column({ type: 'varchar' })
  direction: KpiDirection;

  @Field(() => Float)
  @Column({ type: 'numeric', transformer: numeric })
  weight: number;

  @Field(() => String, { nullable: true })
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;
}

@ObjectType({ description: 'A figure recorded against a KPI, with its evidence and whether it was checked.' })
@Entity({ name: 'kpi_actuals' })
export class KpiActual {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'kpi_id', type: 'uuid' })
  kpiId: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  briefId: string;

  @Field(() => Float)
  @Column({ type: 'numeric', transformer: numeric })
  value: number;

  @Field()
  @Column({ name: 'period_from', type: 'date' })
  periodFrom: string;

  @Field()
  @Column({ name: 'period_to', type: 'date' })
  periodTo: string;

  @Field(() => ActualSourceEnum)
  @Column({ type: 'varchar' })
  source: ActualSource;

  @Field(() => String, { nullable: true })
  @Column({ name: 'evidence_url', type: 'varchar', nullable: true })
  evidenceUrl: string | null;

  @Field(() => ID, { nullable: true, description: 'An uploaded file (GET /files/:id).' })
  @Column({ name: 'evidence_attachment_id', type: 'uuid', nullable: true })
  evidenceAttachmentId: string | null;

  @Field(() => ActualStatusEnum)
  @Column({ type: 'varchar' })
  status: ActualStatus;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @Field()
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;
}

@ObjectType('BriefTransition', {
  description: 'One step of the workflow: who moved the brief, when, from what to what, and why.',
})
@Entity({ name: 'brief_transitions' })
export class BriefTransitionRow {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  briefId: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Field(() => BriefStatusEnum, { nullable: true, description: 'Null for the creation.' })
  @Column({ name: 'from_status', type: 'varchar', nullable: true })
  fromStatus: BriefStatus | null;

  @Field(() => BriefStatusEnum)
  @Column({ name: 'to_status', type: 'varchar' })
  toStatus: BriefStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({
  description: 'A numbered, frozen copy of the brief: made at each submission and each edit after approval.',
})
@Entity({ name: 'brief_versions' })
export class BriefVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  briefId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  number: number;

  @Field({ description: 'SUBMITTED or EDITED (after approval).' })
  @Column({ type: 'varchar' })
  cause: string;

  @Column({ type: 'jsonb' })
  snapshot: BriefSnapshot;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
