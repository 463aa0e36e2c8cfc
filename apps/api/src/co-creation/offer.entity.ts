import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OFFER_STATUSES, type OfferStatus } from '@atelier/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const OfferStatusEnum = Object.fromEntries(OFFER_STATUSES.map((s) => [s, s])) as { [K in OfferStatus]: K };
registerEnumType(OfferStatusEnum, {
  name: 'OfferStatus',
  description:
    'DRAFT → APPROVED (a manager) → PUBLISHED (customers see it) → WITHDRAWN. Editing an APPROVED offer returns it to DRAFT.',
});

/** numeric columns come back from pg as strings. */
const numeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@ObjectType()
@Entity({ name: 'offers' })
export class Offer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field()
  @Column({ name: 'description_html', type: 'text' })
  descriptionHtml: string;

  @Field({ description: 'Terms and conditions, plain text.' })
  @Column({ type: 'text' })
  terms: string;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  price: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'discount_percent', type: 'numeric', nullable: true, transformer: numeric })
  discountPercent: number | null;

  @Field()
  @Column({ type: 'char', length: 3 })
  currency: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Field(() => OfferStatusEnum)
  @Column({ type: 'varchar' })
  status: OfferStatus;

  @Column({ name: 'brief_id', type: 'uuid', nullable: true })
  briefId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'offer_proposals' })
export class OfferProposal {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;
}

@Entity({ name: 'offer_credits' })
export class OfferCredit {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'int' })
  position: number;
}

@ObjectType({ description: 'Staff only: the offer as it stood at a change once approved.' })
@Entity({ name: 'offer_versions' })
export class OfferVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  version: number;

  @Field(() => OfferStatusEnum)
  @Column({ type: 'varchar' })
  status: OfferStatus;

  @Column({ name: 'snapshot', type: 'jsonb' })
  data: Record<string, string | number | string[] | null>;

  @Field({ description: 'JSON of title, description, terms, price, discount, currency, dates, proposals, credits.' })
  get snapshot(): string {
    return JSON.stringify(this.data);
  }

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
