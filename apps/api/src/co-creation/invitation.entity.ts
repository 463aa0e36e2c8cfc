import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { INVITATION_STATUSES, invitationStatusAt, type InvitationStatus } from '@atelier/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const InvitationStatusEnum = Object.fromEntries(INVITATION_STATUSES.map((s) => [s, s])) as {
  [K in InvitationStatus]: K;
};
registerEnumType(InvitationStatusEnum, { name: 'InvitationStatus' });

@ObjectType({ description: 'Staff only.' })
@Entity({ name: 'thread_invitations' })
export class Invitation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  @Field()
  @Column()
  email: string;

  /** SHA-256 (hex) of the token; the token itself is only ever in the link. */
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'invited_by', type: 'uuid' })
  invitedBy: string;

  @Field()
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => InvitationStatusEnum)
  get status(): InvitationStatus {
    return invitationStatusAt(this, new Date());
  }
}

@ObjectType({ description: 'Public: what an invitation link is for, before accepting it.' })
export class InvitationPreview {
  @Field()
  threadTitle: string;

  @Field()
  email: string;

  @Field({ description: 'An account already uses this e-mail: the person signs in instead of creating one.' })
  hasAccount: boolean;
}
