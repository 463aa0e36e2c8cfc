import { Inject, Injectable } from '@nestjs/common';
import { DomainError, normalizeEmail } from '@atelier/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitRule, RateLimitsService } from '../rate-limits/rate-limits.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { verifyAgainstDummy, verifyPassword } from '../users/password-hasher';
import { SessionsService } from '../sessions/sessions.service';

const invalidCredentials = () =>
  new DomainError('UNAUTHENTICATED', 'The e-mail address or the password is incorrect.', {
    reason: 'invalidCredentials',
  });

const tooManyAttempts = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'TOO_MANY_REQUESTS',
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    { reason: 'tooManyAttempts', params: { retryAfterMinutes: minutes, retryAfterSeconds } },
  );
};

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimitsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private rules(email: string, ip: string): RateLimitRule[] {
    const windowSeconds = this.config.SIGNIN_WINDOW_SECONDS;
    return [
      { key: `signin:email:${email}`, max: this.config.SIGNIN_MAX_FAILURES_PER_EMAIL, windowSeconds },
      { key: `signin:ip:${ip}`, max: this.config.SIGNIN_MAX_FAILURES_PER_IP, windowSeconds },
    ];
  }

  /**
   * Failed attempts are counted per address and per e-mail; past the limit even the right
   * password is refused until the window closes, so guessing gains nothing.
   */
  async signIn(
    rawEmail: string,
    password: string,
    meta: { ip: string; userAgent?: string },
  ): Promise<{ user: User; token: string }> {
    const email = normalizeEmail(rawEmail);
    const rules = this.rules(email, meta.ip);
    for (const rule of rules) {
      const state = await this.rateLimits.peek(rule);
      if (state.exceeded) throw tooManyAttempts(state.retryAfterSeconds);
    }

    const user = await this.users.findByEmail(email);
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !valid) {
      for (const rule of rules) await this.rateLimits.hit(rule);
      throw invalidCredentials();
    }
    if (!user.active) {
      throw new DomainError('UNAUTHENTICATED', 'This account has been deactivated. Ask an administrator.', {
        reason: 'accountDeactivated',
      });
    }
    const token = await this.sessions.open(user.id, meta);
    return { user, token };
  }
}
