import type { Actor } from '@atelier/domain';
import { SpacesService } from '../src/spaces/spaces.service';
import { User } from '../src/users/user.entity';
import { countQueries } from './support/query-counter';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const SPACE_FIELDS =
  'id name description kind visibility teamId memberCount viewerIsMember owner { id } members { id }';
const SPACES = `{ spaces { ${SPACE_FIELDS} } }`;
const SPACE = `query ($id: ID!) { space(id: $id) { ${SPACE_FIELDS} } }`;
const CREATE = `mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { ${SPACE_FIELDS} } }`;
const JOIN = `mutation ($id: ID!) { joinSpace(id: $id) { id memberCount viewerIsMember } }`;
const LEAVE = `mutation ($id: ID!) { leaveSpace(id: $id) { id memberCount viewerIsMember } }`;
const ADD = `mutation ($s: ID!, $u: ID!) { addSpaceMember(spaceId: $s, userId: $u) { id memberCount members { id } } }`;
const REMOVE = `mutation ($s: ID!, $u: ID!) { removeSpaceMember(spaceId: $s, userId: $u) { id memberCount } }`;

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

interface SpaceView {
  id: string;
  name: string;
  kind: string;
  visibility: string;
  memberCount: number;
  viewerIsMember: boolean;
  teamId: string | null;
}

describe('spaces', () => {
  let t: TestApp;
  let owner: { user: User; client: GqlClient };
  let other: { user: User; client: GqlClient };
  let openId: string;
  let privateId: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await t.signedIn('MARKETER');
    other = await t.signedIn('MARKETER');
    const spaces = t.app.get(SpacesService);
    openId = (
      await spaces.create(actor(owner.user), { name: 'Brand voice', description: 'Tone and words', visibility: 'OPEN' })
    ).id;
    privateId = (
      await spaces.create(actor(owner.user), { name: 'Secret launch', description: 'Hush', visibility: 'PRIVATE' })
    ).id;
  });
  afterAll(() => t.close());

  it('lets staff create open and private spaces, owned by and including their creator', async () => {
    const response = await other.client.request(CREATE, {
      input: { name: '  Events 2027 ', description: 'Trade fairs', visibility: 'PRIVATE' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createSpace).toEqual({
      id: expect.any(String),
      name: 'Events 2027',
      description: 'Trade fairs',
      kind: 'TOPIC',
      visibility: 'PRIVATE',
      teamId: null,
      memberCount: 1,
      viewerIsMember: true,
      owner: { id: other.user.id },
      members: [{ id: other.user.id }],
    });
  });

  it('lists open spaces to everyone and private ones to their members only', async () => {
    const mine = (await owner.client.request<{ spaces: SpaceView[] }>(SPACES)).data!.spaces.map((s) => s.id);
    expect(mine).toEqual(expect.arrayContaining([openId, privateId]));
    const theirs = (await other.client.request<{ spaces: SpaceView[] }>(SPACES)).data!.spaces;
    expect(theirs.map((s) => s.id)).toContain(openId);
    expect(theirs.map((s) => s.id)).not.toContain(privateId);
    expect(theirs.find((s) => s.id === openId)).toMatchObject({ viewerIsMember: false, memberCount: 1 });
  });

  it('answers a private space read by a non-member exactly as a missing one', async () => {
    const hidden = await other.client.request(SPACE, { id: privateId });
    const missing = await other.client.request(SPACE, { id: '00000000-0000-0000-0000-000000000000' });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(hidden.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(JSON.stringify(hidden)).not.toMatch(/Secret launch|Hush/);
    expect(errorCode(await other.client.request(SPACE, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
  });

  it('lets staff join and leave an open space', async () => {
    expect((await other.client.request(JOIN, { id: openId })).data).toEqual({
      joinSpace: { id: openId, memberCount: 2, viewerIsMember: true },
    });
    expect((await other.client.request(JOIN, { id: openId })).data).toEqual({
      joinSpace: { id: openId, memberCount: 2, viewerIsMember: true },
    });
    expect((await other.client.request(LEAVE, { id: openId })).data).toEqual({
      leaveSpace: { id: openId, memberCount: 1, viewerIsMember: false },
    });
  });

  it('does not let a non-member join a private space, and does not reveal it', async () => {
    const response = await other.client.request(JOIN, { id: privateId });
    expect(errorCode(response)).toBe('NOT_FOUND');
    expect(errorCode(await other.client.request(LEAVE, { id: privateId }))).toBe('NOT_FOUND');
  });

  it('lets the owner add and remove members of a private space, who then read it or not', async () => {
    const added = await owner.client.request(ADD, { s: privateId, u: other.user.id });
    expect(added.errors).toBeUndefined();
    expect(added.data).toEqual({
      addSpaceMember: { id: privateId, memberCount: 2, members: expect.arrayContaining([{ id: other.user.id }]) },
    });
    expect((await other.client.request(SPACE, { id: privateId })).data).toMatchObject({
      space: { id: privateId, viewerIsMember: true },
    });

    // A member who is not the owner cannot change the members.
    const third = await t.createUser('MARKETER');
    expect(errorCode(await other.client.request(ADD, { s: privateId, u: third.id }))).toBe('FORBIDDEN');
    expect(errorCode(await other.client.request(REMOVE, { s: privateId, u: owner.user.id }))).toBe('FORBIDDEN');

    const removed = await owner.client.request(REMOVE, { s: privateId, u: other.user.id });
    expect(removed.data).toEqual({ removeSpaceMember: { id: privateId, memberCount: 1 } });
    expect(errorCode(await other.client.request(SPACE, { id: privateId }))).toBe('NOT_FOUND');
  });

  it('lets a member leave a private space, after which it is hidden from them', async () => {
    await owner.client.request(ADD, { s: privateId, u: other.user.id });
    const left = await other.client.request(LEAVE, { id: privateId });
    expect(left.errors).toBeUndefined();
    expect(errorCode(await other.client.request(SPACE, { id: privateId }))).toBe('NOT_FOUND');
  });

  it.each(['MANAGER', 'ADMIN'] as const)(
    'lets a %s manage the members of any space, even a private one they are not in',
    async (role) => {
      const { client } = await t.signedIn(role);
      const member = await t.createUser('MARKETER');
      expect((await client.request(ADD, { s: privateId, u: member.id })).errors).toBeUndefined();
      expect((await client.request(REMOVE, { s: privateId, u: member.id })).errors).toBeUndefined();
    },
  );

  it('refuses member changes by a non-owner marketer on an open space', async () => {
    const third = await t.createUser('MARKETER');
    expect(errorCode(await other.client.request(ADD, { s: openId, u: third.id }))).toBe('FORBIDDEN');
    expect(errorCode(await other.client.request(REMOVE, { s: openId, u: owner.user.id }))).toBe('FORBIDDEN');
  });

  it('refuses to make a customer, or an unknown user, a member', async () => {
    const customer = await t.createUser('CUSTOMER');
    const response = await owner.client.request(ADD, { s: openId, u: customer.id });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.reason).toBe('customerCannotJoinSpace');
    expect(errorCode(await owner.client.request(ADD, { s: openId, u: '00000000-0000-0000-0000-000000000000' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses a space without a name, with a message saying so', async () => {
    const response = await owner.client.request(CREATE, { input: { name: '   ', visibility: 'OPEN' } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/name cannot be empty/);
  });

  it('gives every new team its space, whose members are the team members', async () => {
    const teamId = await t.createTeam('Content studio');
    const member = await t.createUser('MARKETER', { teamIds: [teamId] });
    const client = t.client();
    await client.signIn(member.email);
    const spaces = (await client.request<{ spaces: SpaceView[] }>(SPACES)).data!.spaces;
    const teamSpace = spaces.find((s) => s.teamId === teamId);
    expect(teamSpace).toMatchObject({
      name: 'Content studio',
      kind: 'TEAM',
      visibility: 'OPEN',
      memberCount: 1,
      viewerIsMember: true,
    });
    const leave = await client.request(LEAVE, { id: teamSpace!.id });
    expect(errorCode(leave)).toBe('CONFLICT');
    expect(leave.errors?.[0].message).toMatch(/change the team membership/);
    // Anyone on staff reads it (open) without being a member.
    expect((await other.client.request(SPACE, { id: teamSpace!.id })).data).toMatchObject({
      space: { viewerIsMember: false },
    });
  });

  it('does not create a team whose space cannot be created (one transaction)', async () => {
    const [{ count }] = await t.sql<{ count: string }>(
      `select count(*) from teams t where not exists (select 1 from spaces s where s.team_id = t.id)`,
    );
    expect(count).toBe('0');
  });

  it('refuses every space query and mutation to a customer', async () => {
    const { client } = await t.signedIn('CUSTOMER');
    const attempts: [string, Record<string, unknown>][] = [
      [SPACES, {}],
      [SPACE, { id: openId }],
      [CREATE, { input: { name: 'x', visibility: 'OPEN' } }],
      [JOIN, { id: openId }],
      [LEAVE, { id: openId }],
      [ADD, { s: openId, u: other.user.id }],
      [REMOVE, { s: openId, u: owner.user.id }],
    ];
    for (const [query, variables] of attempts) {
      const response = await client.request(query, variables);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
  });

  it('refuses spaces to an anonymous caller', async () => {
    expect(errorCode(await t.client().request(SPACES))).toBe('UNAUTHENTICATED');
  });

  it('lists spaces with their owners and members for the same number of SQL queries, 2 spaces or 6', async () => {
    const local = await startTestApp();
    try {
      const viewer = await local.signedIn('MARKETER');
      const spaces = local.app.get(SpacesService);
      const people = await Promise.all([0, 1, 2].map(() => local.createUser('MARKETER')));
      const addSpace = async (i: number) => {
        const creator = people[i % people.length];
        const { id } = await spaces.create(actor(creator), { name: `Space ${i}`, description: '', visibility: 'OPEN' });
        await spaces.addMember(actor(creator), id, people[(i + 1) % people.length].id);
      };
      const list = async () => {
        let names: string[] = [];
        const { count } = await countQueries(async () => {
          const response = await viewer.client.request<{
            spaces: { name: string; owner: { id: string } | null; members: { id: string }[] }[];
          }>(SPACES);
          expect(response.errors).toBeUndefined();
          names = response.data!.spaces.map((space) => space.name);
          for (const space of response.data!.spaces) {
            expect(space.members.length).toBeGreaterThanOrEqual(space.owner ? 2 : 1);
          }
        });
        return { count, names };
      };
      // A team space: its members come from the team.
      const teamId = await local.createTeam('Digital & Social');
      await local.createUser('MARKETER', { teamIds: [teamId] });
      await addSpace(0);
      await list(); // warm up (first use of the session, metadata)
      const two = await list();
      expect(two.names).toHaveLength(2);
      for (let i = 1; i <= 4; i += 1) await addSpace(i);
      const six = await list();
      expect(six.names).toHaveLength(6);
      expect(six.count).toBe(two.count);
    } finally {
      await local.close();
    }
  });
});
