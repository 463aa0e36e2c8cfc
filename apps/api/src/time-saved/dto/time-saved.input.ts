import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { TimeSavedCategory, TimeSavedContentType } from '@atelier/domain';
import { TimeSavedCategoryEnum, TimeSavedContentTypeEnum } from '../time-saved-entry.entity';

@InputType()
export class TimeSavedInput {
  @Field(() => Int, { description: '1 to 480.' })
  minutes: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; today (company time zone) when omitted.' })
  date?: string | null;

  @Field(() => TimeSavedCategoryEnum)
  category: TimeSavedCategory;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  note?: string | null;
}

@InputType()
export class LogTimeSavedInput extends TimeSavedInput {
  @Field(() => TimeSavedContentTypeEnum, { nullable: true })
  contentType?: TimeSavedContentType | null;

  @Field(() => ID, { nullable: true, description: 'The content that saved the time; it must be readable.' })
  contentId?: string | null;
}

@InputType()
export class TimeSavedFilter {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, included.' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, included.' })
  to?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Omitted: yourself for a marketer, everyone visible otherwise.' })
  userId?: string | null;
}
