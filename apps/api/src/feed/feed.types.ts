import { Field, ObjectType } from '@nestjs/graphql';
import { Post } from '../posts/post.entity';

@ObjectType()
export class PostEdge {
  @Field({ description: 'Opaque: pass it as `after` to get the posts that follow.' })
  cursor: string;

  @Field(() => Post)
  node: Post;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class PostConnection {
  @Field(() => [PostEdge])
  edges: PostEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
