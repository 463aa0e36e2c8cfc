import { Field, InputType } from '@nestjs/graphql';
import { LocaleEnum } from '../../users/user.entity';
import type { Locale } from '@atelier/domain';

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token from the link.' })
  token: string;

  @Field(() => String, {
    nullable: true,
    description: 'New customers: the name others see (1–80 characters). Ignored for an existing account.',
  })
  displayName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'New customers: their password. Existing account: its password, unless signed in as it already.',
  })
  password?: string | null;

  @Field(() => LocaleEnum, { nullable: true, description: 'New customers: their language (fr by default).' })
  locale?: Locale | null;
}
