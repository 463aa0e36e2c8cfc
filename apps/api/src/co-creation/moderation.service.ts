import { Injectable } from '@nestjs/common';
import { type Actor, badInput } from '@atelier/domain';
import { Comment } from '../comments/comment.entity';
import { CommentsService } from '../comments/comments.service';
import { TargetsService } from '../scopes/targets.service';
import { Proposal } from './proposal.entity';
import { ProposalsService } from './proposals.service';

const notHideable = () =>
  badInput('notHideable', 'Only a proposal or a comment can be hidden or shown again.', 'targetId');

/**
 * The contract's one entry point for moderation: the id says what it is (through TargetsService, so
 * content the moderator cannot read is NOT_FOUND), and the service that owns it hides it with its own
 * rules: proposals here, comments by the comments' moderation (staff in co-creation, admins anywhere).
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly targets: TargetsService,
    private readonly proposals: ProposalsService,
    private readonly comments: CommentsService,
  ) {}

  async hide(actor: Actor, targetId: string, reason: string): Promise<Proposal | Comment> {
    const target = await this.targets.resolve(actor.id, targetId);
    if (target.type === 'PROPOSAL') return this.proposals.hide(actor, target.id, reason);
    if (target.type === 'COMMENT') return this.comments.hide(actor, target.id, reason);
    throw notHideable();
  }

  async unhide(actor: Actor, targetId: string): Promise<Proposal | Comment> {
    const target = await this.targets.resolve(actor.id, targetId);
    if (target.type === 'PROPOSAL') return this.proposals.unhide(actor, target.id);
    if (target.type === 'COMMENT') return this.comments.unhide(actor, target.id);
    throw notHideable();
  }
}
