import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@atelier/domain';
import { counterpart, decide, homeFor, safeRedirect, type GuardTarget } from '@/router-guard';
import { routes } from '@/router';

const actor = (role: Role, active = true): Actor => ({ id: `id-${role}`, role, active });
/** `pattern` is the route's path (`/threads/:id`); `fullPath` what was asked for (`/threads/t1`). */
const route = (pattern: string, query: Record<string, unknown> = {}, fullPath = pattern): GuardTarget => {
  const record = routes.find((r) => r.path === pattern);
  if (!record) throw new Error(`no route ${pattern}`);
  return { fullPath, query, meta: record.meta ?? {} };
};

describe('router guard', () => {
  it('sends anonymous visitors to sign-in, remembering where they were going', () => {
    expect(decide(route('/feed'), null)).toEqual({ path: '/sign-in', query: { redirect: '/feed' } });
    expect(decide(route('/admin'), null)).toEqual({ path: '/sign-in', query: { redirect: '/admin' } });
    expect(decide(route('/sign-in'), null)).toBe(true);
  });

  it('lets staff into their sections', () => {
    for (const path of ['/feed', '/briefs', '/co-creation', '/time-saved', '/profile']) {
      expect(decide(route(path), actor('MARKETER'))).toBe(true);
    }
  });

  it('keeps the dashboard for managers and admins', () => {
    expect(decide(route('/dashboard'), actor('MARKETER'))).toEqual({ path: '/feed' });
    expect(decide(route('/dashboard'), actor('MANAGER'))).toBe(true);
    expect(decide(route('/dashboard'), actor('ADMIN'))).toBe(true);
  });

  it('keeps administration for admins', () => {
    expect(decide(route('/admin'), actor('MANAGER'))).toEqual({ path: '/feed' });
    expect(decide(route('/admin'), actor('ADMIN'))).toBe(true);
  });

  it('keeps customers in their threads, away from every internal section', () => {
    const customer = actor('CUSTOMER');
    for (const path of [
      '/feed',
      '/spaces',
      '/search',
      '/briefs',
      '/co-creation',
      '/co-creation/outbox',
      '/admin',
      '/dashboard',
      '/time-saved',
    ]) {
      expect(decide(route(path), customer)).toEqual({ path: '/threads' });
    }
    for (const path of ['/threads', '/threads/:id', '/threads/proposals/:id', '/threads/offers/:id', '/profile']) {
      expect(decide(route(path), customer)).toBe(true);
    }
  });

  it('opens the customer side of a staff co-creation link for customers, and the staff side for staff', () => {
    const customer = actor('CUSTOMER');
    expect(decide(route('/co-creation/:id', {}, '/co-creation/t1'), customer)).toEqual({ path: '/threads/t1' });
    expect(decide(route('/co-creation/proposals/:id', {}, '/co-creation/proposals/p1#comment-c1'), customer)).toEqual({
      path: '/threads/proposals/p1#comment-c1',
    });
    expect(decide(route('/co-creation/offers/:id', {}, '/co-creation/offers/o1'), customer)).toEqual({
      path: '/threads/offers/o1',
    });
    for (const role of ['ADMIN', 'MANAGER', 'MARKETER'] as const) {
      expect(decide(route('/threads'), actor(role))).toEqual({ path: '/co-creation' });
      expect(decide(route('/threads/:id', {}, '/threads/t1'), actor(role))).toEqual({ path: '/co-creation/t1' });
      expect(decide(route('/threads/proposals/:id', {}, '/threads/proposals/p1'), actor(role))).toEqual({
        path: '/co-creation/proposals/p1',
      });
      for (const path of [
        '/co-creation',
        '/co-creation/:id',
        '/co-creation/proposals/:id',
        '/co-creation/offers/:id',
        '/co-creation/outbox',
      ]) {
        expect(decide(route(path), actor(role))).toBe(true);
      }
    }
  });

  it('maps only co-creation pages between the two sides', () => {
    expect(counterpart('/co-creation/outbox', actor('CUSTOMER'))).toBeNull();
    expect(counterpart('/co-creationist', actor('CUSTOMER'))).toBeNull();
    expect(counterpart('/feed', actor('CUSTOMER'))).toBeNull();
    expect(counterpart('/threadsX', actor('MARKETER'))).toBeNull();
    expect(counterpart('/threads/t1', actor('CUSTOMER'))).toBeNull();
    expect(counterpart('/co-creation/t1', actor('MARKETER'))).toBeNull();
    expect(counterpart('/co-creation/t1', actor('CUSTOMER', false))).toBeNull();
  });

  it('opens an invitation link for anyone, signed in or not, without sending them elsewhere', () => {
    const invitation = route('/invitation/:token', {}, '/invitation/abc');
    expect(decide(invitation, null)).toBe(true);
    expect(decide(invitation, actor('CUSTOMER'))).toBe(true);
    expect(decide(invitation, actor('MARKETER'))).toBe(true);
    expect(decide(route('/threads'), null)).toEqual({ path: '/sign-in', query: { redirect: '/threads' } });
  });

  it('sends signed-in people away from sign-in, honouring a safe redirect only', () => {
    expect(decide(route('/sign-in'), actor('MANAGER'))).toEqual({ path: '/feed' });
    expect(decide(route('/sign-in', { redirect: '/briefs' }), actor('MANAGER'))).toEqual({ path: '/briefs' });
    expect(decide(route('/sign-in', { redirect: '//evil.example' }), actor('MANAGER'))).toEqual({ path: '/feed' });
    expect(decide(route('/sign-in'), actor('CUSTOMER'))).toEqual({ path: '/threads' });
  });

  it('computes homes and safe redirects', () => {
    expect(homeFor(null)).toBe('/sign-in');
    expect(homeFor(actor('ADMIN'))).toBe('/feed');
    expect(homeFor(actor('CUSTOMER'))).toBe('/threads');
    expect(safeRedirect('/admin?tab=1')).toBe('/admin?tab=1');
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('/sign-in?redirect=/x')).toBeNull();
    expect(safeRedirect(['/a'])).toBeNull();
  });

  it('treats a deactivated account like a stranger to every section', () => {
    expect(decide(route('/feed'), actor('ADMIN', false))).toEqual({ path: '/threads' });
    expect(decide(route('/threads'), actor('ADMIN', false))).toBe(true);
    expect(decide(route('/threads/:id', {}, '/threads/t1'), actor('MARKETER', false))).toBe(true);
  });
});
