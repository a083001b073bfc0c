// The dashboard: counts, recently changed and top-rated prompts, and system health — fetched in
// parallel.
import * as api from '../lib/api.js';
import { h, replace, ago } from '../lib/dom.js';
import { href } from '../lib/router.js';
import { errorBox, pageHeader } from '../lib/ui.js';

function promptList(prompts, extra) {
  if (!prompts.length) return h('p', { class: 'muted' }, 'No prompts yet. ', h('a', { href: href('/new') }, 'Write the first one'), '.');
  return h('ul', { class: 'plain list' }, prompts.map((p) => h('li', {},
    h('a', { href: href(`/prompts/${p.id}`) }, p.title || p.name), ' ', h('span', { class: 'muted small' }, p.name), ' ', extra(p))));
}

function settled(result, render) {
  return result.status === 'fulfilled' ? render(result.value) : errorBox(result.reason);
}

/** Renders the dashboard into `main`. */
export async function renderDashboard(main) {
  const [stats, recent, health] = await Promise.allSettled([
    api.get('/api/v1/stats'),
    api.get(api.url('/api/v1/prompts', { sort: 'updated_at', order: 'desc', limit: 8 })),
    fetch('/api/system/health', { headers: { Accept: 'application/json' } }).then((r) => r.json()),
  ]);
  replace(main,
    pageHeader('Dashboard', api.user().role === 'viewer' ? null : h('a', { class: 'button primary', href: href('/new') }, 'New prompt')),
    settled(stats, (s) => h('section', { class: 'stats', 'aria-label': 'Counts' },
      [['Prompts', s.prompts], ['Versions this week', s.versions_this_week], ['Ratings', s.ratings], ['Active users (7 days)', s.active_users]]
        .map(([label, value]) => h('div', { class: 'stat card' }, h('div', { class: 'stat-value' }, String(value)), h('div', { class: 'stat-label' }, label))))),
    h('div', { class: 'grid two' },
      h('section', { class: 'card' }, h('h2', {}, 'Recently changed'),
        settled(recent, (page) => promptList(page.data, (p) => h('span', { class: 'muted small' }, `v${p.version} · ${ago(p.updated_at)}`)))),
      h('section', { class: 'card' }, h('h2', {}, 'Top rated'),
        settled(stats, (s) => s.top_rated.length
          ? promptList(s.top_rated, (p) => h('span', { class: 'muted small' }, `★ ${p.average.toFixed(1)} (${p.count})`))
          : h('p', { class: 'muted' }, 'No ratings yet.')))),
    h('section', { class: 'card' }, h('h2', {}, 'System health'),
      settled(health, (report) => h('div', {},
        h('p', {}, 'Status: ', h('span', { class: `badge status-${report.status}` }, report.status), report.version ? h('span', { class: 'muted small' }, ` · version ${report.version}`) : null),
        h('ul', { class: 'plain checks' }, Object.entries(report.checks || {}).map(([name, check]) =>
          h('li', {}, h('span', { class: `dot status-${check.status}`, 'aria-hidden': 'true' }), ` ${name}: ${check.status}`,
            check.latency_ms !== undefined ? h('span', { class: 'muted small' }, ` (${check.latency_ms} ms)`) : null,
            check.message ? h('span', { class: 'muted small' }, ` — ${check.message}`) : null)))))));
}
