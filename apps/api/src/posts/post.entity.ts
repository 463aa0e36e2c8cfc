import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { WrittenContent } from '../markdown/written-content';

@ObjectType()
@Entity({ name: 'posts' })
export class Post extends WrittenContent {
  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Field()
  @Column()
  pinned: boolean;

  /** Set when the post shares a brief (see briefs/post-linked-brief.resolver.ts). */
  @Column({ name: 'linked_brief_id', type: 'uuid', nullable: true })
  linkedBriefId: string | null;
}

@ObjectType({ description: 'A former version of a post, kept when its author edits it.' })
@Entity({ name: 'post_revisions' })
export class PostRevision {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field()
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Field({ description: 'When this version was written (the post creation or a former edit).' })
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
