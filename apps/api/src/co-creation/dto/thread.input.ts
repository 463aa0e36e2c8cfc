import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class CreateCoCreationThreadInput {
  @Field()
  title: string;

  @Field({ description: 'The question or challenge, Markdown.' })
  question: string;

  @Field({ defaultValue: '', description: 'Markdown.' })
  rules: string;

  @Field()
  opensAt: Date;

  @Field({ description: 'End of proposals: the thread moves to VOTING then.' })
  closesAt: Date;

  @Field(() => Date, { nullable: true, description: 'End of voting: the thread is CLOSED then. Null: staff close it.' })
  votingEndsAt?: Date | null;

  @Field(() => ID, { nullable: true })
  briefId?: string | null;

  @Field(() => [ID], { defaultValue: [], description: 'Staff members who run the thread.' })
  runnerIds: string[];
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateCoCreationThreadInput {
  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  question?: string;

  @Field({ nullable: true })
  rules?: string;

  @Field({ nullable: true })
  opensAt?: Date;

  @Field({ nullable: true })
  closesAt?: Date;

  @Field(() => Date, { nullable: true })
  votingEndsAt?: Date | null;

  @Field(() => ID, { nullable: true })
  briefId?: string | null;

  @Field(() => [ID], { nullable: true })
  runnerIds?: string[];
}
