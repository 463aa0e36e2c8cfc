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
    path: '/co-creation',
    component: () => import('./pages/CoCreationPage.vue'),
    meta: { action: 'section.coCreation', titleKey: 'nav.coCreation' },
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
  {
    path: '/welcome',
    component: () => import('./pages/WelcomePage.vue'),
    meta: { customersOnly: true, titleKey: 'nav.welcome' },
  },
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
