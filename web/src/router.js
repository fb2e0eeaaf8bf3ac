// Routes: the public portal, then the signed-in workspace, reviewers' queue and admin pages
// (meta.admin: shown inside the admin area's side menu and breadcrumbs, AdminLayout.vue).
// Every page but the home page is loaded on first use.
import { createRouter, createWebHistory, START_LOCATION } from 'vue-router';
import HomeView from './views/HomeView.vue';
import { session, loadSession, rolesOf } from './api/session.js';
import { i18n } from './i18n/index.js';

const routes = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/search', name: 'search', component: () => import('./views/SearchView.vue') },
  {
    path: '/:plural(demands|achievements|experts)',
    name: 'listings',
    component: () => import('./views/ListingListView.vue'),
  },
  {
    path: '/:plural(demands|achievements|experts)/:id(\\d+)',
    name: 'listing',
    component: () => import('./views/ListingDetailView.vue'),
  },
  {
    path: '/listings/:id(\\d+)',
    name: 'listing-by-id',
    component: () => import('./views/ListingRedirectView.vue'),
  },
  { path: '/orgs/:id(\\d+)', name: 'org', component: () => import('./views/OrgView.vue') },
  { path: '/news', name: 'news', component: () => import('./views/NewsView.vue') },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
  { path: '/challenges', name: 'challenges', component: () => import('./views/challenges/ChallengesView.vue') },
  {
    path: '/challenges/new',
    name: 'challenge-new',
    component: () => import('./views/challenges/NewChallengeView.vue'),
    meta: { auth: true },
  },
  { path: '/challenges/:id(\\d+)', name: 'challenge', component: () => import('./views/challenges/ChallengeView.vue') },
  {
    path: '/news/new',
    name: 'news-new',
    component: () => import('./views/NewsEditView.vue'),
    meta: { auth: true, roles: ['editor', 'admin'] },
  },
  { path: '/news/:id(\\d+)', name: 'news-article', component: () => import('./views/NewsArticleView.vue') },
  {
    path: '/news/:id(\\d+)/edit',
    name: 'news-edit',
    component: () => import('./views/NewsEditView.vue'),
    meta: { auth: true, roles: ['editor', 'admin'] },
  },
  { path: '/events', name: 'events', component: () => import('./views/EventsView.vue') },
  {
    path: '/events/new',
    name: 'event-new',
    component: () => import('./views/EventEditView.vue'),
    meta: { auth: true },
  },
  { path: '/events/:id(\\d+)', name: 'event', component: () => import('./views/EventView.vue') },
  {
    path: '/events/:id(\\d+)/edit',
    name: 'event-edit',
    component: () => import('./views/EventEditView.vue'),
    meta: { auth: true },
  },
  { path: '/campaigns', name: 'campaigns', component: () => import('./views/CampaignsView.vue') },
  { path: '/campaigns/:id(\\d+)', name: 'campaign', component: () => import('./views/CampaignView.vue') },
  { path: '/bodies', name: 'bodies', component: () => import('./views/ProgrammeBodiesView.vue') },
  { path: '/partners', name: 'partners', component: () => import('./views/PartnersView.vue') },
  { path: '/bases', name: 'bases', component: () => import('./views/BasesView.vue') },
  { path: '/plans', name: 'plans', component: () => import('./views/PlansView.vue') },
  { path: '/plans/:id(\\d+)', name: 'plan', component: () => import('./views/PlanView.vue') },
  { path: '/plans/:id(\\d+)/tasks/:taskId(\\d+)', name: 'plan-task', component: () => import('./views/PlanTaskView.vue') },
  {
    path: '/bases/new',
    name: 'base-new',
    component: () => import('./views/BaseEditView.vue'),
    meta: { auth: true, roles: ['org_admin', 'admin'] },
  },
  { path: '/bases/:id(\\d+)', name: 'base', component: () => import('./views/BaseView.vue') },
  {
    path: '/bases/:id(\\d+)/edit',
    name: 'base-edit',
    component: () => import('./views/BaseEditView.vue'),
    meta: { auth: true, roles: ['org_admin', 'admin'] },
  },
  {
    path: '/workspace/reviews',
    name: 'my-reviews',
    component: () => import('./views/workspace/MyReviewsView.vue'),
    meta: { auth: true },
  },
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
  { path: '/register', name: 'register', component: () => import('./views/RegisterView.vue') },
  {
    path: '/workspace',
    name: 'workspace',
    component: () => import('./views/workspace/MyListingsView.vue'),
    meta: { auth: true },
  },
  {
    path: '/workspace/:plural(demands|achievements|experts)/new',
    name: 'listing-new',
    component: () => import('./views/workspace/ListingEditView.vue'),
    meta: { auth: true },
  },
  {
    path: '/workspace/:plural(demands|achievements|experts)/:id(\\d+)/edit',
    name: 'listing-edit',
    component: () => import('./views/workspace/ListingEditView.vue'),
    meta: { auth: true },
  },
  {
    path: '/workspace/notifications',
    name: 'notifications',
    component: () => import('./views/workspace/NotificationsView.vue'),
    meta: { auth: true },
  },
  {
    path: '/workspace/deals',
    name: 'deals',
    component: () => import('./views/workspace/DealsView.vue'),
    meta: { auth: true },
  },
  {
    path: '/workspace/deals/:id(\\d+)',
    name: 'deal',
    component: () => import('./views/workspace/DealView.vue'),
    meta: { auth: true },
  },
  {
    path: '/workspace/subscriptions',
    name: 'subscriptions',
    component: () => import('./views/workspace/SubscriptionsView.vue'),
    meta: { auth: true },
  },
  {
    path: '/workspace/org',
    name: 'org-manage',
    component: () => import('./views/workspace/OrgManageView.vue'),
    meta: { auth: true, roles: ['org_admin', 'admin'] },
  },
  {
    path: '/review',
    name: 'review',
    component: () => import('./views/workspace/ReviewQueueView.vue'),
    meta: { auth: true, roles: ['reviewer', 'admin'], admin: true },
  },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('./views/admin/UsersView.vue'),
    meta: { auth: true, roles: ['admin'], admin: true },
  },
  {
    path: '/admin/orgs',
    name: 'admin-orgs',
    component: () => import('./views/admin/OrgsView.vue'),
    meta: { auth: true, roles: ['admin'], admin: true },
  },
  {
    path: '/admin/import',
    name: 'admin-import',
    component: () => import('./views/admin/ImportView.vue'),
    meta: { auth: true, roles: ['admin'], admin: true },
  },
  {
    path: '/admin/peers',
    name: 'admin-peers',
    component: () => import('./views/admin/PeersView.vue'),
    meta: { auth: true, roles: ['admin'], admin: true },
  },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  // A new page starts at the top; the first one already does (scrolling there would force a
  // layout before the page's first paint).
  scrollBehavior: (to, from, saved) => saved || (from === START_LOCATION ? false : { top: 0 }),
});

// Pages for members send visitors to sign in and come back afterwards.
router.beforeEach(async (to) => {
  if (!to.meta.auth) return true;
  if (!session.loaded) await loadSession();
  if (!session.user) return { name: 'login', query: { next: to.fullPath } };
  if (to.meta.roles && !rolesOf(session.user).some((r) => to.meta.roles.includes(r))) return { name: 'home' };
  return true;
});

// Pages that name a record set their own title once it has loaded.
router.afterEach(() => {
  document.title = i18n.global.t('app.documentTitle');
});
