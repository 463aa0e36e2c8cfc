import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveEventsService } from '../live/live-events.service';
import { USER_COLUMNS_SQL, type UserRow, userFromRow } from '../users/user-loaders';
import type { User } from '../users/user.entity';
import { Session } from './session.entity';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session's expiry slides forward at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly live: LiveEventsService,
  ) {}

  get ttlMs(): number {
    return this.config.SESSION_TTL_DAYS * DAY_MS;
  }

  /** Opens a session and returns the token for the cookie; only its hash is stored. */
  async open(userId: string, meta: { ip?: string; userAgent?: string }): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.sessions.insert({
      idHash: hashToken(token),
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
    });
    return token;
  }

  /** The active user behind a token, or null: unknown, expired and deactivated all read as no session. */
  async resolve(token: string): Promise<{ user: User; idHash: string } | null> {
    const idHash = hashToken(token);
    // Every request comes through here: one plain statement (see USER_COLUMNS_SQL), no ORM hydration.
    const [session] = await this.sessions.query<(UserRow & { last_seen_at: Date; expires_at: Date })[]>(
      `select s.last_seen_at, s.expires_at, ${USER_COLUMNS_SQL}
         from sessions s join users u on u.id = s.user_id
        where s.id_hash = $1`,
      [idHash],
    );
    const now = Date.now();
    if (!session || session.expires_at.getTime() <= now || !session.active) return null;
    if (now - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.update({ idHash }, { lastSeenAt: new Date(now), expiresAt: new Date(now + this.ttlMs) });
    }
    return { user: userFromRow(session), idHash };
  }

  async revoke(idHash: string): Promise<void> {
    await this.sessions.delete({ idHash });
    this.live.disconnectSession(idHash);
  }

  /** Closes every session of a user, but for the one to keep (the caller's own, after a password change). */
  async revokeAllOf(userId: string, except?: string): Promise<void> {
    const query = this.sessions.createQueryBuilder().delete().where('user_id = :userId', { userId });
    if (except) query.andWhere('id_hash <> :except', { except });
    await query.execute();
    this.live.disconnectUser(userId, except);
  }

  async purgeExpired(): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(new Date()) });
  }
}
