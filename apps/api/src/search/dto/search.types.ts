import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../feed/feed.types';
import { Comment } from '../../comments/comment.entity';
import { Post } from '../../posts/post.entity';

@ObjectType({
  description: 'One search result: a post, a brief, a proposal… or a comment with what it is on.',
})
export class SearchResult {
  @Field(() => ID, { description: 'The id of the content or comment found.' })
  id: string;

  @Field({ description: '`COMMENT`, or the kind of content: `POST`, `BRIEF`, `PROPOSAL`, `OFFER`…' })
  type: string;

  @Field(() => String, {
    nullable: true,
    description: 'The title of the content found, or of what the comment is on (null for posts).',
  })
  title: string | null;

  @Field({ description: 'The kind of content to open: the result itself, or what the comment is on.' })
  rootType: string;

  @Field(() => ID, { description: 'The content to open.' })
  rootId: string;

  @Field({ description: '`SPACE`, `BRIEF` or `THREAD`: where the content lives.' })
  scopeType: string;

  @Field(() => ID)
  scopeId: string;

  @Field({
    description:
      'A passage of the text around the matches, which are wrapped in <mark>. Safe HTML: everything else is escaped text.',
  })
  excerpt: string;

  @Field({ description: 'When the content or comment was written.' })
  createdAt: Date;

  @Field(() => Post, {
    nullable: true,
    description: 'The post found, or the post the comment is on (null for kinds of content other than posts).',
  })
  post: Post | null;

  @Field(() => Comment, { nullable: true, description: 'The comment found, for a COMMENT.' })
  comment: Comment | null;

  /** The space the result is in, resolved per request. */
  spaceId: string | null;
}

@ObjectType()
export class SearchResultEdge {
  @Field({ description: 'Opaque: pass it as `after` to get the results that follow.' })
  cursor: string;

  @Field(() => SearchResult)
  node: SearchResult;
}

@ObjectType({ description: 'Search results, best first.' })
export class SearchConnection {
  @Field(() => [SearchResultEdge])
  edges: SearchResultEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
