import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { decide, homeFor } from './router-guard';
import { useSessionStore } from './stores/session';
import { i18n } from './i18n';

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    redirect: () => homeFor(useSessionStore().user),
  },
  {
    path: '/sign-in',
    component: () => import('./pages/SignInPage.vue'),
    meta: { public: true, titleKey: 'signIn.submit' },
  },
  {
    path: '/feed',
    component: () => import('./pages/FeedPage.vue'),
    meta: { action: 'section.feed', titleKey: 'nav.feed' },
  },
  {
    path: '/spaces',
    component: () => import('./pages/SpacesPage.vue'),
    meta: { action: 'section.feed', titleKey: 'nav.spaces' },
  },
  {
    path: '/spaces/:id',
    component: () => import('./pages/SpacePage.vue'),
    props: true,
    meta: { action: 'section.feed', titleKey: 'nav.spaces' },
  },
  {
    path: '/posts/:id',
    component: () => import('./pages/PostPage.vue'),
    props: true,
    meta: { action: 'section.feed', titleKey: 'post.title' },
  },
  {
    path: '/people/:id',
    component: () => import('./pages/PersonPage.vue'),
    props: true,
    meta: { action: 'section.feed', titleKey: 'people.title' },
  },
  {
    path: '/search',
    component: () => import('./pages/SearchPage.vue'),
    props: (route) => ({ q: typeof route.query.q === 'string' ? route.query.q : '' }),
    meta: { action: 'search.run', titleKey: 'search.title' },
  },
  {
    path: '/briefs',
    component: () => import('./pages/BriefsPage.vue'),
    meta: { action: 'section.briefs', titleKey: 'nav.briefs' },
  },
  {
    path: '/briefs/new',
    component: () => import('./pages/BriefNewPage.vue'),
    meta: { action: 'brief.write', titleKey: 'briefs.newTitle' },
  },
  {
    path: '/briefs/scorecard',
    component: () => import('./pages/BriefScorecardPage.vue'),
    meta: { action: 'scorecard.read', titleKey: 'briefs.scorecard.title' },
  },
  {
    path: '/briefs/:id',
    component: () => import('./pages/BriefPage.vue'),
    props: true,
    meta: { action: 'brief.read', titleKey: 'briefs.pageTitle' },
  },
  {
    path: '/co-creation',
    component: () => import('./pages/CoCreationPage.vue'),
    meta: { action: 'section.coCreation', titleKey: 'nav.coCreation' },
  },
  {
    path: '/co-creation/outbox',
    component: () => import('./pages/OutboxPage.vue'),
    meta: { action: 'section.coCreation', titleKey: 'coCreation.outbox.title' },
  },
  {
    path: '/co-creation/proposals/:id',
    component: () => import('./pages/CoCreationProposalPage.vue'),
    props: true,
    meta: { action: 'section.coCreation', titleKey: 'coCreation.proposal.title' },
  },
  {
    path: '/co-creation/offers/:id',
    component: () => import('./pages/CoCreationOfferPage.vue'),
    props: true,
    meta: { action: 'section.coCreation', titleKey: 'coCreation.offer.title' },
  },
  {
    path: '/co-creation/:id',
    component: () => import('./pages/CoCreationThreadPage.vue'),
    props: true,
    meta: { action: 'section.coCreation', titleKey: 'coCreation.thread.title' },
  },
  // Customers' side of co-creation: a layout of their own (App.vue), only their threads.
  {
    path: '/threads',
    component: () => import('./pages/ThreadsPage.vue'),
    meta: { customersOnly: true, titleKey: 'coCreation.customer.threadsTitle' },
  },
  {
    path: '/threads/proposals/:id',
    component: () => import('./pages/ThreadProposalPage.vue'),
    props: true,
    meta: { customersOnly: true, titleKey: 'coCreation.proposal.title' },
  },
  {
    path: '/threads/offers/:id',
    component: () => import('./pages/ThreadOfferPage.vue'),
    props: true,
    meta: { customersOnly: true, titleKey: 'coCreation.offer.title' },
  },
  {
    path: '/threads/:id',
    component: () => import('./pages/ThreadPage.vue'),
    props: true,
    meta: { customersOnly: true, titleKey: 'coCreation.thread.title' },
  },
  {
    path: '/invitation/:token',
    component: () => import('./pages/InvitationPage.vue'),
    props: true,
    meta: { anyone: true, titleKey: 'coCreation.invitation.title' },
  },
  {
    path: '/time-saved',
    component: () => import('./pages/TimeSavedPage.vue'),
    meta: { action: 'section.timeSaved', titleKey: 'nav.timeSaved' },
  },
  {
    path: '/dashboard',
    component: () => import('./pages/DashboardPage.vue'),
    meta: { action: 'section.dashboard', titleKey: 'nav.dashboard' },
  },
  {
    path: '/admin',
    component: () => import('./pages/AdminPage.vue'),
    meta: { action: 'section.admin', titleKey: 'nav.admin' },
  },
  // Customers' first home, before co-creation: old links still land somewhere sensible.
  {
    path: '/profile',
    component: () => import('./pages/ProfilePage.vue'),
    meta: { action: 'me.read', titleKey: 'nav.profile' },
  },
  {
    path: '/:pathMatch(.*)*',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.title' },
  },
];

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    await session.ensureLoaded();
    return decide(to, session.user);
  });

  return router;
}

export function pageTitle(titleKey: string | undefined): string {
  const t = i18n.global.t as (key: string) => string;
  const app = t('app.name');
  return titleKey ? `${t(titleKey)} · ${app}` : app;
}
