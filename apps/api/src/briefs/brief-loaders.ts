import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Request } from 'express';
import { DataSource, In } from 'typeorm';
import { Attachment } from '../attachments/attachment.entity';
import { Channel } from '../channels/channel.entity';
import { requestScoped } from '../common/request-loaders';
import { Team } from '../teams/team.entity';
import { Brief, BriefKpi, BriefTransitionRow, KpiActual } from './brief.entity';
import { BriefsService } from './briefs.service';

export interface BriefLoaderSet {
  kpis: DataLoader<string, BriefKpi[]>;
  channelIds: DataLoader<string, string[]>;
  channel: DataLoader<string, Channel | undefined>;
  actuals: DataLoader<string, KpiActual[]>;
  transitions: DataLoader<string, BriefTransitionRow[]>;
  watchers: DataLoader<string, string[]>;
  team: DataLoader<string, Team | undefined>;
  attachments: DataLoader<string, Attachment[]>;
  brief: DataLoader<string, Brief | undefined>;
  readable: DataLoader<string, boolean>;
}

/** Everything a page of briefs shows, one query per kind of data whatever the page size. */
@Injectable()
export class BriefLoaders {
  constructor(
    private readonly briefs: BriefsService,
    private readonly dataSource: DataSource,
  ) {}

  for(req: Request): BriefLoaderSet {
    const viewerId = req.user?.id ?? '';
    return requestScoped(req, 'briefs', () => ({
      kpis: new DataLoader(async (ids) => {
        const map = await this.briefs.kpisOf(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
      channelIds: new DataLoader(async (ids) => {
        const map = await this.briefs.channelIdsOf(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
      channel: new DataLoader(async (ids) => {
        const rows = await this.dataSource.manager.findBy(Channel, { id: In([...ids]) });
        return ids.map((id) => rows.find((row) => row.id === id));
      }),
      actuals: new DataLoader(async (ids) => {
        const map = await this.briefs.actualsOf(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
      transitions: new DataLoader(async (ids) => {
        const map = await this.briefs.transitionsOf(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
      watchers: new DataLoader(async (ids) => {
        const map = await this.briefs.watchersOf(ids);
        return ids.map((id) => map.get(id) ?? []);
      }),
      team: new DataLoader(async (ids) => {
        const rows = await this.dataSource.manager.findBy(Team, { id: In([...ids]) });
        return ids.map((id) => rows.find((row) => row.id === id));
      }),
      attachments: new DataLoader(async (ids) => {
        const rows = await this.dataSource.manager.find(Attachment, {
          where: { targetType: 'BRIEF', targetId: In([...ids]) },
          order: { createdAt: 'ASC' },
        });
        return ids.map((id) => rows.filter((row) => row.targetId === id));
      }),
      brief: new DataLoader(async (ids) => {
        const rows = await this.briefs.byIds(ids);
        return ids.map((id) => rows.find((row) => row.id === id));
      }),
      readable: new DataLoader(async (briefIds) => {
        const readable = await this.briefs.readableAmong(viewerId, briefIds);
        return briefIds.map((id) => readable.has(id));
      }),
    }));
  }
}
