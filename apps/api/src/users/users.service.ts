import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Locale,
  badInput,
  conflict,
  notFound,
  validateDisplayName,
  validateEmail,
  validateLocale,
  validatePassword,
  validateRole,
} from '@atelier/domain';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { isUuid } from '../common/ids';
import { LiveEventsService } from '../live/live-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { Team } from '../teams/team.entity';
import { CreateUserInput } from './dto/create-user.input';
import { UpdateUserInput } from './dto/update-user.input';
import { hashPassword, verifyPassword } from './password-hasher';
import { User } from './user.entity';

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly live: LiveEventsService,
  ) {}

  findAll(): Promise<User[]> {
    return this.users.find({ relations: { teams: true }, order: { displayName: 'ASC', teams: { name: 'ASC' } } });
  }

  async findById(id: string): Promise<User> {
    const user = isUuid(id) ? await this.users.findOne({ where: { id }, relations: { teams: true } }) : null;
    if (!user) throw notFound('user');
    return user;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.teams', 'team')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
  }

  count(): Promise<number> {
    return this.users.count();
  }

  private async teamsByIds(manager: EntityManager, ids: string[]): Promise<Team[]> {
    const unique = [...new Set(ids)];
    const teams = unique.every(isUuid) ? await manager.findBy(Team, { id: In(unique) }) : [];
    if (teams.length !== unique.length) {
      throw badInput(
        'unknownTeam',
        'One of the selected teams does not exist. Reload the page and try again.',
        'teamIds',
      );
    }
    return teams;
  }

  async create(input: CreateUserInput): Promise<User> {
    const email = validateEmail(input.email);
    const displayName = validateDisplayName(input.displayName);
    const role = validateRole(input.role);
    const locale = validateLocale(input.locale ?? 'fr');
    validatePassword(input.password);
    const passwordHash = await hashPassword(input.password);
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const teams = await this.teamsByIds(manager, input.teamIds ?? []);
        const user = manager.create(User, { email, displayName, role, locale, active: true, passwordHash, teams });
        return (await manager.save(user)).id;
      });
      return this.findById(id);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict('emailTaken', `An account already uses ${email}.`, 'email');
      }
      throw error;
    }
  }

  /** Refuses a change that would leave no active administrator. */
  private async assertAnotherActiveAdmin(manager: EntityManager, user: User): Promise<void> {
    if (user.role !== 'ADMIN' || !user.active) return;
    // Lock the admins' rows so two concurrent demotions cannot both pass the check.
    const admins = await manager
      .createQueryBuilder(User, 'user')
      .setLock('pessimistic_write')
      .where('user.role = :role and user.active', { role: 'ADMIN' })
      .getMany();
    if (!admins.some((admin) => admin.id !== user.id)) {
      throw conflict('lastAdmin', 'This is the last active administrator: name another administrator first.');
    }
  }

  async update(id: string, input: UpdateUserInput): Promise<User> {
    const displayName =
      input.displayName === undefined || input.displayName === null
        ? undefined
        : validateDisplayName(input.displayName);
    const role = input.role ? validateRole(input.role) : undefined;
    await this.dataSource.transaction(async (manager) => {
      const user = isUuid(id) ? await manager.findOne(User, { where: { id }, relations: { teams: true } }) : null;
      if (!user) throw notFound('user');
      if (role && role !== user.role) await this.assertAnotherActiveAdmin(manager, user);
      if (displayName) user.displayName = displayName;
      if (role) user.role = role;
      if (input.teamIds) user.teams = await this.teamsByIds(manager, input.teamIds);
      await manager.save(user);
    });
    // A new role may change which spaces the user reads: their live connections follow.
    if (role) await this.live.refreshUser(id);
    return this.findById(id);
  }

  async setActive(id: string, active: boolean): Promise<User> {
    await this.dataSource.transaction(async (manager) => {
      const user = isUuid(id) ? await manager.findOne(User, { where: { id } }) : null;
      if (!user) throw notFound('user');
      if (!active) await this.assertAnotherActiveAdmin(manager, user);
      await manager.update(User, { id }, { active });
    });
    // Deactivation takes effect at once: every open session of the account is closed.
    if (!active) await this.sessions.revokeAllOf(id);
    return this.findById(id);
  }

  async changePassword(user: User, current: string, next: string): Promise<void> {
    validatePassword(next, 'next');
    const stored = await this.users.findOneOrFail({ where: { id: user.id } });
    if (!(await verifyPassword(stored.passwordHash, current))) {
      throw badInput('wrongCurrentPassword', 'The current password is incorrect.', 'current');
    }
    await this.users.update({ id: user.id }, { passwordHash: await hashPassword(next) });
  }

  async updateLocale(user: User, locale: Locale): Promise<User> {
    await this.users.update({ id: user.id }, { locale: validateLocale(locale) });
    return this.findById(user.id);
  }
}
