import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddCommentInput {
  @Field(() => ID, { description: 'What is commented on: a post, a brief, a proposal, an offer.' })
  targetId: string;

  @Field({ description: 'Markdown; raw HTML is shown as text.' })
  body: string;

  @Field(() => ID, { nullable: true, description: 'The top-level comment this one answers.' })
  parentId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'A UUID the client generates to make a retry safe: sent again with the same id, the comment is written once.',
  })
  id?: string | null;
}
