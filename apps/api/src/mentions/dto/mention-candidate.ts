import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Someone the composer may mention: they read the space the text is written in.' })
export class MentionCandidate {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field({ description: 'What follows the @ of a mention: the part of their e-mail before the @, lower-cased.' })
  handle: string;
}
