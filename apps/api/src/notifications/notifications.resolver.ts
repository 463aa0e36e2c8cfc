import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { CurrentUser } from '../common/current-user.decorator';
import { User } from '../users/user.entity';
import { NotificationConnection } from './dto/notification.types';
import { MARK_READ_MAX_IDS, NOTIFICATIONS_MAX_PAGE, NotificationsService } from './notifications.service';

@Resolver(() => NotificationConnection)
export class NotificationsResolver {
  constructor(private readonly notificationsService: NotificationsService) {}

  @Allow('notification.read')
  @Query(() => NotificationConnection, {
    description: `The viewer's notifications, newest first, grouped: the events of one kind about one thing make one entry (unread ones together, read ones together). Only about what the viewer may read now. At most ${NOTIFICATIONS_MAX_PAGE} a page.`,
  })
  notifications(
    @CurrentUser() user: User,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<NotificationConnection> {
    return this.notificationsService.list(user.id, first, after);
  }

  @Allow('notification.read')
  @Query(() => Int, { description: 'Unread entries of the notification list (groups), for the badge.' })
  unreadNotificationCount(@CurrentUser() user: User): Promise<number> {
    return this.notificationsService.unreadCount(user.id);
  }

  @Allow('notification.read')
  @Mutation(() => Int, {
    description: `Marks the entries given (notification ids, at most ${MARK_READ_MAX_IDS}), or all of them when ids is empty or omitted. Returns the unread count.`,
  })
  markNotificationsRead(
    @CurrentUser() user: User,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null,
  ): Promise<number> {
    return this.notificationsService.markRead(user.id, ids);
  }
}
