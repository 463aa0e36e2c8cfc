import { randomUUID } from 'node:crypto';
import { UsersService } from '../src/users/users.service';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const PERSON = `query ($id: ID!) { person(id: $id) { id displayName handle email role active teams { id name } } }`;

describe('people: the page a mention links to', () => {
  let t: TestApp;
  let teamA: string;
  let teamB: string;

  beforeAll(async () => {
    t = await startTestApp();
    teamA = await t.createTeam('Réseau & Événements');
    teamB = await t.createTeam('Digital & Social');
  });
  afterAll(() => t.close());

  it.each(['ADMIN', 'MANAGER', 'MARKETER'] as const)(
    'shows staff (%s) the name, handle, e-mail, role and teams (by name) of a colleague',
    async (role) => {
      const { client } = await t.signedIn(role);
      const person = await t.createUser('MARKETER', {
        email: `Camille.Martin.${role}@atelier.example`,
        displayName: 'Camille Martin',
        teamIds: [teamA, teamB],
      });
      const response = await client.request(PERSON, { id: person.id });
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({
        person: {
          id: person.id,
          displayName: 'Camille Martin',
          handle: `camille.martin.${role.toLowerCase()}`,
          email: `camille.martin.${role.toLowerCase()}@atelier.example`,
          role: 'MARKETER',
          active: true,
          teams: [
            { id: teamB, name: 'Digital & Social' },
            { id: teamA, name: 'Réseau & Événements' },
          ],
        },
      });
    },
  );

  it('shows a deactivated person as such', async () => {
    const { client } = await t.signedIn('MARKETER');
    const person = await t.createUser('MANAGER');
    await t.app.get(UsersService).setActive(person.id, false);
    const response = await client.request<{ person: { active: boolean; role: string } }>(PERSON, { id: person.id });
    expect(response.data?.person).toEqual(expect.objectContaining({ active: false, role: 'MANAGER' }));
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    const { client } = await t.signedIn('MARKETER');
    for (const id of [randomUUID(), 'not-an-id']) {
      const response = await client.request(PERSON, { id });
      expect(errorCode(response)).toBe('NOT_FOUND');
      expect(response.data).toBeNull();
    }
  });

  it('refuses a customer with FORBIDDEN, revealing nothing, and an anonymous caller', async () => {
    const { client } = await t.signedIn('CUSTOMER');
    const person = await t.createUser('MARKETER', { displayName: 'Léa Fontaine' });
    const response = await client.request(PERSON, { id: person.id });
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect(response.data).toBeNull();
    expect(JSON.stringify(response)).not.toMatch(/Léa|Fontaine|@test\.example/);
    expect(errorCode(await t.client().request(PERSON, { id: person.id }))).toBe('UNAUTHENTICATED');
  });
});
