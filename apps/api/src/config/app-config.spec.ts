import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('.data');
    expect(config.isProduction).toBe(false);
    expect(config.SEED_DEMO).toBe('auto');
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be a whole number from 0 to 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT must be a whole number from 0 to 65535 \(got "70000"\)$/],
    [{ TRUST_PROXY: 'yes' }, /^Invalid configuration: TRUST_PROXY must be true or false/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must start with postgres/],
    // The URL may hold a password: it is never echoed.
    [
      { REDIS_URL: 'http://u:secret@x' },
      /^Invalid configuration: REDIS_URL must start with redis:\/\/ or rediss:\/\/$/,
    ],
    [{ NODE_ENV: 'staging' }, /^Invalid configuration: NODE_ENV must be one of development, production, test/],
    [
      { ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'short' },
      /^Invalid configuration: ADMIN_PASSWORD must be at least 10 characters$/,
    ],
    [{ ADMIN_EMAIL: 'a@b.co' }, /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
  ])('refuses %p with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
