// Shared pieces of every page: errors where the user acted, notices, confirmation, form fields.
import { h, replace } from './dom.js';

let fieldCounter = 0;

/** An error box for an ApiError (or any Error): its message, and the request id on a 5xx. */
export function errorBox(error) {
  if (!error) return null;
  const parts = [h('strong', {}, error.message || String(error))];
  if (error.status === 429 && error.retryAfter) parts.push(` Try again in ${error.retryAfter} s.`);
  if (error.details && error.details.length > 1) {
    parts.push(h('ul', {}, error.details.map((d) => h('li', {}, d.field ? `${d.field}: ${d.message}` : d.message))));
  }
  if (error.status >= 500 && error.requestId) parts.push(h('div', { class: 'muted small' }, `Request id: ${error.requestId}`));
  return h('div', { class: 'alert error', role: 'alert' }, parts);
}

/** A slot that shows one error at a time. */
export function errorSlot() {
  const slot = h('div', { class: 'error-slot', 'aria-live': 'polite' });
  slot.show = (error) => { replace(slot, errorBox(error)); if (error) slot.scrollIntoView({ block: 'nearest' }); };
  slot.clear = () => replace(slot);
  return slot;
}

/** A short notice in the corner. */
export function toast(message, kind = 'ok') {
  let host = document.getElementById('toasts');
  if (!host) { host = h('div', { id: 'toasts', 'aria-live': 'polite' }); document.body.append(host); }
  const note = h('div', { class: `toast ${kind}`, role: 'status' }, message);
  host.append(note);
  setTimeout(() => note.remove(), 4000);
}

/** A modal question; resolves true when confirmed. */
export function confirmDialog(message, { confirm = 'Confirm', danger = false } = {}) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'dialog', 'aria-label': 'Confirm' },
      h('p', {}, message),
      h('div', { class: 'row end' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close('cancel') }, 'Cancel'),
        h('button', { type: 'button', class: danger ? 'danger' : 'primary', 'data-confirm': '', onclick: () => dialog.close('ok') }, confirm)));
    dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue === 'ok'); });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * A modal form: `title`, then `content`, then Cancel and `submitLabel`. `submit()` runs on submit
 * with the button busy; the dialog closes when it succeeds, and its error shows inside otherwise.
 */
export function formDialog(title, content, submitLabel, submit) {
  const slot = errorSlot();
  const save = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const dialog = h('dialog', { class: 'dialog', 'aria-label': title },
    h('form', { onsubmit: (event) => {
      event.preventDefault();
      busy(save, async () => {
        try { await submit(); dialog.close(); } catch (error) { slot.show(error); }
      });
    } }, h('h2', {}, title), slot, content,
    h('div', { class: 'row end' }, h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Cancel'), save)));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

/** A labelled field: `input` gets an id, the label points at it, and a problem slot follows. */
export function field(label, input, hint) {
  const id = input.id || `f${++fieldCounter}`;
  input.id = id;
  const problem = h('div', { class: 'problem', id: id + '-problem', 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', problem.id);
  const wrapper = h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('div', { class: 'hint' }, hint) : null, problem);
  wrapper.input = input;
  wrapper.problem = (message) => {
    replace(problem, message || '');
    input.toggleAttribute('aria-invalid', Boolean(message));
    wrapper.classList.toggle('invalid', Boolean(message));
  };
  return wrapper;
}

/** Disables a button while `work` runs, showing `busy` on it. */
export async function busy(button, work, label = 'Working…') {
  const text = button.textContent;
  button.disabled = true;
  button.textContent = label;
  try { return await work(); } finally { button.disabled = false; button.textContent = text; }
}

/** A "loading" placeholder. */
export function loading(text = 'Loading…') {
  return h('div', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/** Copies text and says so. */
export async function copy(text, what = 'Copied') {
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} to the clipboard`);
  } catch {
    toast('The browser refused the clipboard; select the text and copy it', 'error');
  }
}

/** A copy button for the text `get()` returns. */
export function copyButton(get, label = 'Copy') {
  return h('button', { type: 'button', class: 'secondary small', onclick: () => copy(typeof get === 'function' ? get() : get) }, label);
}

/** Saves a Blob as a file. */
export function download(blob, filename) {
  const link = h('a', { href: URL.createObjectURL(blob), download: filename });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}

/** The filename in a Content-Disposition header. */
export function filenameFrom(response, fallback) {
  const header = response.headers.get('Content-Disposition') || '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** A page heading with optional actions. */
export function pageHeader(title, ...actions) {
  return h('div', { class: 'page-header' }, h('h1', {}, title), h('div', { class: 'actions' }, actions));
}

/** A table from rows and column definitions [{label, cell(row)}]. */
export function table(rows, columns, empty = 'Nothing here yet.') {
  if (!rows.length) return h('p', { class: 'muted empty' }, empty);
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { 'data-label': c.label }, c.cell(row))))))));
}
