// A diff between two versions: the changed fields, then the YAML's unified diff, side by side on
// wide screens or unified.
import { h } from '../lib/dom.js';

function summary(diff) {
  const items = [];
  if (diff.tags_added && diff.tags_added.length) items.push(`tags added: ${diff.tags_added.join(', ')}`);
  if (diff.tags_removed && diff.tags_removed.length) items.push(`tags removed: ${diff.tags_removed.join(', ')}`);
  if (diff.variables_added && diff.variables_added.length) items.push(`variables added: ${diff.variables_added.join(', ')}`);
  if (diff.variables_removed && diff.variables_removed.length) items.push(`variables removed: ${diff.variables_removed.join(', ')}`);
  if (diff.variables_changed && diff.variables_changed.length) items.push(`variables changed: ${diff.variables_changed.join(', ')}`);
  const fields = (diff.changes || []).map((c) => c.field).filter((f) => !['tags', 'variables', 'commit_message'].includes(f));
  if (fields.length) items.push(`fields changed: ${fields.join(', ')}`);
  return items.length ? h('ul', { class: 'diff-summary' }, items.map((i) => h('li', {}, i))) : h('p', { class: 'muted' }, 'No changes.');
}

function unified(text) {
  return h('pre', { class: 'diff unified', 'aria-label': 'Unified diff' }, text.split('\n').map((line) => {
    const kind = line.startsWith('+++') || line.startsWith('---') ? 'meta' : line.startsWith('@@') ? 'hunk' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : 'same';
    return h('span', { class: `line ${kind}` }, line + '\n');
  }));
}

function sideBySide(text) {
  const rows = [];
  let dels = [];
  let adds = [];
  const flush = () => {
    for (let i = 0; i < Math.max(dels.length, adds.length); i += 1) rows.push([dels[i], adds[i]]);
    dels = []; adds = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('+++') || line.startsWith('---')) continue;
    if (line.startsWith('@@')) { flush(); rows.push(['@@', '@@']); continue; }
    if (line.startsWith('-')) { dels.push(line.slice(1)); continue; }
    if (line.startsWith('+')) { adds.push(line.slice(1)); continue; }
    flush();
    rows.push([line.slice(1), line.slice(1), true]);
  }
  flush();
  const cell = (value, kind) => h('td', { class: value === undefined ? 'empty' : kind }, value === undefined ? '' : value);
  return h('div', { class: 'table-wrap' }, h('table', { class: 'diff side', 'aria-label': 'Side-by-side diff' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'))),
    h('tbody', {}, rows.map(([a, b, same]) => a === '@@' ? h('tr', { class: 'hunk' }, h('td', { colspan: 2 }, '⋯'))
      : h('tr', {}, cell(a, same ? 'same' : 'del'), cell(b, same ? 'same' : 'add'))))));
}

/** The diff the API's /diff answered, with a unified / side-by-side switch. */
export function renderDiff(diff) {
  const host = h('div', {});
  const show = (kind) => { host.replaceChildren(kind === 'side' ? sideBySide(diff.unified || '') : unified(diff.unified || '')); };
  const toggle = h('select', { 'aria-label': 'Diff layout', onchange: (e) => show(e.target.value) },
    h('option', { value: 'unified' }, 'Unified'), h('option', { value: 'side' }, 'Side by side'));
  show('unified');
  return h('div', { class: 'diff-view' }, h('div', { class: 'row between' }, h('strong', {}, `Version ${diff.from_version} → ${diff.to_version}`), toggle), summary(diff), host);
}
