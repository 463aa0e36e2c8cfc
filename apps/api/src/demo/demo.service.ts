import { Injectable } from '@nestjs/common';
import type { Actor } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { CommentsService } from '../comments/comments.service';
import { PostsService } from '../posts/posts.service';
import type { ReactionKind } from '../reactions/reaction.entity';
import { ReactionsService } from '../reactions/reactions.service';
import { SpacesService } from '../spaces/spaces.service';
import { TeamsService } from '../teams/teams.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import {
  DEMO_PINNERS,
  DEMO_POSTS,
  DEMO_TEAM_SPACES,
  DEMO_TOPIC_SPACES,
  type DemoComment,
  type DemoReactions,
  type DemoSpaceKey,
} from './demo-content';
import { DemoBriefs } from './demo-briefs';
import { DemoCoCreation } from './demo-co-creation';
import { DemoTimeSaved } from './demo-time-saved';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAMS } from './demo-workspace';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const actorOf = (user: User): Actor => ({ id: user.id, role: user.role, active: user.active });

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
    private readonly spaces: SpacesService,
    private readonly posts: PostsService,
    private readonly comments: CommentsService,
    private readonly reactions: ReactionsService,
    private readonly dataSource: DataSource,
    private readonly coCreation: DemoCoCreation,
    private readonly demoBriefs: DemoBriefs,
    private readonly timeSaved: DemoTimeSaved,
  ) {}

  async seed(): Promise<SeedResult> {
    if (await this.users.findByEmail(DEMO_PEOPLE[0].email)) return { seeded: false, accounts: [] };
    const teamIds = new Map<string, string>();
    for (const name of DEMO_TEAMS) teamIds.set(name, (await this.teams.create(name)).id);
    const people = new Map<string, User>();
    // In parallel: password hashing dominates and runs on libuv's thread pool.
    await Promise.all(
      DEMO_PEOPLE.map(async (person) => {
        const user = await this.users.create({
          email: person.email,
          displayName: person.displayName,
          role: person.role,
          locale: person.locale,
          password: DEMO_PASSWORD,
          teamIds: person.teams.map((team) => teamIds.get(team)!),
        });
        people.set(person.email.split('@')[0], user);
      }),
    );
    await this.seedContent(people, teamIds);
    await this.coCreation.seed(people);
    await this.demoBriefs.seed(people, teamIds);
    await this.timeSaved.seed(people, teamIds);
    return { seeded: true, accounts: DEMO_PEOPLE.map(({ email, role }) => ({ email, role })) };
  }

  /**
   * A few weeks of activity in the team spaces and two topic spaces, written through the services
   * (so it is rendered, mentioned, notified and indexed for search like anything people write),
   * then dated in the past: see `backdate`.
   */
  private async seedContent(people: Map<string, User>, teamIds: Map<string, string>): Promise<void> {
    const person = (handle: string): Actor => actorOf(people.get(handle)!);
    const now = Date.now();
    const start = new Date(now - 28 * DAY);
    const stamps = new Map<string, Date>();
    const spaceIds = new Map<DemoSpaceKey, string>();

    const admin = people.get('helene.roussel')!;
    const teamSpaces = await this.spaces.listReadable(admin.id);
    for (const [key, teamName] of Object.entries(DEMO_TEAM_SPACES) as [DemoSpaceKey, string][]) {
      const space = teamSpaces.find((candidate) => candidate.teamId === teamIds.get(teamName))!;
      spaceIds.set(key, space.id);
      stamps.set(space.id, start);
    }
    for (const topic of DEMO_TOPIC_SPACES) {
      const owner = person(topic.owner);
      const space = await this.spaces.create(owner, topic);
      for (const member of topic.members) await this.spaces.addMember(owner, space.id, people.get(member)!.id);
      spaceIds.set(topic.key, space.id);
      stamps.set(space.id, new Date(start.getTime() + HOUR));
    }

    const react = async (targetId: string, reactions: DemoReactions = {}) => {
      const all = Object.entries(reactions) as [ReactionKind, string[]][];
      await Promise.all(
        all.flatMap(([kind, handles]) =>
          handles.map((handle) => this.reactions.toggle(person(handle), targetId, kind)),
        ),
      );
    };
    const comment = async (postId: string, postedAt: number, item: DemoComment, parentId?: string) => {
      const { id } = await this.comments.add(person(item.by), postId, item.text, parentId);
      stamps.set(id, new Date(Math.min(postedAt + item.after * HOUR, now - 10 * 60_000)));
      await react(id, item.reactions);
      for (const reply of item.replies ?? []) await comment(postId, postedAt, reply, id);
    };

    const day = new Date(now);
    day.setHours(0, 0, 0, 0);
    const timeOf = (daysAgo: number, hour: number) => day.getTime() - daysAgo * DAY + hour * HOUR;
    const chronological = [...DEMO_POSTS].sort((a, b) => timeOf(a.daysAgo, a.at) - timeOf(b.daysAgo, b.at));
    // Each space's story in order; the spaces side by side, to keep loading the demo quick.
    await Promise.all(
      [...spaceIds.keys()].map(async (key) => {
        for (const item of chronological.filter((candidate) => candidate.space === key)) {
          const postedAt = Math.min(timeOf(item.daysAgo, item.at), now - HOUR);
          const post = await this.posts.create(person(item.by), spaceIds.get(item.space)!, item.text);
          stamps.set(post.id, new Date(postedAt));
          if (item.pinned) await this.posts.pin(person(DEMO_PINNERS[item.space]), post.id, true);
          await react(post.id, item.reactions);
          for (const top of item.comments ?? []) await comment(post.id, postedAt, top);
        }
      }),
    );
    await this.backdate(stamps);
  }

  /**
   * Dates the demo content in the past, in one statement. The services stamp what they write with
   * now(), as they should for people; only the demo needs a history, so rather than giving the
   * services a date parameter nobody else may use, the demo rewrites created_at afterwards: spaces,
   * posts and comments get their own date, reactions their target's date plus a little. (The
   * search index follows through its triggers.)
   */
  private async backdate(stamps: Map<string, Date>): Promise<void> {
    await this.dataSource.query(
      `with stamps (id, at) as (select * from unnest($1::uuid[], $2::timestamptz[])),
            dated_spaces as (update spaces t set created_at = s.at from stamps s where t.id = s.id),
            dated_posts as (update posts t set created_at = s.at from stamps s where t.id = s.id),
            dated_comments as (update comments t set created_at = s.at from stamps s where t.id = s.id)
       update reactions t set created_at = least(s.at + interval '40 minutes', now()) from stamps s where t.target_id = s.id`,
      [[...stamps.keys()], [...stamps.values()].map((date) => date.toISOString())],
    );
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
