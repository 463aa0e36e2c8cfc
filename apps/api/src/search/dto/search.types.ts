import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../feed/feed.types';
import { Comment } from '../../posts/comment.entity';
import { Post } from '../../posts/post.entity';
import { SEARCH_DOCUMENT_TYPES, type SearchDocumentType } from '../search-document.entity';

export const SearchResultTypeEnum = Object.fromEntries(SEARCH_DOCUMENT_TYPES.map((type) => [type, type])) as {
  [K in SearchDocumentType]: K;
};
registerEnumType(SearchResultTypeEnum, {
  name: 'SearchResultType',
  description: 'POST: a post; COMMENT: a comment (or reply) on a post.',
});

@ObjectType({ description: 'One search result: a post, or a comment with the post it is on.' })
export class SearchResult {
  @Field(() => ID, { description: 'The id of the post or comment found.' })
  id: string;

  @Field(() => SearchResultTypeEnum)
  type: SearchDocumentType;

  @Field({
    description:
      'A passage of the text around the matches, which are wrapped in <mark>. Safe HTML: everything else is escaped text.',
  })
  excerpt: string;

  @Field({ description: 'When the post or comment was written.' })
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
