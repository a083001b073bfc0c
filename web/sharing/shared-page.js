// A share link opened in a browser: the shared version, read-only, with a password form when the
// link has one. The password goes in a header, never the URL.
import { h, replace, when } from '../lib/dom.js';
import { errorBox, field, busy } from '../lib/ui.js';
import { bodyView } from '../prompts/body-view.js';

async function fetchShared(token, password) {
  const headers = { Accept: 'application/json' };
  if (password) headers['X-Share-Password'] = password;
  const response = await fetch(`/api/v1/shared/${encodeURIComponent(token)}`, { headers, credentials: 'omit' });
  const body = await response.json().catch(() => null);
  return { status: response.status, body };
}

function show(main, doc) {
  document.title = `${doc.title} — PromptLib`;
  replace(main,
    h('p', { class: 'muted small' }, 'Shared from PromptLib · read-only'),
    h('h1', {}, doc.title), h('div', { class: 'muted mono' }, `${doc.name} · version ${doc.version}`),
    doc.summary ? h('p', { class: 'lead' }, doc.summary) : null,
    h('article', { class: 'card', id: 'shared-prompt' },
      bodyView(doc.prompt, 'h2'),
      (doc.variables || []).length ? h('div', { class: 'doc-section' }, h('h2', {}, 'Variables'), h('ul', {}, doc.variables.map((v) => h('li', {}, h('code', {}, v.name), ` ${v.type}${v.required ? ', required' : ''}${v.description ? ' — ' + v.description : ''}`)))) : null),
    doc.created_at ? h('p', { class: 'muted small' }, `Version written ${when(doc.created_at)}`) : null);
}

/** Renders the share link `token` into `main`. */
export async function renderSharedPage(main, token) {
  replace(main, h('p', {}, 'Opening the shared prompt…'));
  const first = await fetchShared(token).catch(() => ({ status: 0, body: null }));
  if (first.status === 200) { show(main, first.body); return; }
  const code = first.body && first.body.error && first.body.error.code;
  const needsPassword = first.status === 401;
  if (!needsPassword) {
    replace(main, h('h1', {}, 'This link cannot be opened'),
      errorBox(first.status === 0 ? new Error('The server cannot be reached.') : { message: (first.body && first.body.error && first.body.error.message) || `The server answered ${first.status}`, status: first.status, requestId: first.body && first.body.request_id }),
      code ? h('p', { class: 'muted small' }, code) : null);
    return;
  }
  const password = h('input', { type: 'password', name: 'share_password', autocomplete: 'off', required: true, autofocus: true });
  const slot = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Open');
  replace(main, h('form', { class: 'card login', onsubmit: (event) => {
    event.preventDefault();
    busy(submit, async () => {
      const answer = await fetchShared(token, password.value).catch(() => ({ status: 0, body: null }));
      if (answer.status === 200) { show(main, answer.body); return; }
      password.value = '';
      replace(slot, errorBox({ message: (answer.body && answer.body.error && answer.body.error.message) || 'The link could not be opened', status: answer.status }));
      password.focus();
    }, 'Opening…');
  } }, h('h1', {}, 'This shared prompt is protected'), h('p', {}, 'Enter the password you were given with the link.'), slot, field('Password', password), submit));
}
