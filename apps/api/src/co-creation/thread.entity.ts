import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { THREAD_STATUSES, type ThreadStatus } from '@atelier/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ThreadStatusEnum = Object.fromEntries(THREAD_STATUSES.map((s) => [s, s])) as {
  [K in ThreadStatus]: K;
};
registerEnumType(ThreadStatusEnum, {
  name: 'ThreadStatus',
  description:
    'DRAFT: staff only. OPEN: customers propose and edit their proposals. VOTING (from closesAt): customers vote. CLOSED (from votingEndsAt, or by staff): read only.',
});

@ObjectType({ description: 'The only person type customers receive: no e-mail, no role beyond isStaff, no teams.' })
export class Participant {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  isStaff: boolean;
}

@ObjectType()
export class ThreadBriefLink {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;
}

@ObjectType('CoCreationThread')
@Entity({ name: 'co_creation_threads' })
export class CoCreationThread {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  title: string;

  @Field({ description: 'Markdown source.' })
  @Column({ type: 'text' })
  question: string;

  @Field({ description: 'Rendered, sanitised HTML.' })
  @Column({ name: 'question_html', type: 'text' })
  questionHtml: string;

  @Field()
  @Column({ type: 'text' })
  rules: string;

  @Field()
  @Column({ name: 'rules_html', type: 'text' })
  rulesHtml: string;

  /** As stored; the GraphQL field answers the status the dates give it now (threadStatusAt). */
  @Column({ type: 'varchar' })
  status: ThreadStatus;

  @Field()
  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Field({ description: 'End of proposals: an OPEN thread moves to VOTING then.' })
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Field(() => Date, { nullable: true, description: 'End of voting: a VOTING thread is CLOSED then.' })
  @Column({ name: 'voting_ends_at', type: 'timestamptz', nullable: true })
  votingEndsAt: Date | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'brief_id', type: 'uuid', nullable: true })
  briefId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'thread_runners' })
export class ThreadRunner {
  @PrimaryColumn({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;
}

@ObjectType()
export class ThreadEdge {
  @Field()
  cursor: string;

  @Field(() => CoCreationThread)
  node: CoCreationThread;
}

@ObjectType()
export class CoCreationPageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class ThreadConnection {
  @Field(() => [ThreadEdge])
  edges: ThreadEdge[];

  @Field(() => CoCreationPageInfo)
  pageInfo: CoCreationPageInfo;
}

@ObjectType({ description: 'Staff only.' })
export class ThreadParticipation {
  @Field()
  invited: number;

  @Field()
  accepted: number;

  @Field({ description: 'Customers who proposed, voted, commented or reacted in the thread in the last 7 days.' })
  activeLast7Days: number;

  @Field()
  proposals: number;

  @Field()
  comments: number;

  @Field()
  votes: number;

  @Field(() => Number, { nullable: true, description: 'From the opening to the first published offer.' })
  hoursToFirstPublishedOffer: number | null;
}
