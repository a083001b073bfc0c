// The web UI's entry point: restores the session, draws the shell, and routes.
import * as api from './lib/api.js';
import { h, replace } from './lib/dom.js';
import { route, match, current, go, href, guardLeaving, leaving } from './lib/router.js';
import { errorBox, loading, toast } from './lib/ui.js';
import { renderLogin } from './auth/login.js';
import { renderDashboard } from './dashboard/dashboard.js';
import { renderLibrary } from './library/library.js';
import { renderEditor } from './prompts/editor.js';
import { renderPrompt } from './prompts/prompt-page.js';
import { renderExchange } from './exchange/exchange.js';
import { renderConnections } from './connections/connections.js';
import { renderKeys } from './keys/keys.js';
import { renderUsers } from './admin/users.js';
import { renderAudit } from './admin/audit.js';
import { renderAccount } from './account/account.js';
import { renderSharedPage } from './sharing/shared-page.js';
import { live } from './lib/realtime.js';

route('/', renderDashboard);
route('/library', renderLibrary);
route('/new', (main, params, query) => renderEditor(main, { query }));
route('/prompts/:id/edit', (main, params) => renderEditor(main, { id: params.id }));
route('/prompts/:id/:tab?', renderPrompt);
route('/exchange', renderExchange);
route('/connections', renderConnections);
route('/keys', renderKeys);
route('/admin/users', renderUsers);
route('/admin/audit', renderAudit);
route('/account', renderAccount);

const root = document.getElementById('app');
// Live updates' state in the top bar: quiet while live, said when not.
const liveStatus = h('span', { id: 'live-status', class: 'live-status', role: 'status' });
const LIVE_TEXT = { live: ['Live', 'Changes by others appear as they happen'], connecting: ['Connecting…', 'Opening live updates'],
  reconnecting: ['Reconnecting…', 'Live updates were cut; trying again'], off: ['Offline', 'Live updates are off'] };
live.onStatus((status) => {
  const [text, title] = LIVE_TEXT[status];
  liveStatus.textContent = text;
  liveStatus.title = title;
  liveStatus.dataset.status = status;
});
const main = h('main', { id: 'main', tabindex: '-1' });
let lastNotice = null;

function nav() {
  const user = api.user();
  const links = [['/', 'Dashboard'], ['/library', 'Library']];
  if (user.role !== 'viewer') links.push(['/new', 'New prompt']);
  links.push(['/exchange', 'Import & export']);
  if (user.role !== 'viewer') links.push(['/connections', 'Connections'], ['/keys', 'API keys']);
  if (user.role === 'admin') links.push(['/admin/users', 'Users'], ['/admin/audit', 'Audit log']);
  const path = current().path;
  return h('header', { class: 'topbar' },
    h('a', { class: 'skip', href: '#main', onclick: (event) => { event.preventDefault(); main.focus(); } }, 'Skip to content'),
    h('a', { class: 'brand', href: href('/') }, 'PromptLib'),
    h('nav', { 'aria-label': 'Main' }, h('ul', {}, links.map(([to, label]) => {
      const active = to === '/' ? path === '/' : path.startsWith(to) || (to === '/library' && path.startsWith('/prompts/'));
      return h('li', {}, h('a', { href: href(to), 'aria-current': active ? 'page' : null }, label));
    }))),
    h('div', { class: 'who' },
      liveStatus,
      h('a', { href: href('/account'), title: 'Your account' }, user.username),
      h('span', { class: 'badge' }, user.role),
      h('button', { type: 'button', class: 'secondary small', id: 'sign-out', onclick: async () => {
        if (leaving() && !window.confirm(leaving())) return;
        // The session change that follows draws the sign-in page with this notice.
        lastNotice = 'You are signed out.';
        try {
          await api.signOut();
        } catch (error) {
          lastNotice = null;
          toast(`You are still signed in: ${error.message}`, 'error');
        }
      } }, 'Sign out')));
}

async function draw() {
  const { path, query } = current();
  if (!api.user()) {
    replace(root, h('main', { id: 'main', class: 'narrow' }, renderLogin({ notice: lastNotice, onSignedIn: () => { lastNotice = null; } })));
    return;
  }
  replace(root, nav(), main);
  // A new page joins the rooms it needs; the last page's are left.
  live.leaveAll();
  const found = match(path);
  replace(main, loading());
  if (!found) { replace(main, h('h1', {}, 'Not found'), h('p', {}, 'No page here. ', h('a', { href: href('/') }, 'Go to the dashboard'))); return; }
  try {
    await found.render(main, found.params, query);
  } catch (error) {
    if (!api.user()) return;
    replace(main, h('h1', {}, 'Something went wrong'), errorBox(error));
  }
}

api.onSessionChange((user) => {
  guardLeaving(null); // whatever was unsaved belonged to the session that ended
  if (user) live.start(); else live.stop();
  if (!user) lastNotice = lastNotice || 'Your session ended; sign in again.';
  draw();
});
// A page with unsaved work (the editor) sets a guard (guardLeaving); leaving it asks first.
let shownHash = location.hash;
window.addEventListener('beforeunload', (event) => { if (leaving()) event.preventDefault(); });
window.addEventListener('hashchange', () => {
  if (leaving() && location.hash !== shownHash && !window.confirm(leaving())) {
    history.replaceState(null, '', shownHash || '#/');
    return;
  }
  guardLeaving(null);
  shownHash = location.hash;
  if (api.user()) {
    draw().then(() => { if (!main.contains(document.activeElement)) main.focus({ preventScroll: true }); });
    window.scrollTo(0, 0);
  }
});

async function start() {
  if (location.pathname.startsWith('/s/')) {
    replace(root, h('main', { id: 'main', class: 'narrow' }));
    await renderSharedPage(root.firstChild, decodeURIComponent(location.pathname.slice(3)));
    return;
  }
  replace(root, loading('Starting…'));
  try {
    if (await api.resume()) return; // the session change draws the page
    lastNotice = null;
  } catch (error) {
    lastNotice = null;
    replace(root, h('main', { class: 'narrow' }, h('h1', {}, 'PromptLib'), errorBox(error), h('button', { type: 'button', onclick: start }, 'Retry')));
    return;
  }
  draw();
}

start();
export { go };
