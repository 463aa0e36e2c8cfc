import { ACTIONS, Action, Actor, can } from './policy';
import { ROLES, Role } from './roles';

const actor = (role: Role, overrides: Partial<Actor> = {}): Actor => ({
  id: `${role}-1`,
  role,
  active: true,
  ...overrides,
});

/**
 * The whole table, written out by hand: one row per action, one column per role.
 * Reading it is reviewing the policy.
 */
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  'me.read': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'me.changePassword': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'me.changeLocale': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'user.list': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'user.create': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'user.update': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'user.deactivate': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'team.list': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'team.create': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'section.feed': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'section.briefs': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'section.coCreation': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'section.timeSaved': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'section.dashboard': { ADMIN: true, MANAGER: true, MARKETER: false, CUSTOMER: false },
  'section.admin': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'space.read': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'space.create': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'space.join': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  // Rows below are for someone else's space, post or comment; the owner and author cases follow.
  'space.manageMembers': { ADMIN: true, MANAGER: true, MARKETER: false, CUSTOMER: false },
  'post.write': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'post.edit': { ADMIN: false, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'post.delete': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'post.pin': { ADMIN: true, MANAGER: true, MARKETER: false, CUSTOMER: false },
  'comment.write': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'comment.edit': { ADMIN: false, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'reaction.write': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'comment.delete': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'comment.moderate': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'notification.read': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'mention.search': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'attachment.upload': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'search.run': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  // ---- briefs ----
  'brief.read': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'brief.write': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'brief.review': { ADMIN: false, MANAGER: true, MARKETER: false, CUSTOMER: false },
  'kpiActual.record': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'kpiActual.verify': { ADMIN: false, MANAGER: true, MARKETER: false, CUSTOMER: false },
  'channel.read': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'channel.create': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
  'scorecard.read': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  // ---- co-creation ----
  'coCreation.read': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'coCreation.participate': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'coCreation.manage': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'offer.approve': { ADMIN: true, MANAGER: true, MARKETER: false, CUSTOMER: false },
  // ---- time saved and ROI ----
  'timeSaved.log': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'timeSaved.readOthers': { ADMIN: true, MANAGER: true, MARKETER: false, CUSTOMER: false },
  'roi.read': { ADMIN: true, MANAGER: true, MARKETER: false, CUSTOMER: false },
  'costs.manage': { ADMIN: true, MANAGER: false, MARKETER: false, CUSTOMER: false },
};

/** The same actions on the actor's own space, post or comment. */
const EXPECTED_OWN: Partial<Record<Action, Record<Role, boolean>>> = {
  'space.manageMembers': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'post.edit': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'post.delete': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'post.pin': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false },
  'comment.edit': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
  'comment.delete': { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: true },
};

describe('permission policy', () => {
  it('has an expected row for every action it knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const expected = EXPECTED[action][role];
      it(`${expected ? 'allows' : 'refuses'} ${role} to ${action}`, () => {
        expect(can(actor(role), action, { userId: 'someone-else' })).toBe(expected);
      });
    }
  }

  for (const [action, row] of Object.entries(EXPECTED_OWN) as [Action, Record<Role, boolean>][]) {
    for (const role of ROLES) {
      it(`${row[role] ? 'allows' : 'refuses'} ${role} to ${action} on their own`, () => {
        const self = actor(role);
        expect(can(self, action, { ownerId: self.id, authorId: self.id })).toBe(row[role]);
      });
    }
  }

  it('lets staff moderate comments in co-creation threads, and customers nowhere', () => {
    const expected: Record<Role, boolean> = { ADMIN: true, MANAGER: true, MARKETER: true, CUSTOMER: false };
    for (const role of ROLES) {
      expect(can(actor(role), 'comment.moderate', { scopeType: 'THREAD' })).toBe(expected[role]);
      expect(can(actor(role), 'comment.moderate', { scopeType: 'SPACE' })).toBe(role === 'ADMIN');
    }
  });

  it('does not treat a missing owner or author as the actor', () => {
    const marketer = actor('MARKETER');
    expect(can(marketer, 'post.edit', { authorId: undefined })).toBe(false);
    expect(can(marketer, 'post.pin', { ownerId: null })).toBe(false);
  });

  it('refuses every action to a deactivated account, whatever its role', () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        expect(can(actor(role, { active: false }), action)).toBe(false);
      }
    }
  });

  it('refuses everything to nobody', () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
    }
  });

  it('denies an action it does not know', () => {
    expect(can(actor('ADMIN'), 'user.delete' as Action)).toBe(false);
  });

  it('does not let an admin deactivate their own account', () => {
    const admin = actor('ADMIN');
    expect(can(admin, 'user.deactivate', { userId: admin.id })).toBe(false);
    expect(can(admin, 'user.deactivate', { userId: 'another' })).toBe(true);
  });
});
