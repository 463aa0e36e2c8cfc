import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@atelier/domain';
import { decide, homeFor, safeRedirect, type GuardTarget } from '@/router-guard';
import { routes } from '@/router';

const actor = (role: Role, active = true): Actor => ({ id: `id-${role}`, role, active });
const route = (path: string, query: Record<string, unknown> = {}): GuardTarget => {
  const record = routes.find((r) => r.path === path);
  if (!record) throw new Error(`no route ${path}`);
  return { fullPath: path, query, meta: record.meta ?? {} };
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

  it('sends customers to their welcome page, away from internal sections', () => {
    expect(decide(route('/feed'), actor('CUSTOMER'))).toEqual({ path: '/welcome' });
    expect(decide(route('/admin'), actor('CUSTOMER'))).toEqual({ path: '/welcome' });
    expect(decide(route('/welcome'), actor('CUSTOMER'))).toBe(true);
    expect(decide(route('/profile'), actor('CUSTOMER'))).toBe(true);
    expect(decide(route('/welcome'), actor('MARKETER'))).toEqual({ path: '/feed' });
  });

  it('sends signed-in people away from sign-in, honouring a safe redirect only', () => {
    expect(decide(route('/sign-in'), actor('MANAGER'))).toEqual({ path: '/feed' });
    expect(decide(route('/sign-in', { redirect: '/briefs' }), actor('MANAGER'))).toEqual({ path: '/briefs' });
    expect(decide(route('/sign-in', { redirect: '//evil.example' }), actor('MANAGER'))).toEqual({ path: '/feed' });
    expect(decide(route('/sign-in'), actor('CUSTOMER'))).toEqual({ path: '/welcome' });
  });

  it('computes homes and safe redirects', () => {
    expect(homeFor(null)).toBe('/sign-in');
    expect(homeFor(actor('ADMIN'))).toBe('/feed');
    expect(homeFor(actor('CUSTOMER'))).toBe('/welcome');
    expect(safeRedirect('/admin?tab=1')).toBe('/admin?tab=1');
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('/sign-in?redirect=/x')).toBeNull();
    expect(safeRedirect(['/a'])).toBeNull();
  });

  it('treats a deactivated account like a stranger to every section', () => {
    expect(decide(route('/feed'), actor('ADMIN', false))).toEqual({ path: '/welcome' });
  });
});
