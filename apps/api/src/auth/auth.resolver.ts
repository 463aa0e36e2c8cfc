import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../common/allow.decorator';
import type { GraphQLContext } from '../common/current-user.decorator';
import { User } from '../users/user.entity';
import { AuthService } from './auth.service';
import { clearSessionCookie, setSessionCookie } from '../sessions/session-cookie';
import { SessionsService } from '../sessions/sessions.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Mutation(() => User, { description: 'Opens a session: sets the httpOnly session cookie.' })
  async signIn(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() { req, res }: GraphQLContext,
  ): Promise<User> {
    const { user, token } = await this.auth.signIn(email, password, {
      ip: req.ip ?? 'unknown',
      userAgent: req.header('user-agent'),
    });
    setSessionCookie(req, res, token, this.sessions.ttlMs);
    return user;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Closes the current session at once; harmless without one.' })
  async signOut(@Context() { req, res }: GraphQLContext): Promise<boolean> {
    if (req.sessionIdHash) await this.sessions.revoke(req.sessionIdHash);
    clearSessionCookie(req, res);
    return true;
  }
}
