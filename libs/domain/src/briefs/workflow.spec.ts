import { DomainError } from '../errors';
import { Role } from '../roles';
import {
  BRIEF_STATUSES,
  BRIEF_TRANSITIONS,
  BriefActorFacts,
  BriefStatus,
  BriefTransition,
  TRANSITIONS,
  canReadBrief,
  editRefusal,
  kpiTargetChangeRefusal,
  mayReviewOwnBrief,
  recordActualRefusal,
  reviewActualRefusal,
  transitionRefusal,
} from './workflow';

const actor = (role: Role, overrides: Partial<BriefActorFacts> = {}): BriefActorFacts => ({
  id: `${role}-1`,
  role,
  active: true,
  inTeam: true,
  activeManagerCount: 2,
  ...overrides,
});
const brief = (status: BriefStatus, ownerId = 'owner') => ({ status, ownerId });
const code = (error: DomainError | null) => error?.code ?? 'OK';

describe('brief workflow', () => {
  it('knows exactly the five transitions of the issue', () => {
    expect(TRANSITIONS).toEqual({
      SUBMIT: { from: 'DRAFT', to: 'IN_REVIEW' },
      REQUEST_CHANGES: { from: 'IN_REVIEW', to: 'DRAFT' },
      APPROVE: { from: 'IN_REVIEW', to: 'APPROVED' },
      LAUNCH: { from: 'APPROVED', to: 'LIVE' },
      CLOSE: { from: 'LIVE', to: 'CLOSED' },
    });
  });

  /** Who may make each transition from its own status (brief owned by someone else, actor in the team). */
  const BY_ROLE: Record<BriefTransition, Record<Role, string>> = {
    SUBMIT: { ADMIN: 'OK', MANAGER: 'OK', MARKETER: 'OK', CUSTOMER: 'FORBIDDEN' },
    REQUEST_CHANGES: { ADMIN: 'FORBIDDEN', MANAGER: 'OK', MARKETER: 'FORBIDDEN', CUSTOMER: 'FORBIDDEN' },
    APPROVE: { ADMIN: 'FORBIDDEN', MANAGER: 'OK', MARKETER: 'FORBIDDEN', CUSTOMER: 'FORBIDDEN' },
    LAUNCH: { ADMIN: 'OK', MANAGER: 'OK', MARKETER: 'FORBIDDEN', CUSTOMER: 'FORBIDDEN' },
    CLOSE: { ADMIN: 'OK', MANAGER: 'OK', MARKETER: 'FORBIDDEN', CUSTOMER: 'FORBIDDEN' },
  };

  for (const transition of BRIEF_TRANSITIONS) {
    const { from } = TRANSITIONS[transition];
    for (const role of ['ADMIN', 'MANAGER', 'MARKETER', 'CUSTOMER'] as Role[]) {
      const expected = BY_ROLE[transition][role];
      it(`${expected === 'OK' ? 'allows' : 'refuses'} ${role} to ${transition} from ${from}`, () => {
        expect(code(transitionRefusal(transition, actor(role), brief(from), 'a comment'))).toBe(expected);
      });
    }
    for (const status of BRIEF_STATUSES.filter((s) => s !== from)) {
      it(`refuses ${transition} from ${status}`, () => {
        const refusal = transitionRefusal(transition, actor('MANAGER'), brief(status), 'a comment');
        expect(refusal?.code).toBe('CONFLICT');
        expect(refusal?.details.reason).toBe(status === 'CLOSED' ? 'briefClosed' : 'briefWrongStatus');
      });
    }
  }

  it('lets the owner launch and close their own brief, marketer or not', () => {
    const owner = actor('MARKETER', { id: 'owner' });
    expect(transitionRefusal('LAUNCH', owner, brief('APPROVED'))).toBeNull();
    expect(transitionRefusal('CLOSE', owner, brief('LIVE'))).toBeNull();
  });

  it('refuses a marketer of another team to submit', () => {
    expect(code(transitionRefusal('SUBMIT', actor('MARKETER', { inTeam: false }), brief('DRAFT')))).toBe('FORBIDDEN');
  });

  it('refuses a deactivated account everything', () => {
    for (const transition of BRIEF_TRANSITIONS) {
      const refusal = transitionRefusal(
        transition,
        actor('MANAGER', { active: false }),
        brief(TRANSITIONS[transition].from),
        'x',
      );
      expect(code(refusal)).toBe('FORBIDDEN');
    }
  });

  it('refuses to submit a brief without a KPI', () => {
    const refusal = transitionRefusal('SUBMIT', actor('MARKETER'), { ...brief('DRAFT'), kpiCount: 0 });
    expect(refusal?.details).toMatchObject({ reason: 'briefNeedsKpi', field: 'kpis' });
    expect(transitionRefusal('SUBMIT', actor('MARKETER'), { ...brief('DRAFT'), kpiCount: 1 })).toBeNull();
  });

  it('requires a comment to request changes', () => {
    expect(transitionRefusal('REQUEST_CHANGES', actor('MANAGER'), brief('IN_REVIEW'), '  ')?.details.field).toBe(
      'comment',
    );
  });

  describe('a manager reviewing their own brief', () => {
    it('is refused when another active manager exists', () => {
      const self = actor('MANAGER', { id: 'owner', activeManagerCount: 2 });
      expect(code(transitionRefusal('APPROVE', self, brief('IN_REVIEW')))).toBe('FORBIDDEN');
      expect(code(transitionRefusal('REQUEST_CHANGES', self, brief('IN_REVIEW'), 'x'))).toBe('FORBIDDEN');
    });
    it('is allowed when they are the only active manager', () => {
      const self = actor('MANAGER', { id: 'owner', activeManagerCount: 1 });
      expect(transitionRefusal('APPROVE', self, brief('IN_REVIEW'))).toBeNull();
    });
    it('follows the pure rule', () => {
      expect(mayReviewOwnBrief({ isOwner: false, activeManagerCount: 5 })).toBe(true);
      expect(mayReviewOwnBrief({ isOwner: true, activeManagerCount: 2 })).toBe(false);
      expect(mayReviewOwnBrief({ isOwner: true, activeManagerCount: 1 })).toBe(true);
    });
  });

  describe('editing', () => {
    it('is open to team marketers on a draft, approved or live brief', () => {
      for (const status of ['DRAFT', 'APPROVED', 'LIVE'] as BriefStatus[]) {
        expect(editRefusal(actor('MARKETER'), brief(status))).toBeNull();
      }
    });
    it('is frozen in review and closed for good', () => {
      expect(editRefusal(actor('MARKETER'), brief('IN_REVIEW'))?.details.reason).toBe('briefInReview');
      expect(editRefusal(actor('ADMIN'), brief('CLOSED'))?.details.reason).toBe('briefClosed');
    });
    it('refuses marketers of other teams and customers', () => {
      expect(code(editRefusal(actor('MARKETER', { inTeam: false }), brief('DRAFT')))).toBe('FORBIDDEN');
      expect(code(editRefusal(actor('CUSTOMER'), brief('DRAFT')))).toBe('FORBIDDEN');
    });
    it('lets only managers change a KPI target after approval', () => {
      expect(kpiTargetChangeRefusal(actor('MARKETER'), brief('DRAFT'))).toBeNull();
      expect(code(kpiTargetChangeRefusal(actor('MARKETER'), brief('APPROVED')))).toBe('FORBIDDEN');
      expect(code(kpiTargetChangeRefusal(actor('MARKETER'), brief('LIVE')))).toBe('FORBIDDEN');
      expect(kpiTargetChangeRefusal(actor('MANAGER'), brief('LIVE'))).toBeNull();
    });
  });

  it('reads: team, owner, watchers, managers and admins; customers never', () => {
    const other = { inTeam: false };
    expect(canReadBrief(actor('MARKETER'), brief('DRAFT'))).toBe(true);
    expect(canReadBrief(actor('MARKETER', other), brief('DRAFT'))).toBe(false);
    expect(canReadBrief(actor('MARKETER', { ...other, id: 'owner' }), brief('DRAFT'))).toBe(true);
    expect(canReadBrief(actor('MARKETER', other), { ...brief('DRAFT'), watching: true })).toBe(true);
    expect(canReadBrief(actor('MANAGER', other), brief('DRAFT'))).toBe(true);
    expect(canReadBrief(actor('ADMIN', other), brief('DRAFT'))).toBe(true);
    expect(canReadBrief(actor('CUSTOMER'), { ...brief('DRAFT'), watching: true })).toBe(false);
  });

  describe('actuals', () => {
    it('are recorded on live briefs only', () => {
      expect(recordActualRefusal(actor('MARKETER'), brief('LIVE'))).toBeNull();
      expect(recordActualRefusal(actor('MARKETER'), brief('APPROVED'))?.details.reason).toBe('briefNotLive');
      expect(recordActualRefusal(actor('MARKETER'), brief('CLOSED'))?.details.reason).toBe('briefClosed');
      expect(code(recordActualRefusal(actor('MARKETER', { inTeam: false }), brief('LIVE')))).toBe('FORBIDDEN');
    });
    it('are checked by a manager other than the recorder, once', () => {
      const claimed = { recordedById: 'someone', status: 'CLAIMED' as const };
      expect(reviewActualRefusal(actor('MANAGER'), brief('LIVE'), claimed)).toBeNull();
      expect(code(reviewActualRefusal(actor('MARKETER'), brief('LIVE'), claimed))).toBe('FORBIDDEN');
      expect(code(reviewActualRefusal(actor('ADMIN'), brief('LIVE'), claimed))).toBe('FORBIDDEN');
      const own = { recordedById: 'MANAGER-1', status: 'CLAIMED' as const };
      expect(code(reviewActualRefusal(actor('MANAGER'), brief('LIVE'), own))).toBe('FORBIDDEN');
      const done = { recordedById: 'someone', status: 'VERIFIED' as const };
      expect(reviewActualRefusal(actor('MANAGER'), brief('LIVE'), done)?.details.reason).toBe('actualAlreadyReviewed');
      expect(reviewActualRefusal(actor('MANAGER'), brief('CLOSED'), claimed)?.details.reason).toBe('briefClosed');
    });
  });
});
