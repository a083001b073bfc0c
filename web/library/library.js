// The library: search as you type, filters, sorting, cursor pages, the tag cloud and the folder
// tree. The filters live in the URL, so a reload or a shared link shows the same list.
import * as api from '../lib/api.js';
import { h, replace, debounce, ago } from '../lib/dom.js';
import { href } from '../lib/router.js';
import { errorBox, field, pageHeader, loading } from '../lib/ui.js';

const FILTERS = ['q', 'tag', 'folder', 'owner', 'status', 'sort', 'order', 'include_archived'];

function folderTree(folders, state, apply) {
  const item = (folder) => h('li', {},
    h('a', { href: '#', 'aria-current': state.folder === folder.path ? 'true' : null, onclick: (event) => { event.preventDefault(); apply({ folder: state.folder === folder.path ? '' : folder.path }); } },
      folder.name, h('span', { class: 'count' }, String(folder.count))),
    folder.children && folder.children.length ? h('ul', {}, folder.children.map(item)) : null);
  return folders.length ? h('ul', { class: 'tree' }, folders.map(item)) : h('p', { class: 'muted small' }, 'No folders: names without "/".');
}

function tagCloud(tags, state, apply) {
  if (!tags.length) return h('p', { class: 'muted small' }, 'No tags yet.');
  const max = Math.max(...tags.map((t) => t.count));
  return h('div', { class: 'tag-cloud' }, tags.map((t) => h('button', {
    type: 'button', class: `tag size-${Math.ceil((t.count / max) * 3)}`, 'aria-pressed': String(state.tag === t.tag),
    onclick: () => apply({ tag: state.tag === t.tag ? '' : t.tag }),
  }, t.tag, h('span', { class: 'count' }, String(t.count)))));
}

function row(prompt) {
  return h('tr', {},
    h('td', { 'data-label': 'Prompt' }, h('a', { href: href(`/prompts/${prompt.id}`), class: 'strong' }, prompt.title || prompt.name), h('div', { class: 'muted small mono' }, prompt.name)),
    h('td', { 'data-label': 'Tags' }, (prompt.tags || []).map((t) => h('span', { class: 'chip' }, t))),
    h('td', { 'data-label': 'Owner' }, prompt.owner || '—'),
    h('td', { 'data-label': 'Status' }, h('span', { class: `badge status-${prompt.archived_at ? 'archived' : prompt.status}` }, prompt.archived_at ? 'archived' : prompt.status)),
    h('td', { 'data-label': 'Version' }, `v${prompt.version}`, ' ', (prompt.labels || []).filter((l) => l !== 'latest').map((l) => h('span', { class: 'chip label' }, l))),
    h('td', { 'data-label': 'Updated' }, ago(prompt.updated_at)));
}

/** Renders the library into `main`; `query` holds the filters from the URL. */
export async function renderLibrary(main, params, query) {
  const state = Object.fromEntries(FILTERS.map((k) => [k, query[k] || '']));
  const results = h('tbody', {});
  const status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');
  const errors = h('div');
  const side = h('aside', { class: 'sidebar', 'aria-label': 'Folders and tags' }, loading());
  let cursor = null;
  let generation = 0;
  let shown = 0;

  const search = h('input', { type: 'search', name: 'q', value: state.q, placeholder: 'Search names, titles, goals, tags…', autocomplete: 'off' });
  const owner = h('input', { name: 'owner', value: state.owner, placeholder: 'username' });
  const statusSelect = h('select', { name: 'status' }, ['', 'draft', 'active', 'archived'].map((s) => h('option', { value: s, selected: state.status === s }, s || 'any')));
  const sort = h('select', { name: 'sort' }, [['', 'name (or relevance)'], ['updated_at', 'last changed'], ['created_at', 'created'], ['title', 'title'], ['rating', 'rating']].map(([v, l]) => h('option', { value: v, selected: state.sort === v }, l)));
  const order = h('select', { name: 'order' }, [['', 'default'], ['asc', 'ascending'], ['desc', 'descending']].map(([v, l]) => h('option', { value: v, selected: state.order === v }, l)));
  const archived = h('input', { type: 'checkbox', name: 'include_archived', checked: state.include_archived === 'true' });

  async function load(append) {
    const mine = ++generation;
    if (!append) { cursor = null; shown = 0; }
    const started = performance.now();
    try {
      const page = await api.get(api.url('/api/v1/prompts', { ...state, limit: 50, cursor: append ? cursor : null }));
      if (mine !== generation) return; // a newer search answered first
      if (!append) replace(results);
      results.append(...page.data.map(row));
      shown += page.data.length;
      cursor = page.page.next_cursor;
      more.hidden = !cursor;
      replace(status, shown ? `${shown}${cursor ? '+' : ''} prompt${shown === 1 ? '' : 's'} · ${Math.round(performance.now() - started)} ms` : 'No prompt matches.');
      replace(errors);
      // When the list became usable, for scripts/bench/ui-library.sh.
      if (!main.dataset.loaded) main.dataset.loaded = String(Math.round(performance.now()));
    } catch (error) {
      if (mine === generation) replace(errors, errorBox(error));
    }
  }

  function apply(change) {
    Object.assign(state, change);
    const filters = Object.fromEntries(Object.entries(state).filter(([, v]) => v));
    history.replaceState(null, '', '#' + api.url('/library', filters));
    drawSide();
    load(false);
  }

  let sideData = null;
  function drawSide() {
    if (!sideData) return;
    replace(side,
      h('h2', { class: 'small-title' }, 'Folders'), folderTree(sideData.folders, state, apply),
      h('h2', { class: 'small-title' }, 'Tags'), tagCloud(sideData.tags, state, apply),
      state.tag || state.folder ? h('button', { type: 'button', class: 'secondary small', onclick: () => apply({ tag: '', folder: '' }) }, 'Clear folder and tag') : null);
  }

  search.addEventListener('input', debounce(() => apply({ q: search.value.trim(), sort: search.value.trim() && !state.sort ? '' : state.sort }), 250));
  owner.addEventListener('input', debounce(() => apply({ owner: owner.value.trim() }), 300));
  statusSelect.addEventListener('change', () => apply({ status: statusSelect.value }));
  sort.addEventListener('change', () => apply({ sort: sort.value }));
  order.addEventListener('change', () => apply({ order: order.value }));
  archived.addEventListener('change', () => apply({ include_archived: archived.checked ? 'true' : '' }));
  more.addEventListener('click', () => { if (cursor) load(true); });

  replace(main,
    pageHeader('Library', api.user().role === 'viewer' ? null : h('a', { class: 'button primary', href: href('/new') }, 'New prompt')),
    h('div', { class: 'library' },
      side,
      h('section', { class: 'results', 'aria-label': 'Prompts' },
        h('div', { class: 'filters' },
          field('Search', search), field('Owner', owner), field('Status', statusSelect), field('Sort by', sort), field('Order', order),
          h('label', { class: 'check' }, archived, ' Include archived')),
        errors, status,
        h('div', { class: 'table-wrap' }, h('table', { class: 'prompts' },
          h('thead', {}, h('tr', {}, ['Prompt', 'Tags', 'Owner', 'Status', 'Version', 'Updated'].map((c) => h('th', { scope: 'col' }, c)))),
          results)),
        more)));

  const [tags, folders] = await Promise.allSettled([api.all('/api/v1/tags', {}, 500), api.get('/api/v1/folders'), load(false)]);
  if (tags.status === 'fulfilled' && folders.status === 'fulfilled') {
    sideData = { tags: tags.value, folders: folders.value.data };
    drawSide();
  } else {
    replace(side, errorBox(tags.reason || folders.reason));
  }
}
