import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreatePostInput {
  @Field(() => ID)
  spaceId: string;

  @Field({ description: 'Markdown; raw HTML is shown as text.' })
  body: string;
}

@InputType()
export class AddCommentInput {
  @Field(() => ID, { description: 'What is commented on: a post.' })
  targetId: string;

  @Field({ description: 'Markdown; raw HTML is shown as text.' })
  body: string;

  @Field(() => ID, { nullable: true, description: 'The top-level comment this one answers.' })
  parentId?: string | null;
}
