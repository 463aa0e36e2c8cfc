import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import { requestScoped } from '../common/request-loaders';
import { ReactionSummary } from './reaction.entity';
import { ReactionsService } from './reactions.service';

export interface ReactionLoaderSet {
  reactions: DataLoader<string, ReactionSummary>;
}

/** Reaction summaries (with the viewer's own) for any content or comment, by id. */
@Injectable()
export class ReactionLoaders {
  constructor(private readonly reactions: ReactionsService) {}

  for(req: Request): ReactionLoaderSet {
    const viewerId = req.user?.id ?? '';
    return requestScoped(req, 'reactions', () => ({
      reactions: new DataLoader<string, ReactionSummary>(async (ids) => {
        const summaries = await this.reactions.summariesOf(ids, viewerId);
        return ids.map((id) => summaries.get(id)!);
      }),
    }));
  }
}
