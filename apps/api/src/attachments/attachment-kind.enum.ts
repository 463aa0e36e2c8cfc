import { registerEnumType } from '@nestjs/graphql';

/**
 * The GraphQL enum of attachment kinds, registered once here so that every module exposing
 * attachments (posts, briefs…) shares one `AttachmentKind` type.
 */
export const AttachmentKindEnum = { IMAGE: 'IMAGE', PDF: 'PDF' } as const;
registerEnumType(AttachmentKindEnum, {
  name: 'AttachmentKind',
  description: 'IMAGE: PNG, JPEG, GIF or WebP, shown inline; PDF: offered as a download.',
});
