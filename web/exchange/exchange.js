// Import and export: the whole library (or a filtered part) as an archive, and any file or
// archive imported with its plan shown first and a conflict strategy chosen.
import * as api from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { errorSlot, field, busy, download, filenameFrom, pageHeader, table, toast } from '../lib/ui.js';

const STRATEGIES = [['', 'Stop: conflicts are reported and nothing is written'], ['skip', 'Skip prompts that exist'], ['new_version', 'Add a new version to prompts that exist'], ['rename', 'Import under a new name']];

/** The import & export page. */
export async function renderExchange(main) {
  const canWrite = api.user().role !== 'viewer';
  const exportErrors = errorSlot();
  const q = h('input', { name: 'q', placeholder: 'search words' });
  const tag = h('input', { name: 'tag' });
  const folder = h('input', { name: 'folder', placeholder: 'marketing' });
  const format = h('select', { name: 'format' }, ['yaml', 'json', 'markdown', 'openai', 'openai_responses', 'anthropic', 'gemini', 'bedrock', 'llama'].map((f) => h('option', { value: f }, f)));
  const archive = h('select', { name: 'archive' }, h('option', { value: 'zip' }, 'zip'), h('option', { value: 'tar.gz' }, 'tar.gz'));
  const history = h('input', { type: 'checkbox', name: 'include_history' });
  const exportButton = h('button', { type: 'submit', class: 'primary', id: 'export' }, 'Download archive');

  const importErrors = errorSlot();
  const file = h('input', { type: 'file', name: 'file', accept: '.zip,.tar.gz,.tgz,.yaml,.yml,.json,.md,.markdown' });
  const strategy = h('select', { name: 'on_conflict' }, STRATEGIES.map(([v, l]) => h('option', { value: v }, l)));
  const plan = h('div', { 'aria-live': 'polite', id: 'import-plan' });
  const planButton = h('button', { type: 'submit', class: 'secondary', id: 'plan-import' }, 'Show the plan');
  // A plan is for one file and one strategy: changing either takes it away.
  for (const control of [file, strategy]) control.addEventListener('change', () => replace(plan));

  async function send(dryRun) {
    const chosen = file.files[0];
    if (!chosen) throw new Error('Choose a file first.');
    const type = chosen.name.endsWith('.zip') ? 'application/zip' : /\.(tar\.gz|tgz)$/.test(chosen.name) ? 'application/gzip'
      : /\.ya?ml$/.test(chosen.name) ? 'application/yaml' : chosen.name.endsWith('.json') ? 'application/json' : /\.(md|markdown)$/.test(chosen.name) ? 'text/markdown' : 'application/octet-stream';
    return api.post(api.url('/api/v1/imports', { dry_run: dryRun ? 'true' : null, on_conflict: strategy.value || null }), chosen, { type });
  }

  function showPlan(answer, dryRun) {
    const counts = Object.entries(answer.counts || {}).map(([k, v]) => `${v} ${k.replace('_', ' ')}`).join(', ') || 'nothing';
    const blocked = dryRun && (answer.counts || {}).conflict;
    const apply = h('button', { type: 'button', class: 'primary', id: 'apply-import' }, 'Import');
    apply.addEventListener('click', () => busy(apply, async () => {
      importErrors.clear();
      try { const done = await send(false); toast('Imported'); showPlan(done, false); } catch (error) { importErrors.show(error); }
    }, 'Importing…'));
    replace(plan, h('div', { class: dryRun ? 'card' : 'alert ok' },
      h('h3', {}, dryRun ? 'The plan (nothing written yet)' : 'Imported'), h('p', {}, counts),
      table(answer.items || [], [
        { label: 'File', cell: (i) => i.file }, { label: 'Prompt', cell: (i) => i.name }, { label: 'Action', cell: (i) => h('span', { class: `badge action-${i.action}` }, i.action.replace('_', ' ')) },
        { label: 'Versions', cell: (i) => String(i.versions ?? '') }, { label: 'Why', cell: (i) => i.reason || '' },
      ]),
      dryRun ? (blocked ? h('p', { class: 'problem' }, 'Some names exist: choose what to do with them above, then show the plan again.') : apply) : null));
  }

  replace(main,
    pageHeader('Import & export'),
    h('div', { class: 'grid two' },
      h('form', { class: 'card', onsubmit: (event) => {
        event.preventDefault();
        exportErrors.clear();
        busy(exportButton, async () => {
          const filter = Object.fromEntries([['q', q.value.trim()], ['tag', tag.value.trim()], ['folder', folder.value.trim()]].filter(([, v]) => v));
          try {
            const response = await api.post('/api/v1/exports', { format: format.value, archive: archive.value, include_history: history.checked, filter }, { as: 'response' });
            download(await response.blob(), filenameFrom(response, `promptlib-export.${archive.value}`));
          } catch (error) { exportErrors.show(error); }
        }, 'Exporting…');
      } }, h('h2', {}, 'Export'), h('p', { class: 'muted small' }, 'One file per prompt and a manifest with SHA-256 of every file. Leave the filters empty for everything.'),
      exportErrors, h('div', { class: 'grid three' }, field('Search', q), field('Tag', tag), field('Folder', folder)),
      h('div', { class: 'grid two' }, field('Format', format), field('Archive', archive)),
      h('label', { class: 'check' }, history, ' Every version (YAML and JSON only)'), exportButton),
      canWrite ? h('form', { class: 'card', onsubmit: (event) => {
        event.preventDefault();
        importErrors.clear();
        busy(planButton, async () => { try { showPlan(await send(true), true); } catch (error) { importErrors.show(error); } }, 'Reading…');
      } }, h('h2', {}, 'Import'), h('p', { class: 'muted small' }, 'An export archive, or one file in any format (YAML, JSON, Markdown, a provider request). One import is one transaction.'),
      importErrors, field('File', file), field('When a prompt with the same name exists', strategy), planButton, plan) : null));
}
