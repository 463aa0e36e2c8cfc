import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  TIME_SAVED_CATEGORIES,
  TIME_SAVED_CONTENT_TYPES,
  type TimeSavedCategory,
  type TimeSavedContentType,
} from '@atelier/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TimeSavedCategoryEnum = Object.fromEntries(TIME_SAVED_CATEGORIES.map((c) => [c, c])) as {
  [K in TimeSavedCategory]: K;
};
export const TimeSavedContentTypeEnum = Object.fromEntries(TIME_SAVED_CONTENT_TYPES.map((c) => [c, c])) as {
  [K in TimeSavedContentType]: K;
};
registerEnumType(TimeSavedCategoryEnum, { name: 'TimeSavedCategory' });
registerEnumType(TimeSavedContentTypeEnum, { name: 'TimeSavedContentType' });

@ObjectType({ description: 'Minutes a person saved thanks to the network, on one day.' })
@Entity({ name: 'time_saved_entries' })
export class TimeSavedEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Field({ description: 'A calendar date (YYYY-MM-DD) in the company time zone.' })
  @Column({ name: 'entry_date', type: 'date' })
  date: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  minutes: number;

  @Field(() => TimeSavedCategoryEnum)
  @Column({ type: 'varchar' })
  category: TimeSavedCategory;

  @Field()
  @Column({ type: 'text' })
  note: string;

  @Field(() => TimeSavedContentTypeEnum, { nullable: true })
  @Column({ name: 'content_type', type: 'varchar', nullable: true })
  contentType: TimeSavedContentType | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'content_id', type: 'uuid', nullable: true })
  contentId: string | null;

  @Column({ name: 'content_author_id', type: 'uuid', nullable: true })
  contentAuthorId: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity({ name: 'time_saved_preferences' })
export class TimeSavedPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'default_minutes', type: 'int' })
  defaultMinutes: number;

  @Column({ name: 'default_category', type: 'varchar' })
  defaultCategory: TimeSavedCategory;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
