import type { Role } from '@atelier/domain';
import { errorCode, GqlClient, PASSWORD, startTestApp, TestApp } from './support/test-app';

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id email role teams { id name } } }`;
const UPDATE_USER = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role displayName teams { id } } }`;

describe('accounts, roles and teams', () => {
  let t: TestApp;
  let admin: GqlClient;
  let teamId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.signedIn('ADMIN')).client;
    teamId = await t.createTeam('Digital & Social');
  });
  afterAll(() => t.close());

  const counts = async () => {
    const [row] = await t.sql<{ users: string; teams: string; members: string }>(
      'select (select count(*) from users) users, (select count(*) from teams) teams, (select count(*) from team_members) members',
    );
    return row;
  };

  it('lets an admin create a user with teams, who can then sign in', async () => {
    const created = await admin.request(CREATE_USER, {
      input: {
        email: 'New.Person@Test.example',
        displayName: 'New Person',
        password: PASSWORD,
        role: 'MARKETER',
        teamIds: [teamId],
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({
      createUser: {
        id: expect.any(String),
        email: 'new.person@test.example',
        role: 'MARKETER',
        teams: [{ id: teamId, name: 'Digital & Social' }],
      },
    });
    expect((await t.client().signIn('new.person@test.example')).errors).toBeUndefined();
  });

  it('lets an admin change a role, teams and display name, and create teams', async () => {
    const user = await t.createUser('MARKETER');
    const updated = await admin.request(UPDATE_USER, {
      id: user.id,
      input: { role: 'MANAGER', displayName: '  Renamed  ', teamIds: [teamId] },
    });
    expect(updated.data).toEqual({
      updateUser: { id: user.id, role: 'MANAGER', displayName: 'Renamed', teams: [{ id: teamId }] },
    });
    const team = await admin.request('mutation { createTeam(name: "Réseau & Événements") { name memberCount } }');
    expect(team.data).toEqual({ createTeam: { name: 'Réseau & Événements', memberCount: 0 } });
    const teams = await admin.request<{ teams: { name: string; memberCount: number }[] }>(
      '{ teams { name memberCount } }',
    );
    expect(teams.data?.teams.find((x) => x.name === 'Digital & Social')?.memberCount).toBeGreaterThanOrEqual(2);
  });

  it('lets an admin reactivate a deactivated user (undo)', async () => {
    const user = await t.createUser('MARKETER');
    await admin.request('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: user.id });
    const back = await admin.request('mutation ($id: ID!) { reactivateUser(id: $id) { active } }', { id: user.id });
    expect(back.data).toEqual({ reactivateUser: { active: true } });
    expect((await t.client().signIn(user.email)).errors).toBeUndefined();
  });

  describe.each<Role>(['MANAGER', 'MARKETER', 'CUSTOMER'])('as %s', (role) => {
    let client: GqlClient;
    let victimId: string;
    beforeAll(async () => {
      client = (await t.signedIn(role)).client;
      victimId = (await t.createUser('MARKETER')).id;
    });

    const attempts: [string, string, () => Record<string, unknown>][] = [
      [
        'createUser',
        CREATE_USER,
        () => ({ input: { email: 'x@test.example', displayName: 'X', password: PASSWORD, role: 'ADMIN' } }),
      ],
      ['updateUser', UPDATE_USER, () => ({ id: victimId, input: { role: 'ADMIN' } })],
      ['deactivateUser', 'mutation ($id: ID!) { deactivateUser(id: $id) { id } }', () => ({ id: victimId })],
      ['reactivateUser', 'mutation ($id: ID!) { reactivateUser(id: $id) { id } }', () => ({ id: victimId })],
      ['createTeam', 'mutation { createTeam(name: "Hijack") { id } }', () => ({})],
    ];

    it.each(attempts)('is refused %s, and nothing is written', async (_name, query, variables) => {
      const before = await counts();
      const response = await client.request(query, variables());
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
      expect(await counts()).toEqual(before);
      const [victim] = await t.sql<{ role: string; active: boolean }>('select role, active from users where id = $1', [
        victimId,
      ]);
      expect(victim).toEqual({ role: 'MARKETER', active: true });
    });

    it('can change their own locale and password', async () => {
      expect((await client.request('mutation { updateMyLocale(locale: en) { locale } }')).data).toEqual({
        updateMyLocale: { locale: 'en' },
      });
      const changed = await client.request(
        'mutation ($c: String!, $n: String!) { changePassword(current: $c, next: $n) }',
        {
          c: PASSWORD,
          n: 'another-long-password',
        },
      );
      expect(changed.data).toEqual({ changePassword: true });
    });
  });

  it('refuses the directory and the teams to a customer, but not their own profile', async () => {
    const { client, user } = await t.signedIn('CUSTOMER');
    expect(errorCode(await client.request('{ users { id } }'))).toBe('FORBIDDEN');
    expect(errorCode(await client.request('{ teams { id } }'))).toBe('FORBIDDEN');
    expect((await client.request('{ me { id role } }')).data).toEqual({ me: { id: user.id, role: 'CUSTOMER' } });
  });

  it('refuses every operation but sign-in and me to an anonymous caller', async () => {
    const anonymous = t.client();
    expect((await anonymous.request('{ me { id } }')).data).toEqual({ me: null });
    for (const query of [
      '{ users { id } }',
      '{ teams { id } }',
      'mutation { updateMyLocale(locale: en) { id } }',
      'mutation { createTeam(name: "x") { id } }',
    ]) {
      expect(errorCode(await anonymous.request(query))).toBe('UNAUTHENTICATED');
    }
  });

  describe('bad input is refused with an actionable message and nothing is written', () => {
    const bad: [string, Record<string, unknown>, string, RegExp][] = [
      ['a short password', { password: 'short' }, 'passwordTooShort', /at least 10 characters/],
      ['an invalid e-mail', { email: 'not-an-email' }, 'invalidEmail', /not a valid e-mail/],
      ['an empty display name', { displayName: '   ' }, 'required', /cannot be empty/],
      ['an unknown team', { teamIds: ['00000000-0000-0000-0000-000000000000'] }, 'unknownTeam', /team.*does not exist/],
      ['a malformed team id', { teamIds: ['nope'] }, 'unknownTeam', /team.*does not exist/],
    ];
    it.each(bad)('%s', async (_label, change, reason, message) => {
      const before = await counts();
      const response = await admin.request(CREATE_USER, {
        input: {
          email: 'valid.person@test.example',
          displayName: 'Valid',
          password: PASSWORD,
          role: 'MARKETER',
          ...change,
        },
      });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.reason).toBe(reason);
      expect(response.errors?.[0].message).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it('an e-mail already taken, in another case', async () => {
      const existing = await t.createUser('MARKETER');
      const before = await counts();
      const response = await admin.request(CREATE_USER, {
        input: { email: existing.email.toUpperCase(), displayName: 'Twin', password: PASSWORD, role: 'MARKETER' },
      });
      expect(errorCode(response)).toBe('CONFLICT');
      expect(response.errors?.[0].message).toContain(existing.email);
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['an unknown role', { role: 'ROOT' }],
      ['an unknown field', { role: 'MARKETER', isRoot: true }],
      ['a wrong type', { role: 'MARKETER', teamIds: 42, displayName: { first: 'x' } }],
    ])('%s', async (_label, change) => {
      const before = await counts();
      const response = await admin.request(CREATE_USER, {
        input: { email: 'typed@test.example', displayName: 'Typed', password: PASSWORD, ...change },
      });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(/Variable "\$input"/);
      expect(await counts()).toEqual(before);
    });

    it('a duplicate team name, in another case', async () => {
      const response = await admin.request('mutation { createTeam(name: "digital & social") { id } }');
      expect(errorCode(response)).toBe('CONFLICT');
    });

    it('a wrong current password', async () => {
      const response = await admin.request(
        'mutation { changePassword(current: "wrong-password", next: "long-enough-new") }',
      );
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.reason).toBe('wrongCurrentPassword');
    });

    it('an unknown locale', async () => {
      expect(errorCode(await admin.request('mutation { updateMyLocale(locale: de) { id } }'))).toBe('BAD_USER_INPUT');
    });
  });

  it('never leaves the department without an active administrator', async () => {
    const local = await startTestApp();
    try {
      const { user: onlyAdmin, client } = await local.signedIn('ADMIN');
      const demote = await client.request(UPDATE_USER, { id: onlyAdmin.id, input: { role: 'MARKETER' } });
      expect(errorCode(demote)).toBe('CONFLICT');
      expect(demote.errors?.[0].extensions?.reason).toBe('lastAdmin');
      const self = await client.request('mutation ($id: ID!) { deactivateUser(id: $id) { id } }', { id: onlyAdmin.id });
      expect(errorCode(self)).toBe('FORBIDDEN');
    } finally {
      await local.close();
    }
  });

  it('closes the other sessions when a password changes, and the old password stops working', async () => {
    const user = await t.createUser('MARKETER');
    const first = t.client();
    const second = t.client();
    await first.signIn(user.email);
    await second.signIn(user.email);
    await first.request('mutation ($n: String!) { changePassword(current: "correct-horse-battery", next: $n) }', {
      n: 'a-brand-new-password',
    });
    expect((await first.request('{ me { id } }')).data).toEqual({ me: { id: user.id } });
    expect((await second.request('{ me { id } }')).data).toEqual({ me: null });
    expect(errorCode(await t.client().signIn(user.email))).toBe('UNAUTHENTICATED');
    expect((await t.client().signIn(user.email, 'a-brand-new-password')).errors).toBeUndefined();
  });
});
