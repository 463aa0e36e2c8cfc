import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Locale, notFound } from '@atelier/domain';
import { Allow, Public } from '../common/allow.decorator';
import { CurrentUser, type GraphQLContext } from '../common/current-user.decorator';
import { actorOf } from '../common/request-context';
import { MailService } from '../mail/mail.service';
import { OutboxConnection } from '../mail/outbox-message.entity';
import { setSessionCookie } from '../sessions/session-cookie';
import { SessionsService } from '../sessions/sessions.service';
import { LocaleEnum, User } from '../users/user.entity';
import { CoCreationLoaders } from './co-creation-loaders';
import { Invitation, InvitationPreview } from './invitation.entity';
import { InvitationsService } from './invitations.service';
import { Participant } from './thread.entity';
import { ThreadsService } from './threads.service';

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(
    private readonly invitationService: InvitationsService,
    private readonly threads: ThreadsService,
    private readonly mail: MailService,
    private readonly sessions: SessionsService,
    private readonly loaders: CoCreationLoaders,
  ) {}

  @Allow('coCreation.manage')
  @Query(() => [Invitation], { description: 'Staff only, newest first.' })
  async invitations(
    @Args('threadId', { type: () => ID }) threadId: string,
    @CurrentUser() user: User,
  ): Promise<Invitation[]> {
    const thread = await this.threads.findReadable(user.id, threadId);
    return this.invitationService.list(thread.id);
  }

  @Allow('coCreation.manage')
  @Query(() => OutboxConnection, { description: 'Mail kept instead of sent (no SMTP_URL), newest first. Staff only.' })
  outbox(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<OutboxConnection> {
    return this.mail.outbox(first, after);
  }

  @Public()
  @Query(() => InvitationPreview, {
    description: 'What a link is for. Used, expired, revoked or unknown: BAD_USER_INPUT invitationInvalid.',
  })
  invitationPreview(@Args('token') token: string): Promise<InvitationPreview> {
    return this.invitationService.preview(token);
  }

  @Allow('coCreation.manage')
  @Mutation(() => [Invitation], {
    description: 'Every address or none. Each gets a single-use link (by mail, or in the outbox).',
  })
  async inviteCustomers(
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('emails', { type: () => [String] }) emails: string[],
    @CurrentUser() user: User,
    @Context() { req }: GraphQLContext,
  ): Promise<Invitation[]> {
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    return (await this.invitationService.invite(actorOf(user)!, threadId, emails, origin)).invitations;
  }

  @Allow('coCreation.manage')
  @Mutation(() => Invitation, { description: 'The link stops working; an accepted one loses the thread at once.' })
  revokeInvitation(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: User): Promise<Invitation> {
    return this.invitationService.revoke(actorOf(user)!, id);
  }

  @Public()
  @Mutation(() => User, {
    description:
      'Joins the thread of the invitation: a new customer account (displayName, password), or the existing one of that address (its password, unless signed in as it). Opens a session.',
  })
  async acceptInvitation(
    @Args('token', { description: 'The token from the link.' }) token: string,
    @Args('displayName', {
      type: () => String,
      nullable: true,
      description: 'New customers: the name others see (1–80 characters). Ignored for an existing account.',
    })
    displayName: string | null,
    @Args('password', {
      type: () => String,
      nullable: true,
      description: 'New customers: their password. Existing account: its password, unless signed in as it already.',
    })
    password: string | null,
    @Args('locale', {
      type: () => LocaleEnum,
      nullable: true,
      description: 'New customers: their language (fr by default).',
    })
    locale: Locale | null,
    @CurrentUser() current: User | undefined,
    @Context() { req, res }: GraphQLContext,
  ): Promise<User> {
    const { user, sessionToken } = await this.invitationService.accept(
      { token, displayName, password, locale },
      current,
      {
        ip: req.ip ?? 'unknown',
        userAgent: req.header('user-agent'),
      },
    );
    if (sessionToken) setSessionCookie(req, res, sessionToken, this.sessions.ttlMs);
    return user;
  }

  @ResolveField(() => Participant)
  async invitedBy(invitation: Invitation, _args: unknown, { req }: GraphQLContext): Promise<Participant> {
    const person = await this.loaders.for(req).participant.load(invitation.invitedBy);
    if (!person) throw notFound('user');
    return person;
  }
}
