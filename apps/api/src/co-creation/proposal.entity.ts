import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PROPOSAL_STATUSES, type ProposalStatus } from '@atelier/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CoCreationPageInfo } from './thread.entity';

export const ProposalStatusEnum = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, s])) as {
  [K in ProposalStatus]: K;
};
registerEnumType(ProposalStatusEnum, { name: 'ProposalStatus' });

export const PROPOSAL_ORDERS = ['NEWEST', 'MOST_VOTED', 'SHORTLISTED'] as const;
export type ProposalOrder = (typeof PROPOSAL_ORDERS)[number];
export const ProposalOrderEnum = Object.fromEntries(PROPOSAL_ORDERS.map((s) => [s, s])) as {
  [K in ProposalOrder]: K;
};
registerEnumType(ProposalOrderEnum, {
  name: 'ProposalOrder',
  description:
    'NEWEST first; MOST_VOTED first; SHORTLISTED: shortlisted ones first, then most voted (staff: customers get MOST_VOTED).',
});

@ObjectType()
@Entity({ name: 'proposals' })
export class Proposal {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Field()
  @Column()
  title: string;

  @Field({ description: 'Markdown source, as written.' })
  @Column({ type: 'text' })
  description: string;

  @Field({ description: 'Rendered, sanitised HTML.' })
  @Column({ name: 'description_html', type: 'text' })
  descriptionHtml: string;

  @Field(() => ProposalStatusEnum)
  @Column({ type: 'varchar' })
  status: ProposalStatus;

  @Column({ name: 'hidden_reason', type: 'text', nullable: true })
  hiddenReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The proposal this one was merged into.' })
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedInto: string | null;

  @Column()
  shortlisted: boolean;

  @Field(() => Int)
  @Column({ name: 'vote_count', type: 'int' })
  voteCount: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;
}

@Entity({ name: 'proposal_votes' })
export class ProposalVote {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'Staff only: never sent to a customer by any channel.' })
@Entity({ name: 'proposal_notes' })
export class StaffNote {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field()
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType()
export class ProposalImage {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Served by GET /files/:id to those who read the proposal.' })
  url: string;

  @Field(() => Int, { nullable: true })
  width: number | null;

  @Field(() => Int, { nullable: true })
  height: number | null;

  @Field()
  originalName: string;
}

@ObjectType()
export class ProposalEdge {
  @Field()
  cursor: string;

  @Field(() => Proposal)
  node: Proposal;
}

@ObjectType()
export class ProposalConnection {
  @Field(() => [ProposalEdge])
  edges: ProposalEdge[];

  @Field(() => CoCreationPageInfo)
  pageInfo: CoCreationPageInfo;
}
