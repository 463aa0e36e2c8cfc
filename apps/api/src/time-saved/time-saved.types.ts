import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TimeSavedCategory, TimeSavedContentType } from '@atelier/domain';
import { TimeSavedCategoryEnum, TimeSavedContentTypeEnum, TimeSavedEntry } from './time-saved-entry.entity';

@ObjectType()
export class TimeSavedPageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Opaque: pass it as `after` for the next page.' })
  endCursor: string | null;
}

@ObjectType()
export class TimeSavedConnection {
  @Field(() => [TimeSavedEntry])
  nodes: TimeSavedEntry[];

  @Field(() => TimeSavedPageInfo)
  pageInfo: TimeSavedPageInfo;

  @Field(() => Int, { description: 'Minutes of every entry the filter matches, not only this page.' })
  totalMinutes: number;

  @Field(() => Int, { description: 'Entries the filter matches, not only this page.' })
  totalCount: number;
}

@ObjectType({ description: 'How much time a piece of content saved: public to everyone who reads it.' })
export class ContentTimeSaved {
  @Field(() => ID)
  contentId: string;

  @Field(() => Int)
  totalMinutes: number;

  @Field(() => Int, { description: 'People who said it saved them time.' })
  people: number;

  @Field(() => Int, { nullable: true, description: "The viewer's own minutes on it, if they clicked." })
  mine: number | null;

  @Field(() => ID, { nullable: true, description: "The viewer's entry on it, to adjust or undo." })
  myEntryId: string | null;
}

@ObjectType()
export class TimeSavedDefaults {
  @Field(() => Int)
  minutes: number;

  @Field(() => TimeSavedCategoryEnum)
  category: TimeSavedCategory;
}

@ObjectType({ description: "The viewer's own totals." })
export class MyTimeSavedSummary {
  @Field(() => Int)
  totalMinutes: number;

  @Field(() => Int)
  entries: number;

  @Field(() => Int, { description: 'Minutes dated in the current month (company time zone).' })
  monthMinutes: number;

  @Field(() => Int, { description: 'Minutes dated in the current ISO week (company time zone).' })
  weekMinutes: number;

  @Field({ description: 'Today in the company time zone (YYYY-MM-DD): the default date of an entry.' })
  today: string;
}

@ObjectType({ description: "One of the viewer's posts or comments, with the time it saved others." })
export class HelpfulContent {
  @Field(() => TimeSavedContentTypeEnum)
  contentType: TimeSavedContentType;

  @Field(() => ID)
  contentId: string;

  @Field(() => String, { description: 'What the link opens: the content itself, or what a comment is on.' })
  rootType: string;

  @Field(() => ID)
  rootId: string;

  @Field({ description: 'The start of its text, plain.' })
  excerpt: string;

  @Field(() => Int)
  totalMinutes: number;

  @Field(() => Int)
  people: number;
}
