import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A mail kept instead of sent (no SMTP_URL): staff copy the link from it. Staff only.' })
@Entity({ name: 'outbox_messages' })
export class OutboxMessage {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'to_address' })
  to: string;

  @Field()
  @Column()
  subject: string;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  link: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType()
export class OutboxEdge {
  @Field()
  cursor: string;

  @Field(() => OutboxMessage)
  node: OutboxMessage;
}

@ObjectType()
export class OutboxPageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class OutboxConnection {
  @Field(() => [OutboxEdge])
  edges: OutboxEdge[];

  @Field(() => OutboxPageInfo)
  pageInfo: OutboxPageInfo;
}
