import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AttachmentKindEnum } from '../attachments/attachment-kind.enum';
import type { Attachment } from '../attachments/attachment.entity';

@ObjectType({ description: 'A file attached to a post, served at `url` to whoever may read the post.' })
export class PostAttachment {
  @Field(() => ID)
  id: string;

  @Field(() => AttachmentKindEnum)
  kind: Attachment['kind'];

  @Field({ description: 'Detected from the bytes at upload, never taken from the client.' })
  mimeType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field({ description: 'The file name as uploaded, without any path.' })
  originalName: string;

  @Field(() => Int, { nullable: true, description: 'Images only, when readable from the header.' })
  width: number | null;

  @Field(() => Int, { nullable: true })
  height: number | null;

  @Field({ description: 'Same-origin path of the bytes: `/files/<id>`.' })
  url: string;
}

export const toPostAttachment = (attachment: Attachment): PostAttachment => ({
  id: attachment.id,
  kind: attachment.kind,
  mimeType: attachment.mimeType,
  sizeBytes: attachment.sizeBytes,
  originalName: attachment.originalName,
  width: attachment.width,
  height: attachment.height,
  url: `/files/${attachment.id}`,
});
