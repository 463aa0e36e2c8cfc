import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import { DataSource, In } from 'typeorm';
import { User } from '../users/user.entity';
import { TimeSavedService, emptyCounters } from './time-saved.service';
import type { ContentTimeSaved } from './time-saved.types';

interface Loaders {
  counters: DataLoader<string, ContentTimeSaved>;
  user: DataLoader<string, User | undefined>;
}

/** Per-request loaders: the time-saved counters of a whole page of posts and comments cost one query. */
@Injectable()
export class TimeSavedLoaders {
  private readonly perRequest = new WeakMap<object, Loaders>();

  constructor(
    private readonly timeSaved: TimeSavedService,
    private readonly dataSource: DataSource,
  ) {}

  for(req: Request): Loaders {
    let loaders = this.perRequest.get(req);
    if (!loaders) {
      const viewerId = req.user?.id ?? '';
      loaders = {
        counters: new DataLoader(async (ids) => {
          const counters = await this.timeSaved.countersOf(ids, viewerId);
          return ids.map((id) => counters.get(id) ?? emptyCounters(id));
        }),
        user: new DataLoader(async (ids) => {
          const users = await this.dataSource.manager.find(User, { where: { id: In([...ids]) } });
          return ids.map((id) => users.find((user) => user.id === id));
        }),
      };
      this.perRequest.set(req, loaders);
    }
    return loaders;
  }
}
