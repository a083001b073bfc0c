// History and labels: every version with its author, time and message; a diff between any two;
// labels moved (with confirmation) for a release or a rollback; every move recorded.
import * as api from '../lib/api.js';
import { h, replace, when } from '../lib/dom.js';
import { go } from '../lib/router.js';
import { errorBox, errorSlot, confirmDialog, toast, field, table, busy } from '../lib/ui.js';
import { renderDiff } from './diff-view.js';

/** The history tab. */
export async function renderHistory(host, prompt, { canWrite, owns }) {
  const base = `/api/v1/prompts/${encodeURIComponent(prompt.id)}`;
  const [versions, labels, moves] = await Promise.all([api.all(`${base}/versions`), api.get(`${base}/labels`), api.get(api.url(`${base}/labels/history`, { limit: 50 }))]);
  const labelsAt = new Map();
  for (const l of labels.data) labelsAt.set(l.version, [...(labelsAt.get(l.version) || []), l.label]);
  const production = labels.data.find((l) => l.label === 'production');
  const errors = errorSlot();

  async function move(label, version) {
    const from = labels.data.find((l) => l.label === label);
    const rollback = from && version < from.version;
    const question = from
      ? `${rollback ? 'Roll back' : 'Move'} “${label}” from version ${from.version} to version ${version}? Applications fetching ${prompt.name}@${label} get version ${version} at once.`
      : `Point “${label}” at version ${version}? Applications fetching ${prompt.name}@${label} get it at once.`;
    if (!(await confirmDialog(question, { confirm: rollback ? 'Roll back' : 'Move label', danger: label === 'production' }))) return;
    errors.clear();
    try {
      await api.put(`${base}/labels/${encodeURIComponent(label)}`, { version });
      toast(`${label} → version ${version}`);
      go(`/prompts/${prompt.id}/history`);
    } catch (error) { errors.show(error); }
  }

  async function removeLabel(label) {
    if (!(await confirmDialog(`Remove the label “${label}”? Fetching ${prompt.name}@${label} will answer 404.`, { confirm: 'Remove label', danger: true }))) return;
    try { await api.del(`${base}/labels/${encodeURIComponent(label)}`); toast(`Removed ${label}`); go(`/prompts/${prompt.id}/history`); } catch (error) { errors.show(error); }
  }

  const numbers = versions.map((v) => v.version);
  const from = h('select', { name: 'from' }, numbers.map((n, i) => h('option', { value: n, selected: i === Math.min(1, numbers.length - 1) }, `v${n}`)));
  const to = h('select', { name: 'to' }, numbers.map((n, i) => h('option', { value: n, selected: i === 0 }, `v${n}`)));
  const diffHost = h('div', { 'aria-live': 'polite' });
  async function showDiff() {
    replace(diffHost, 'Comparing…');
    try { replace(diffHost, renderDiff(await api.get(api.url(`${base}/diff`, { from: from.value, to: to.value })))); } catch (error) { replace(diffHost, errorBox(error)); }
  }
  from.addEventListener('change', showDiff);
  to.addEventListener('change', showDiff);

  const customLabel = h('input', { name: 'label', placeholder: 'staging, canary …', pattern: '[a-z0-9][a-z0-9_.-]*' });
  const customVersion = h('select', { name: 'version' }, numbers.map((n) => h('option', { value: n }, `v${n}`)));
  const moveButton = h('button', { type: 'submit', class: 'secondary' }, 'Set label');

  replace(host,
    errors,
    h('section', { class: 'card' }, h('h2', {}, 'Versions'),
      production ? h('p', {}, 'Production serves ', h('strong', {}, `version ${production.version}`), '.') : h('p', { class: 'muted' }, 'No production label yet: applications fetching without a label get the latest version.'),
      table(versions, [
        { label: 'Version', cell: (v) => h('strong', {}, `v${v.version}`) },
        { label: 'Labels', cell: (v) => (labelsAt.get(v.version) || []).map((l) => h('span', { class: 'chip label' }, l)) },
        { label: 'Author', cell: (v) => v.author },
        { label: 'When', cell: (v) => when(v.created_at) },
        { label: 'Message', cell: (v) => v.commit_message || h('span', { class: 'muted' }, '—') },
        { label: 'Release', cell: (v) => canWrite ? h('div', { class: 'row' },
          !owns || (production && production.version === v.version) ? null : h('button', { type: 'button', class: 'small primary', 'data-version': v.version, 'data-action': 'production',
            onclick: () => move('production', v.version) }, production && v.version < production.version ? 'Roll back production here' : 'Make production'),
          (labelsAt.get(v.version) || []).includes('staging') ? null : h('button', { type: 'button', class: 'small secondary', onclick: () => move('staging', v.version) }, 'Make staging')) : null },
      ])),
    canWrite ? h('section', { class: 'card' }, h('h2', {}, 'Labels'),
      h('ul', { class: 'plain' }, labels.data.map((l) => h('li', {}, h('span', { class: 'chip label' }, l.label), ` → v${l.version} `,
        l.label === 'latest' ? h('span', { class: 'muted small' }, '(automatic)') : l.label === 'production' && !owns ? h('span', { class: 'muted small' }, '(owner or admin)') : h('button', { type: 'button', class: 'small secondary', onclick: () => removeLabel(l.label) }, 'Remove')))),
      h('form', { class: 'row', onsubmit: (event) => { event.preventDefault(); if (customLabel.value.trim()) busy(moveButton, () => move(customLabel.value.trim(), Number(customVersion.value))); } },
        field('Label', customLabel), field('Version', customVersion), moveButton)) : null,
    h('section', { class: 'card' }, h('h2', {}, 'Compare versions'),
      numbers.length < 2 ? h('p', { class: 'muted' }, 'Only one version so far.') : [h('div', { class: 'row' }, field('From', from), field('To', to)), diffHost]),
    h('section', { class: 'card' }, h('h2', {}, 'Label history'),
      table(moves.data, [
        { label: 'When', cell: (m) => when(m.moved_at) },
        { label: 'Label', cell: (m) => h('span', { class: 'chip label' }, m.label) },
        { label: 'Change', cell: (m) => m.removed ? `removed (was v${m.from_version})` : m.from_version ? `v${m.from_version} → v${m.version}` : `set to v${m.version}` },
        { label: 'By', cell: (m) => m.moved_by },
      ], 'No label has been moved yet.')));
  if (numbers.length >= 2) showDiff();
}
