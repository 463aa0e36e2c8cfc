import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, ManyToMany, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';
import type { User } from '../users/user.entity';

@ObjectType()
@Entity({ name: 'teams' })
export class Team {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Field(() => Int)
  @VirtualColumn({
    type: 'int',
    query: (alias) => `select count(*) from team_members tm where tm.team_id = ${alias}.id`,
  })
  memberCount: number;

  @ManyToMany('User', 'teams')
  members: User[];

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
