import { Injectable } from '@nestjs/common';
import { Actor, conflict, validateChannelName } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { Channel } from './channel.entity';

/** The managed list of channels: seeded by the migration, extended by admins. */
@Injectable()
export class ChannelsService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<Channel[]> {
    return this.dataSource.manager
      .createQueryBuilder(Channel, 'channel')
      .orderBy('channel.position', 'ASC', 'NULLS LAST')
      .addOrderBy('channel.created_at')
      .addOrderBy('channel.name')
      .getMany();
  }

  async create(actor: Actor, rawName: string): Promise<Channel> {
    const name = validateChannelName(rawName);
    const existing = await this.dataSource.manager
      .createQueryBuilder(Channel, 'channel')
      .where('lower(channel.name) = lower(:name)', { name })
      .getOne();
    if (existing) throw conflict('channelExists', `A channel named "${existing.name}" already exists.`, 'name');
    const { identifiers } = await this.dataSource.manager.insert(Channel, { name, code: null, createdById: actor.id });
    return this.dataSource.manager.findOneByOrFail(Channel, { id: identifiers[0].id as string });
  }
}
