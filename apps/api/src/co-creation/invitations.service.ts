import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  INVITATION_TOKEN_BYTES,
  badInput,
  conflict,
  invitationExpiry,
  invitationInvalid,
  invitationStatusAt,
  isStaff,
  isWellFormedInvitationToken,
  notFound,
  validateDisplayName,
  validateEmail,
  validateInvitationEmails,
  validateLocale,
  validatePassword,
} from '@atelier/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { isUuid } from '../common/ids';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveEventsService } from '../live/live-events.service';
import { MailMessage, MailService } from '../mail/mail.service';
import { RateLimitRule, RateLimitsService } from '../rate-limits/rate-limits.service';
import { SessionsService } from '../sessions/sessions.service';
import { hashPassword, verifyPassword } from '../users/password-hasher';
import { User } from '../users/user.entity';
import type { AcceptInvitationArgs } from './dto/invitation.input';
import { Invitation, InvitationPreview } from './invitation.entity';
import { CoCreationThread } from './thread.entity';
import { ThreadsService } from './threads.service';

export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threads: ThreadsService,
    private readonly mail: MailService,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimitsService,
    private readonly live: LiveEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Failed acceptances per client address: tokens cannot be guessed, and passwords not tried, in bulk. */
  private rule(ip: string): RateLimitRule {
    return {
      key: `invitation:ip:${ip}`,
      max: this.config.SIGNIN_MAX_FAILURES_PER_IP,
      windowSeconds: this.config.SIGNIN_WINDOW_SECONDS,
    };
  }

  /** Password attempts on an existing account count with its sign-in failures: one budget per account. */
  private accountRule(email: string): RateLimitRule {
    return {
      key: `signin:email:${email}`,
      max: this.config.SIGNIN_MAX_FAILURES_PER_EMAIL,
      windowSeconds: this.config.SIGNIN_WINDOW_SECONDS,
    };
  }

  private async refuseIfExceeded(rule: RateLimitRule): Promise<void> {
    const state = await this.rateLimits.peek(rule);
    if (!state.exceeded) return;
    const minutes = Math.max(1, Math.ceil(state.retryAfterSeconds / 60));
    throw new DomainError('TOO_MANY_REQUESTS', `Too many failed attempts. Try again in ${minutes} minutes.`, {
      reason: 'tooManyAttempts',
      params: { retryAfterMinutes: minutes, retryAfterSeconds: state.retryAfterSeconds },
    });
  }

  private linkFor(origin: string, token: string): string {
    return `${this.config.PUBLIC_URL ?? origin}/invitation/${token}`;
  }

  /**
   * Invites every address or none: all are checked first (well formed, not staff, not already in the
   * thread). An address with a pending invitation gets a new link and the old one stops working.
   */
  async invite(
    actor: Actor,
    threadId: string,
    rawEmails: readonly string[],
    origin: string,
  ): Promise<{ invitations: Invitation[]; links: Map<string, string> }> {
    const emails = validateInvitationEmails(rawEmails);
    const links = new Map<string, string>();
    const { ids, send } = await this.dataSource.transaction(async (manager) => {
      const thread = await this.threads.findReadable(actor.id, threadId, manager, true);
      if (thread.status === 'CLOSED') {
        throw badInput('threadClosed', 'This thread is closed: nobody can join it any more.', 'threadId');
      }
      const staff = await manager
        .createQueryBuilder(User, 'u')
        .where('lower(u.email) in (:...emails)', { emails })
        .andWhere(`u.role <> 'CUSTOMER'`)
        .getOne();
      if (staff) {
        throw badInput(
          'staffInvited',
          `${staff.email} belongs to a staff member, who reads every thread without an invitation: nobody was invited.`,
          'emails',
          { email: staff.email },
        );
      }
      const [member] = await manager.query<{ email: string }[]>(
        `select i.email from thread_invitations i
          where i.thread_id = $1 and i.email = any($2::text[]) and i.accepted_at is not null and i.revoked_at is null
          limit 1`,
        [thread.id, emails],
      );
      if (member) {
        throw badInput(
          'alreadyParticipant',
          `${member.email} already takes part in this thread: nobody was invited.`,
          'emails',
          { email: member.email },
        );
      }
      const now = new Date();
      await manager.query(
        `update thread_invitations set revoked_at = $3
          where thread_id = $1 and email = any($2::text[]) and accepted_at is null and revoked_at is null`,
        [thread.id, emails, now],
      );
      const messages: MailMessage[] = [];
      const rows = emails.map((email) => {
        const token = randomBytes(INVITATION_TOKEN_BYTES).toString('base64url');
        const link = this.linkFor(origin, token);
        links.set(email, link);
        messages.push(invitationMail(email, thread, link, this.config.INVITATION_TTL_DAYS));
        return {
          threadId: thread.id,
          email,
          tokenHash: hashInvitationToken(token),
          invitedBy: actor.id,
          expiresAt: invitationExpiry(now, this.config.INVITATION_TTL_DAYS),
        };
      });
      const { identifiers } = await manager.insert(Invitation, rows);
      return { ids: identifiers.map((row) => row.id as string), send: await this.mail.queue(messages, manager) };
    });
    await send();
    const saved = await this.dataSource.manager.findBy(Invitation, { id: In(ids) });
    return { invitations: ids.map((id) => saved.find((row) => row.id === id)!), links };
  }

  async list(threadId: string): Promise<Invitation[]> {
    return this.dataSource.manager.find(Invitation, { where: { threadId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** The link stops working; an accepted invitation's customer loses the thread at once. */
  async revoke(actor: Actor, id: string): Promise<Invitation> {
    const invitation = isUuid(id) ? await this.dataSource.manager.findOneBy(Invitation, { id }) : null;
    if (!invitation) throw notFound('invitation');
    await this.threads.findReadable(actor.id, invitation.threadId);
    if (!invitation.revokedAt) {
      await this.dataSource.manager.update(Invitation, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
    if (invitation.acceptedBy) this.live.leaveScope(invitation.acceptedBy, { type: 'THREAD', id: invitation.threadId });
    return this.dataSource.manager.findOneByOrFail(Invitation, { id });
  }

  private async usable(token: string, manager: EntityManager, lock: boolean): Promise<Invitation> {
    if (!isWellFormedInvitationToken(token)) throw invitationInvalid();
    const query = manager
      .createQueryBuilder(Invitation, 'i')
      .innerJoin(CoCreationThread, 't', 't.id = i.thread_id')
      .where('i.token_hash = :hash', { hash: hashInvitationToken(token) });
    if (lock) query.setLock('pessimistic_write', undefined, ['i']);
    const invitation = await query.getOne();
    if (!invitation || invitationStatusAt(invitation, new Date()) !== 'PENDING') throw invitationInvalid();
    return invitation;
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.usable(token, this.dataSource.manager, false);
    const thread = await this.dataSource.manager.findOneByOrFail(CoCreationThread, { id: invitation.threadId });
    const account = await this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .where('lower(u.email) = :email', { email: invitation.email })
      .getExists();
    return { threadTitle: thread.title, email: invitation.email, hasAccount: account };
  }

  /**
   * Uses the invitation: a new customer account (display name and password), or the existing
   * customer account of that address (its password, or already signed in as it), joins the thread.
   * Returns the user and, when a session must be opened, its token for the cookie.
   */
  async accept(
    input: AcceptInvitationArgs,
    current: User | undefined,
    meta: { ip: string; userAgent?: string },
  ): Promise<{ user: User; sessionToken: string | null }> {
    const rule = this.rule(meta.ip);
    await this.refuseIfExceeded(rule);
    try {
      return await this.acceptUnlimited(input, current, meta);
    } catch (error) {
      const reason = error instanceof DomainError ? error.details.reason : '';
      if (reason === 'invitationInvalid' || reason === 'invalidCredentials') await this.rateLimits.hit(rule);
      throw error;
    }
  }

  private async acceptUnlimited(
    input: AcceptInvitationArgs,
    current: User | undefined,
    meta: { ip: string; userAgent?: string },
  ): Promise<{ user: User; sessionToken: string | null }> {
    const userId = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.usable(input.token, manager, true);
      const existing = await manager
        .createQueryBuilder(User, 'u')
        .where('lower(u.email) = :email', { email: invitation.email })
        .getOne();
      let id: string;
      if (existing) {
        // Staff never join through a link; an address that became staff's since makes the link useless.
        if (isStaff(existing.role)) throw invitationInvalid();
        if (current?.id !== existing.id) {
          await this.refuseIfExceeded(this.accountRule(existing.email));
          const valid = await verifyPassword(existing.passwordHash, input.password ?? '');
          if (!valid) {
            await this.rateLimits.hit(this.accountRule(existing.email));
            throw badInput(
              'invalidCredentials',
              `An account already uses ${invitation.email}: give its password to join.`,
              'password',
            );
          }
        }
        if (!existing.active) {
          throw badInput('accountDeactivated', 'This account has been deactivated. Ask the person who invited you.');
        }
        id = existing.id;
      } else {
        const displayName = validateDisplayName(input.displayName ?? '');
        const password = validatePassword(input.password ?? '');
        const locale = validateLocale(input.locale ?? 'fr');
        const email = validateEmail(invitation.email);
        try {
          const { identifiers } = await manager.insert(User, {
            email,
            displayName,
            role: 'CUSTOMER',
            locale,
            active: true,
            passwordHash: await hashPassword(password),
          });
          id = identifiers[0].id as string;
        } catch (error) {
          if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
            throw conflict('emailTaken', `An account already uses ${email}: sign in with it to join.`);
          }
          throw error;
        }
      }
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: new Date(), acceptedBy: id });
      return id;
    });
    const user = await this.dataSource.manager.findOneOrFail(User, {
      where: { id: userId },
      relations: { teams: true },
    });
    const sessionToken = current?.id === user.id ? null : await this.sessions.open(user.id, meta);
    return { user, sessionToken };
  }
}

function invitationMail(email: string, thread: CoCreationThread, link: string, ttlDays: number): MailMessage {
  return {
    to: email,
    subject: `Invitation : ${thread.title}`,
    link,
    text: [
      'Bonjour,',
      '',
      `Vous êtes invité(e) à participer à « ${thread.title} » sur Atelier.`,
      `Ouvrez ce lien pour rejoindre la discussion (valable ${ttlDays} jours, une seule fois) :`,
      link,
      '',
      '—',
      '',
      `You are invited to take part in "${thread.title}" on Atelier.`,
      `Open this link to join (valid ${ttlDays} days, once):`,
      link,
    ].join('\n'),
  };
}
