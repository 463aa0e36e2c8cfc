import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** numeric comes back from pg as a string; amounts are at most 12 digits with cents, exact in a double. */
const amount = { to: (value: number) => value, from: (value: string) => Number(value) };

@ObjectType({ description: 'A loaded hourly cost, for one team or the default, from a date. Rows are never changed.' })
@Entity({ name: 'hourly_costs' })
export class HourlyCost {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true, description: 'null: the default rate.' })
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Field(() => Float)
  @Column({ type: 'numeric', transformer: amount })
  amount: number;

  @Field({ description: 'YYYY-MM-DD: the rate applies to entries dated from then on.' })
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: "The platform's monthly cost (licences, hosting, administration time) from a date." })
@Entity({ name: 'platform_costs' })
export class PlatformCost {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Float)
  @Column({ name: 'monthly_amount', type: 'numeric', transformer: amount })
  monthlyAmount: number;

  @Field()
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'cost_currencies' })
export class CostCurrency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  code: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
