import { Injectable } from '@nestjs/common';
import { isStaff } from '@atelier/domain';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import { Attachment } from '../attachments/attachment.entity';
import { AttachmentsService } from '../attachments/attachments.service';
import { requestScoped } from '../common/request-loaders';
import { UserLoaders } from '../users/user-loaders';
import { User } from '../users/user.entity';
import { OffersService } from './offers.service';
import { StaffNote } from './proposal.entity';
import { ProposalsService } from './proposals.service';
import { Participant } from './thread.entity';
import { ThreadsService } from './threads.service';

export const toParticipant = (user: User): Participant => ({
  id: user.id,
  displayName: user.displayName,
  isStaff: isStaff(user.role),
});

export interface CoCreationLoaderSet {
  participant: DataLoader<string, Participant | undefined>;
  runners: DataLoader<string, string[]>;
  voted: DataLoader<string, boolean>;
  images: DataLoader<string, Attachment[]>;
  notes: DataLoader<string, StaffNote[]>;
  credits: DataLoader<string, string[]>;
  offerProposals: DataLoader<string, string[]>;
}

/** Everything a page of threads, proposals or offers needs, one query per kind per request. */
@Injectable()
export class CoCreationLoaders {
  constructor(
    private readonly users: UserLoaders,
    private readonly threads: ThreadsService,
    private readonly proposals: ProposalsService,
    private readonly offers: OffersService,
    private readonly attachments: AttachmentsService,
  ) {}

  for(req: Request): CoCreationLoaderSet {
    const viewerId = req.user?.id ?? '';
    return requestScoped(req, 'co-creation', () => ({
      participant: new DataLoader<string, Participant | undefined>(async (ids) => {
        const users = await this.users.for(req).user.loadMany(ids);
        return users.map((user) => (user && !(user instanceof Error) ? toParticipant(user) : undefined));
      }),
      runners: new DataLoader<string, string[]>(async (ids) => {
        const byThread = await this.threads.runnersOf(ids);
        return ids.map((id) => byThread.get(id) ?? []);
      }),
      voted: new DataLoader<string, boolean>(async (ids) => {
        const voted = await this.proposals.votedBy(viewerId, ids);
        return ids.map((id) => voted.has(id));
      }),
      images: new DataLoader<string, Attachment[]>((ids) => this.attachments.listFor('PROPOSAL', ids)),
      notes: new DataLoader<string, StaffNote[]>((ids) => this.proposals.notesOf(ids)),
      credits: new DataLoader<string, string[]>((ids) => this.offers.creditsOf(ids)),
      offerProposals: new DataLoader<string, string[]>((ids) => this.offers.proposalIdsOf(ids)),
    }));
  }
}
