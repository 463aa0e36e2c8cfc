import { Injectable } from '@nestjs/common';
import { TeamsService } from '../teams/teams.service';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAMS } from './demo-workspace';

export interface SeedResult {
  seeded: boolean;
  accounts: { email: string; role: string }[];
}

/** Builds the demo department through the same services the API uses, so it obeys every rule. */
@Injectable()
export class DemoService {
  constructor(
    private readonly users: UsersService,
    private readonly teams: TeamsService,
  ) {}

  async seed(): Promise<SeedResult> {
    if (await this.users.findByEmail(DEMO_PEOPLE[0].email)) return { seeded: false, accounts: [] };
    const teamIds = new Map<string, string>();
    for (const name of DEMO_TEAMS) teamIds.set(name, (await this.teams.create(name)).id);
    for (const person of DEMO_PEOPLE) {
      await this.users.create({
        email: person.email,
        displayName: person.displayName,
        role: person.role,
        locale: person.locale,
        password: DEMO_PASSWORD,
        teamIds: person.teams.map((team) => teamIds.get(team)!),
      });
    }
    return { seeded: true, accounts: DEMO_PEOPLE.map(({ email, role }) => ({ email, role })) };
  }

  /** The first administrator, from ADMIN_EMAIL/ADMIN_PASSWORD, on an empty database only. */
  async ensureFirstAdmin(email: string, password: string): Promise<boolean> {
    if ((await this.users.count()) > 0) return false;
    await this.users.create({
      email,
      password,
      displayName: 'Administrator',
      role: 'ADMIN',
      locale: 'fr',
      teamIds: [],
    });
    return true;
  }
}
