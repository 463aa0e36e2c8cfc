import { Field, Float, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'The offer as written; the thread and the promoted proposals are arguments of createOffer.' })
export class CreateOfferInput {
  @Field()
  title: string;

  @Field({ description: 'Markdown.' })
  description: string;

  @Field({ defaultValue: '', description: 'Terms and conditions, plain text.' })
  terms: string;

  @Field(() => Float, { nullable: true })
  price?: number | null;

  @Field(() => Float, { nullable: true, description: 'A price or a discount, not both.' })
  discountPercent?: number | null;

  @Field({ defaultValue: 'EUR' })
  currency: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  validUntil?: string | null;

  @Field(() => ID, { nullable: true, description: 'The brief whose results this offer is measured in.' })
  briefId?: string | null;
}

@InputType({ description: 'The whole offer as it should be.' })
export class UpdateOfferInput extends CreateOfferInput {
  @Field(() => [ID], { nullable: true, description: 'Given: replaces the linked proposals.' })
  proposalIds?: string[] | null;
}
