import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreatePostInput {
  @Field(() => ID)
  spaceId: string;

  @Field({ description: 'Markdown; raw HTML is shown as text.' })
  body: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Up to 4 of your own uploads (`POST /uploads`) not attached to anything yet.',
  })
  attachmentIds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'A UUID the client generates to make a retry safe: sent again with the same id, the post is written once.',
  })
  id?: string | null;
}
