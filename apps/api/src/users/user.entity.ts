import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LOCALES, type Locale, ROLES, type Role } from '@atelier/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Team } from '../teams/team.entity';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [K in Role]: K };
export const LocaleEnum = Object.fromEntries(LOCALES.map((locale) => [locale, locale])) as { [K in Locale]: K };
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(LocaleEnum, { name: 'Locale' });

@ObjectType()
@Entity({ name: 'users' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * Stored lower-cased; unique whatever the case it was typed in. Nullable in GraphQL: a customer
   * looking at someone else gets null (see UserPrivacyResolver).
   */
  @Field(() => String, { nullable: true })
  @Column()
  email: string;

  @Field()
  @Column({ name: 'display_name' })
  displayName: string;

  @Field(() => RoleEnum)
  @Column({ type: 'varchar' })
  role: Role;

  @Field(() => LocaleEnum)
  @Column({ type: 'varchar' })
  locale: Locale;

  @Field()
  @Column()
  active: boolean;

  /** argon2id; never exposed through GraphQL. */
  @Column({ name: 'password_hash' })
  passwordHash: string;

  @Field(() => [Team])
  @ManyToMany(() => Team, (team) => team.members)
  @JoinTable({ name: 'team_members', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'team_id' } })
  teams: Team[];

  /**
   * Set instead of `teams` by the plain-SQL reads (the session, UserLoaders): the `teams` field
   * loads them by id only when a query asks. Not a column.
   */
  teamIds?: string[];

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
