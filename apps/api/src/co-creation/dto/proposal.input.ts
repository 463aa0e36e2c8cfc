import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class SubmitProposalInput {
  @Field()
  title: string;

  @Field({ description: 'Markdown.' })
  description: string;

  @Field(() => [ID], { defaultValue: [], description: 'Images uploaded through POST /uploads, at most 4.' })
  imageIds: string[];
}

@InputType({ description: 'The whole proposal as it should be; images left out are detached.' })
export class EditProposalInput {
  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => [ID], { defaultValue: [] })
  imageIds: string[];
}
