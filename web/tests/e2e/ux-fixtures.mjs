// Shared set-up of the ux-*.test.mjs browser tests: a server, a browser, and a small platform
// made over the API: an enterprise and a university member with published listings, a pending
// demand, a deal moved on (so notices exist) and a campaign whose windows open and close
// between 00:00 and 08:00 Beijing time (a day earlier in UTC).
import { after, before } from 'node:test';
import {
  ADMIN_PASSWORD, apiCall, checkPrerequisites, launchBrowser, startServer,
} from './harness.mjs';

export const TIMEOUT = 15000;
const DAY = 86400000;
const BEIJING = 8 * 3600000;

// "2026-12-01" for the Beijing day `days` after today's.
export function beijingDay(days) {
  return new Date(Date.now() + BEIJING + days * DAY).toISOString().slice(0, 10);
}

export async function startPlatform() {
  checkPrerequisites();
  const server = await startServer();
  const browser = await launchBrowser();
  const env = { server, browser };

  env.apiAs = (context, method, path, data) => apiCall(server.url, context, method, path, data);

  // A context signed in as `username` (and its options: locale, viewport, timezoneId…).
  env.signedIn = async (username, password, options = {}) => {
    const context = await browser.newContext({ locale: 'zh-CN', ...options });
    await env.apiAs(context, 'POST', '/auth/login', { username, password });
    return context;
  };

  env.newPage = async (context) => {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.pageErrors = [];
    page.on('pageerror', (e) => page.pageErrors.push(e.message));
    return page;
  };

  env.stop = async () => {
    await browser.close();
    await server.stop();
  };
  return env;
}

// Makes the platform's data; resolves with the users, ids and titles the tests visit.
export async function seed(env) {
  const stamp = Date.now().toString(36);
  const admin = await env.signedIn('admin', ADMIN_PASSWORD);
  const users = {
    admin: { username: 'admin', password: ADMIN_PASSWORD },
    ent: { username: `ent${stamp}`, password: 'enterprise-pass-1' },
    uni: { username: `uni${stamp}`, password: 'university-pass-1' },
  };
  const register = async (u, name, org) => {
    const c = await env.browser.newContext();
    await env.apiAs(c, 'POST', '/auth/register', {
      username: u.username, password: u.password, display_name: name,
      org: { ...org, region: '110108' },
    });
    await c.close();
  };
  await register(users.ent, '王工程师', { name: `北京测试精密制造有限公司${stamp}`, type: 'enterprise' });
  await register(users.uni, '李教授', { name: `北京测试理工大学${stamp}`, type: 'university' });
  const ent = await env.signedIn(users.ent.username, users.ent.password);
  const uni = await env.signedIn(users.uni.username, users.uni.password);

  const publish = async (owner, plural, data) => {
    const { id } = await env.apiAs(owner, 'POST', `/${plural}`, data);
    await env.apiAs(owner, 'POST', `/${plural}/${id}/submit`);
    await env.apiAs(admin, 'POST', `/${plural}/${id}/approve`);
    return id;
  };
  const demandTitle = `数控机床主轴热变形补偿技术需求${stamp}`;
  const demand = await publish(ent, 'demands', {
    title: demandTitle,
    description: '数控机床主轴长时间运行后热变形导致加工精度下降，需要热误差建模与实时补偿方案。',
    keywords: ['数控机床', '热变形'], category: '工学',
  });
  const achievement = await publish(uni, 'achievements', {
    title: `机床主轴热误差建模与实时补偿技术${stamp}`,
    abstract: '基于温度场测量建立主轴热误差模型，实时补偿，已在加工中心验证。',
    keywords: ['热误差', '补偿'], category: '工学',
  });
  // A talent profile (docs/talent.md): its name is for signed-in readers only.
  const talentName = `欧阳明远${stamp}`;
  const talent = await publish(uni, 'talents', {
    title: `德国数控机床热误差补偿研究员${stamp}`, name: talentName, rank: '研究员',
    affiliation: '亚琛工业大学', bio: '长期从事机床热误差建模与补偿研究。', country: 'DE',
    talent_type: 'overseas', seeking: ['post', 'partner'], languages: ['zh', 'de'],
    keywords: ['热误差', '数控机床'],
  });
  const talentDemand = await publish(ent, 'talent-demands', {
    title: `引进数控机床热误差补偿领军人才${stamp}`,
    description: '提供研发岗位与启动经费，方向为数控机床热误差建模与补偿。',
    offers: ['post', 'funding'], talent_type: 'overseas', languages: ['zh'],
    keywords: ['热误差', '数控机床'],
  });
  // Two demands waiting for review.
  const pending = [];
  for (const n of [1, 2]) {
    const title = `待审核的测试需求${n}号${stamp}`;
    const { id } = await env.apiAs(ent, 'POST', '/demands', { title, description: '等待审核的需求描述。' });
    await env.apiAs(ent, 'POST', `/demands/${id}/submit`);
    pending.push({ id, title });
  }
  // A deal moved on twice: the university is told of each move.
  const deal = await env.apiAs(ent, 'POST', '/deals', { achievement_id: achievement, demand_id: demand, title: `热变形补偿合作${stamp}` });
  await env.apiAs(ent, 'POST', `/deals/${deal.id}/stage`, { stage: 'nda' });
  await env.apiAs(ent, 'POST', `/deals/${deal.id}/stage`, { stage: 'negotiating' });

  // A campaign whose windows start and end early in the Beijing morning.
  const at = (days, hhmm) => `${beijingDay(days)}T${hhmm}:00+08:00`;
  const window = {
    nomination_opens: at(2, '00:30'), nomination_closes: at(7, '07:00'),
    review_opens: at(8, '01:00'), review_closes: at(20, '02:00'),
  };
  const campaign = await env.apiAs(admin, 'POST', '/campaigns', {
    template: 'emerging-enterprise', year: new Date().getFullYear() + 1, min_reviewers: 1, ...window,
  });
  await env.apiAs(admin, 'POST', `/campaigns/${campaign.id}/open`, {});
  const me = await env.apiAs(ent, 'GET', '/me');
  await Promise.all([admin.close(), ent.close(), uni.close()]);
  return {
    stamp, users, demand, demandTitle, achievement, pending, deal: deal.id, campaign: campaign.id,
    window, org: me.org_id, talent, talentName, talentDemand,
  };
}

// Registers the hooks of a ux-*.test.mjs file: before its tests a platform starts and is seeded,
// handed to `ready(env, data)`; after them it stops.
export function seededPlatform(ready) {
  let env;
  before(async () => {
    env = await startPlatform();
    ready(env, await seed(env));
  });
  after(async () => {
    if (env) await env.stop();
  });
}
