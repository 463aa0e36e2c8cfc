import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import type { User } from '../users/user.entity';
import { Channel } from './channel.entity';
import { ChannelsService } from './channels.service';

@Resolver(() => Channel)
export class ChannelsResolver {
  constructor(private readonly service: ChannelsService) {}

  @Allow('channel.read')
  @Query(() => [Channel], { description: 'The seeded channels first, then those admins added.' })
  channels(): Promise<Channel[]> {
    return this.service.list();
  }

  @Allow('channel.create')
  @Mutation(() => Channel, { description: 'Admins only. Names are unique whatever their case.' })
  createChannel(@Args('name') name: string, @CurrentUser() user: User): Promise<Channel> {
    return this.service.create(actorOf(user)!, name);
  }
}
