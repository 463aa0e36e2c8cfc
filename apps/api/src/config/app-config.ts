import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from '@atelier/domain';

/** The repository root, wherever the code runs from (sources or apps/api/dist). */
export const REPO_ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../../../../..' : '../../../..',
);

const bool = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true');
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);
const positiveInt = (max: number) => int(1, max);
const oneOf = <T extends [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `must be one of ${values.join(', ')}` });

/**
 * Every setting Atelier reads from the environment, in one schema. The README's configuration
 * table mirrors it.
 */
const schema = z.object({
  NODE_ENV: oneOf(['development', 'production', 'test']).default('development'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: int(1024, 65535).default(54329),
  ADMIN_EMAIL: z.string().email('must be an e-mail address').optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SEED_DEMO: oneOf(['auto', 'true', 'false']).default('auto'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default('false'),
  WEB_DIST: z.string().min(1).default('apps/web/dist'),
  SESSION_TTL_DAYS: positiveInt(365).default(30),
  SIGNIN_MAX_FAILURES_PER_EMAIL: positiveInt(10_000).default(10),
  SIGNIN_MAX_FAILURES_PER_IP: positiveInt(100_000).default(50),
  SIGNIN_WINDOW_SECONDS: positiveInt(86_400).default(900),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'must look like 256kb or 1mb')
    .default('256kb'),
  // Live updates across instances: the Redis the socket.io adapter publishes through.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  // Where pg_dump and pg_restore are, for backups; unset: on PATH.
  PG_BIN_DIR: z.string().min(1).optional(),
  // On SIGTERM, how long requests in flight may take to finish before their connections are cut.
  DRAIN_TIMEOUT_SECONDS: positiveInt(600).default(10),
  // Prometheus metrics on a port of their own, never the public one; unset: no metrics.
  METRICS_PORT: int(0, 65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  // Uploads are held in memory while their type is checked, hence the ceiling of 100 MB.
  UPLOAD_MAX_BYTES: positiveInt(104_857_600).default(20_971_520),
  // Co-creation mail: with SMTP_URL invitations are sent; without it they wait in the outbox staff read.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Atelier <no-reply@atelier.example>'),
  // The address customers open invitation links on; without it, the origin of the inviting request.
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'must look like https://atelier.example (no trailing slash)')
    .optional(),
  INVITATION_TTL_DAYS: positiveInt(90).default(14),
  // The company's time zone: time saved is dated, and reports are cut, in it.
  TZ: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris').default('Europe/Paris'),
});

export type AppConfig = z.infer<typeof schema> & { isProduction: boolean; dataDir: string; webDist: string };

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws one line naming the variable and what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join('.');
    // Secrets are never echoed back, even when wrong.
    const shown = /PASSWORD|DATABASE_URL|REDIS_URL|SMTP_URL/.test(name) ? '' : ` (got "${String(env[name])}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`);
  }
  const config = parsed.data;
  if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (config.METRICS_PORT && config.METRICS_PORT === config.PORT) {
    throw new ConfigError(
      'Invalid configuration: METRICS_PORT must differ from PORT (metrics are never served publicly)',
    );
  }
  return {
    ...config,
    isProduction: config.NODE_ENV === 'production',
    dataDir: path.resolve(REPO_ROOT, config.DATA_DIR),
    webDist: path.resolve(REPO_ROOT, config.WEB_DIST),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
