import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'Where a campaign runs and a KPI is measured: web site, dealers, press…' })
@Entity({ name: 'channels' })
export class Channel {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Stable code of the channels every workspace starts with (the web translates it); null for added ones.',
  })
  @Column({ type: 'varchar', nullable: true })
  code: string | null;

  @Field({ description: 'The name an admin gave it (for seeded channels, the French label).' })
  @Column()
  name: string;

  /** The seeded channels' order; added ones have none and follow. */
  @Column({ type: 'int', nullable: true })
  position: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
