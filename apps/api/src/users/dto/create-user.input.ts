import { Field, ID, InputType } from '@nestjs/graphql';
import type { Locale, Role } from '@atelier/domain';
import { LocaleEnum, RoleEnum } from '../user.entity';

@InputType()
export class CreateUserInput {
  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field({ description: 'At least 10 characters.' })
  password: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => LocaleEnum, { defaultValue: 'fr' })
  locale: Locale;

  @Field(() => [ID], { defaultValue: [] })
  teamIds: string[];
}
