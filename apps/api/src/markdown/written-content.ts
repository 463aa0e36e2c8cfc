import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What every piece of written content has (posts, comments): an author, a Markdown body with its
 * sanitised HTML, and the dates of writing, editing and (soft) deletion. Entities extend it.
 */
@ObjectType({ isAbstract: true })
export abstract class WrittenContent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Field({ description: 'The Markdown source, as written (empty once deleted).' })
  @Column({ type: 'text' })
  body: string;

  @Field({ description: 'The body rendered to HTML on the server and sanitised: safe to insert as is.' })
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
