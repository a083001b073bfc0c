// One prompt: a header with its name, labels and actions, and a tab per task.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { href, go } from '../lib/router.js';
import { confirmDialog, errorBox, errorSlot, toast, loading } from '../lib/ui.js';
import { renderOverview } from './overview.js';
import { renderHistory } from './history.js';
import { renderRenderTab } from './render.js';
import { renderRatings } from './ratings.js';
import { renderShares } from './shares.js';
import { renderPlayground } from './playground.js';
import { renderEnhance } from './enhance.js';
import { rightsOn } from './rights.js';
import { live } from '../lib/realtime.js';
import { presenceLine, describeEvent } from './presence.js';

const TABS = [['', 'Overview', renderOverview], ['history', 'History & labels', renderHistory], ['render', 'Render & compare', renderRenderTab], ['playground', 'Playground', renderPlayground], ['enhance', 'Enhance', renderEnhance],
  ['ratings', 'Ratings', renderRatings], ['share', 'Share & access', renderShares]];

/** Renders the prompt `params.id` with the tab `params.tab` into `main`. */
export async function renderPrompt(main, params, query) {
  const id = params.id;
  const tab = params.tab || '';
  const shown = location.hash;
  const prompt = await api.get(`/api/v1/prompts/${encodeURIComponent(id)}`);
  const { owns, canWrite } = await rightsOn(prompt);
  // Navigated elsewhere meanwhile: that page draws itself (and joins its own room).
  if (location.hash !== shown) return;
  const errors = errorSlot();
  const archived = Boolean(prompt.archived_at);

  async function archiveOrRestore(event) {
    errors.clear();
    const button = event.target;
    if (!archived && !(await confirmDialog(`Archive “${prompt.title}”? It leaves the library and its labels stop being served; you can restore it.`, { confirm: 'Archive', danger: true }))) return;
    button.disabled = true;
    try {
      if (archived) await api.post(`/api/v1/prompts/${encodeURIComponent(id)}/restore`);
      else await api.del(`/api/v1/prompts/${encodeURIComponent(id)}`);
      toast(archived ? 'Restored' : 'Archived');
      go(`/prompts/${id}`);
    } catch (error) { errors.show(error); button.disabled = false; }
  }

  const content = h('div', { class: 'tab-content', role: 'tabpanel', id: 'prompt-tab' }, loading());
  const presence = h('div', { class: 'presence', id: 'presence', 'aria-live': 'polite' });
  const news = h('div', { id: 'live-news', 'aria-live': 'polite' });
  // What others do shows at once: the overview, history and ratings redraw themselves; on a tab
  // where work may be under way (a run, an enhancement) a notice offers to reload instead.
  const redraws = { '': /^prompt\./, history: /^prompt\./, ratings: /^rating\./ };
  const leave = live.join(prompt.id, (message) => {
    if (message.type === 'presence') { replace(presence, presenceLine(message.people, live.userID)); return; }
    const redraw = redraws[tab];
    if (redraw && redraw.test(message.type)) { leave(); renderPrompt(main, params, query); return; }
    if (message.type.startsWith('prompt.')) {
      replace(news, h('div', { class: 'alert info', role: 'status' }, `${describeEvent(message)} `,
        h('button', { type: 'button', class: 'secondary small', onclick: () => { leave(); renderPrompt(main, params, query); } }, 'Reload')));
    }
  });
  replace(main,
    h('div', { class: 'page-header' },
      h('div', {},
        h('h1', {}, prompt.title),
        h('div', { class: 'muted mono' }, prompt.name),
        h('div', { class: 'meta' },
          h('span', { class: `badge status-${archived ? 'archived' : prompt.status}` }, archived ? 'archived' : prompt.status),
          ` v${prompt.version} · ${prompt.owner || 'no owner'} · updated ${when(prompt.updated_at)} `,
          (prompt.labels || []).map((l) => h('span', { class: 'chip label' }, l)))),
      h('div', { class: 'actions' },
        canWrite && !archived ? h('a', { class: 'button primary', href: href(`/prompts/${id}/edit`), id: 'edit' }, 'Edit') : null,
        owns ? h('button', { type: 'button', class: archived ? 'secondary' : 'danger', onclick: archiveOrRestore }, archived ? 'Restore' : 'Archive') : null)),
    presence, news, errors,
    h('nav', { class: 'tabs', 'aria-label': 'Prompt' }, TABS.map(([key, label]) =>
      h('a', { href: href(`/prompts/${id}${key ? '/' + key : ''}`), 'aria-current': key === tab ? 'page' : null, id: `tab-${key || 'overview'}` }, label))),
    content);
  const entry = TABS.find(([key]) => key === tab);
  if (!entry) { replace(content, h('p', {}, 'No such tab.')); return; }
  try {
    await entry[2](content, prompt, { canWrite, owns, query });
  } catch (error) {
    // A tab that fails keeps the prompt's header and tabs around its error.
    replace(content, errorBox(error));
  }
}
