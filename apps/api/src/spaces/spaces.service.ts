import { Injectable } from '@nestjs/common';
import { Actor, badInput, can, conflict, forbidden, isStaff, notFound } from '@atelier/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { isUuid } from '../common/ids';
import { LiveEventsService } from '../live/live-events.service';
import { User } from '../users/user.entity';
import { CreateSpaceInput } from './dto/create-space.input';
import { canReadSql, isMemberSql, SpaceMember } from './space-member.entity';
import { SPACE_VISIBILITIES, Space } from './space.entity';

export const SPACE_NAME_MAX_LENGTH = 80;
export const SPACE_DESCRIPTION_MAX_LENGTH = 2000;

@Injectable()
export class SpacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveEventsService,
  ) {}

  /** Every space the viewer may read: open ones and private ones they belong to, by name. */
  listReadable(viewerId: string): Promise<Space[]> {
    return this.dataSource
      .createQueryBuilder(Space, 's')
      .where(canReadSql('s'), { viewerId })
      .orderBy('lower(s.name)', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /** Ids of every space the viewer is a member of, one query. */
  async memberSpaceIds(viewerId: string): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `select space_id as id from space_members where user_id = $1
       union select s.id from spaces s join team_members tm on tm.team_id = s.team_id where tm.user_id = $1`,
      [viewerId],
    );
    return new Set(rows.map((row) => row.id));
  }

  async isMember(
    viewerId: string,
    spaceId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const count = await manager
      .createQueryBuilder(Space, 's')
      .where('s.id = :spaceId', { spaceId })
      .andWhere(isMemberSql('s'), { viewerId })
      .getCount();
    return count > 0;
  }

  /** The space, if the viewer may read it; a private space they are not in is answered as missing. */
  async findReadable(viewerId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Space> {
    const space = isUuid(id)
      ? await manager
          .createQueryBuilder(Space, 's')
          .where('s.id = :id', { id })
          .andWhere(canReadSql('s'), { viewerId })
          .getOne()
      : null;
    if (!space) throw notFound('space');
    return space;
  }

  /** Spaces by id, whatever the viewer (callers have already checked they may read them). */
  byIds(ids: readonly string[]): Promise<Space[]> {
    return ids.length ? this.dataSource.manager.findBy(Space, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * Members of each space by name: those who joined or were added, plus the team's members for a
   * team space. Two queries whatever the number of spaces.
   */
  async membersOf(spaces: readonly Pick<Space, 'id'>[]): Promise<Map<string, User[]>> {
    const spaceIds = [...new Set(spaces.map((space) => space.id))];
    const bySpace = new Map<string, User[]>();
    if (spaceIds.length === 0) return bySpace;
    const pairs = await this.dataSource.query<{ space_id: string; user_id: string }[]>(
      `select sm.space_id, sm.user_id from space_members sm where sm.space_id = any($1)
       union select s.id, tm.user_id from spaces s join team_members tm on tm.team_id = s.team_id where s.id = any($1)`,
      [spaceIds],
    );
    const spacesOfUser = new Map<string, string[]>();
    for (const pair of pairs)
      spacesOfUser.set(pair.user_id, [...(spacesOfUser.get(pair.user_id) ?? []), pair.space_id]);
    // Users come by name, so each space's list is filled in that order.
    for (const user of await this.usersByIds([...spacesOfUser.keys()])) {
      for (const spaceId of spacesOfUser.get(user.id)!) bySpace.set(spaceId, [...(bySpace.get(spaceId) ?? []), user]);
    }
    return bySpace;
  }

  userById(id: string): Promise<User | null> {
    return this.dataSource.manager.findOne(User, { where: { id }, relations: { teams: true } });
  }

  /** Users with their teams, by name, in one query. */
  usersByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(User, {
      where: { id: In([...ids]) },
      relations: { teams: true },
      order: { displayName: 'ASC', id: 'ASC' },
    });
  }

  async create(actor: Actor, input: CreateSpaceInput): Promise<Space> {
    const name = input.name.trim();
    if (!name) throw badInput('required', 'The space name cannot be empty.', 'name');
    if (name.length > SPACE_NAME_MAX_LENGTH) {
      throw badInput('tooLong', `The space name must be at most ${SPACE_NAME_MAX_LENGTH} characters.`, 'name', {
        max: SPACE_NAME_MAX_LENGTH,
      });
    }
    const description = (input.description ?? '').trim();
    if (description.length > SPACE_DESCRIPTION_MAX_LENGTH) {
      throw badInput(
        'tooLong',
        `The description must be at most ${SPACE_DESCRIPTION_MAX_LENGTH} characters.`,
        'description',
        {
          max: SPACE_DESCRIPTION_MAX_LENGTH,
        },
      );
    }
    if (!(SPACE_VISIBILITIES as readonly string[]).includes(input.visibility)) {
      throw badInput('invalidVisibility', 'The visibility must be OPEN or PRIVATE.', 'visibility');
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(Space, {
        name,
        description,
        kind: 'TOPIC',
        visibility: input.visibility,
        teamId: null,
        ownerId: actor.id,
      });
      const spaceId = identifiers[0].id as string;
      // The creator is the first member, so a private space is readable by its owner.
      await manager.insert(SpaceMember, { spaceId, userId: actor.id });
      return spaceId;
    });
    if (input.visibility === 'OPEN') this.live.spaceOpened(id);
    else this.live.joinSpace(actor.id, id);
    return this.findReadable(actor.id, id);
  }

  async join(actor: Actor, id: string): Promise<Space> {
    const space = await this.findReadable(actor.id, id);
    if (space.visibility !== 'OPEN') {
      // Only a member reads a private space, and a member has nothing to join.
      return space;
    }
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SpaceMember)
      .values({ spaceId: space.id, userId: actor.id })
      .orIgnore()
      .execute();
    return this.findReadable(actor.id, id);
  }

  async leave(actor: Actor, id: string): Promise<Space> {
    const space = await this.findReadable(actor.id, id);
    await this.removeMembership(space, actor.id);
    return space.visibility === 'OPEN' ? this.findReadable(actor.id, id) : space;
  }

  /** A space the actor may manage the members of: missing or unreadable answers NOT_FOUND, unmanageable FORBIDDEN. */
  private async manageable(actor: Actor, id: string): Promise<Space> {
    const space = isUuid(id) ? await this.dataSource.manager.findOne(Space, { where: { id } }) : null;
    const readable = space
      ? await this.findReadable(actor.id, id).then(
          () => true,
          () => false,
        )
      : false;
    // Managers and admins manage any space, even a private one they are not in.
    if (!space || (!readable && !can(actor, 'space.manageMembers'))) throw notFound('space');
    if (!can(actor, 'space.manageMembers', { ownerId: space.ownerId })) {
      throw forbidden('Only the owner of the space, a manager or an administrator can change its members.');
    }
    return space;
  }

  async addMember(actor: Actor, spaceId: string, userId: string): Promise<Space> {
    const space = await this.manageable(actor, spaceId);
    const user = isUuid(userId) ? await this.dataSource.manager.findOne(User, { where: { id: userId } }) : null;
    if (!user) throw notFound('user');
    if (!isStaff(user.role)) {
      throw badInput(
        'customerCannotJoinSpace',
        'Customers cannot be members of a space: invite them to a co-creation thread instead.',
        'userId',
      );
    }
    if (!user.active)
      throw badInput('inactiveUser', `${user.displayName}'s account is deactivated: reactivate it first.`, 'userId');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SpaceMember)
      .values({ spaceId: space.id, userId })
      .orIgnore()
      .execute();
    if (space.visibility !== 'OPEN') this.live.joinSpace(userId, space.id);
    return this.dataSource.manager.findOneOrFail(Space, { where: { id: space.id } });
  }

  async removeMember(actor: Actor, spaceId: string, userId: string): Promise<Space> {
    const space = await this.manageable(actor, spaceId);
    await this.removeMembership(space, userId);
    return this.dataSource.manager.findOneOrFail(Space, { where: { id: space.id } });
  }

  private async removeMembership(space: Space, userId: string): Promise<void> {
    if (space.teamId && isUuid(userId)) {
      const [inTeam] = await this.dataSource.query<unknown[]>(
        'select 1 from team_members where team_id = $1 and user_id = $2',
        [space.teamId, userId],
      );
      if (inTeam) {
        throw conflict(
          'teamSpaceMember',
          'Members of the team are members of its space: change the team membership instead.',
        );
      }
    }
    if (isUuid(userId)) await this.dataSource.manager.delete(SpaceMember, { spaceId: space.id, userId });
    // Only members read a private space: a former member's connections stop receiving it at once.
    if (isUuid(userId) && space.visibility !== 'OPEN') this.live.leaveSpace(userId, space.id);
  }
}
