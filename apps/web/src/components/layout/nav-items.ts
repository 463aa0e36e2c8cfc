import type { Action } from '@atelier/domain';

export interface NavItem {
  to: string;
  labelKey: string;
  action: Action;
}

/** The internal sections, in menu order; each is shown only when the policy allows it. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/feed', labelKey: 'nav.feed', action: 'section.feed' },
  { to: '/spaces', labelKey: 'nav.spaces', action: 'section.feed' },
  { to: '/briefs', labelKey: 'nav.briefs', action: 'section.briefs' },
  { to: '/co-creation', labelKey: 'nav.coCreation', action: 'section.coCreation' },
  { to: '/time-saved', labelKey: 'nav.timeSaved', action: 'section.timeSaved' },
  { to: '/dashboard', labelKey: 'nav.dashboard', action: 'section.dashboard' },
  { to: '/admin', labelKey: 'nav.admin', action: 'section.admin' },
];
