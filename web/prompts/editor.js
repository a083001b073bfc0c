// The editor: a new prompt or the next version of one. Form and YAML views of the same document
// (the server converts between them), problems beside their fields, a commit message, and a
// conflict screen when someone else saved first.
import * as api from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { go, href, guardLeaving } from '../lib/router.js';
import { errorSlot, field, busy, pageHeader, toast, confirmDialog } from '../lib/ui.js';
import { live } from '../lib/realtime.js';
import { othersEditing } from './presence.js';
import { buildForm } from './editor-form.js';
import { documentOf, emptyDocument } from './document.js';
import { renderDiff } from './diff-view.js';
import { rightsOn } from './rights.js';

const check = (body, type) => api.post('/api/v1/prompts/validate', body, type ? { type } : {});

/** Renders the editor into `main`: `id` edits that prompt, otherwise a new one. */
export async function renderEditor(main, { id }) {
  if (api.user().role === 'viewer') {
    replace(main, pageHeader(id ? 'Edit' : 'New prompt'), h('p', {}, 'Viewers read, render and rate prompts; writing them needs the user role. Ask an admin.'));
    return;
  }
  const shown = location.hash;
  const existing = id ? await api.get(`/api/v1/prompts/${encodeURIComponent(id)}`) : null;
  if (existing && !(await rightsOn(existing)).canWrite) {
    replace(main, pageHeader(`Edit ${existing.title}`), h('p', {}, 'Only the prompt’s owner, its collaborators or an admin may write it. ',
      h('a', { href: href(`/prompts/${existing.id}`) }, 'Back to the prompt')));
    return;
  }
  let baseVersion = existing ? existing.version : null;
  const formOptions = { canChangeOwner: api.user().role === 'admin' };
  let form = buildForm(existing ? documentOf(existing) : emptyDocument(), formOptions);
  let mode = 'form';
  const formHost = h('div', {}, form.element);
  const yaml = h('textarea', { class: 'yaml mono', rows: 28, spellcheck: 'false', 'aria-label': 'YAML' });
  const yamlHost = h('div', { hidden: true }, field('The prompt as YAML', yaml, 'Edits here and in the form are the same document.'));
  const errors = errorSlot();
  const problemsNote = h('div', { 'aria-live': 'polite' });
  const commit = h('input', { name: 'commit_message', placeholder: existing ? 'What changed, and why' : 'First version', maxlength: 500 });
  const conflictHost = h('div');
  const save = h('button', { type: 'submit', class: 'primary', id: 'save' }, existing ? 'Save new version' : 'Create prompt');
  const formTab = h('button', { type: 'button', role: 'tab', 'aria-selected': 'true', id: 'tab-form' }, 'Form');
  // Others editing the same prompt, and versions saved while this one is edited, as they happen.
  const editorsNote = h('div', { id: 'live-editors', 'aria-live': 'polite' });
  const newerNote = h('div', { id: 'live-newer', 'aria-live': 'polite' });
  let newer = null;
  // Navigated elsewhere meanwhile: no room to join for a page that is not shown.
  const leave = existing && location.hash === shown ? live.join(existing.id, (message) => {
    if (message.type === 'presence') {
      const names = othersEditing(message.people, live.userID);
      replace(editorsNote, names.length ? h('div', { class: 'alert warn' },
        `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} editing this prompt too: whoever saves second will be shown both changes to reconcile.`) : null);
    } else if (message.type === 'prompt.version_created' && message.version > baseVersion) {
      newer = message.version;
      replace(newerNote, h('div', { class: 'alert warn', role: 'status' },
        `Version ${newer} was saved while you edit version ${baseVersion}. Saving now conflicts with it: you will see their change and choose.`));
    }
  }) : () => {};
  const yamlTab = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', id: 'tab-yaml' }, 'YAML');

  /** The document being edited, from whichever view is showing. */
  async function current() {
    if (mode === 'form') return form.collect();
    const answer = await check(yaml.value, 'application/yaml');
    return answer.document;
  }

  function showProblems(problems, warnings = []) {
    const rest = mode === 'form' ? form.showProblems(problems) : problems;
    replace(problemsNote,
      problems.length ? h('div', { class: 'alert error', role: 'alert' }, h('strong', {}, `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before saving`),
        rest.length ? h('ul', {}, rest.map((p) => h('li', {}, `${p.field}: ${p.message}`))) : h('span', {}, ' — shown beside the fields.')) : null,
      warnings.length ? h('div', { class: 'alert warn' }, h('strong', {}, 'Warnings'), h('ul', {}, warnings.map((w) => h('li', {}, `${w.field}: ${w.message}`)))) : null);
  }

  async function switchTo(next) {
    if (next === mode) return;
    errors.clear();
    try {
      if (next === 'yaml') {
        const answer = await check(form.collect());
        yaml.value = answer.yaml;
        showProblems(answer.problems);
      } else {
        const answer = await check(yaml.value, 'application/yaml');
        form = buildForm(answer.document, formOptions);
        replace(formHost, form.element);
        mode = 'form';
        showProblems(answer.problems);
      }
    } catch (error) {
      fail(error);
      return;
    }
    mode = next;
    formHost.hidden = mode !== 'form';
    yamlHost.hidden = mode !== 'yaml';
    formTab.setAttribute('aria-selected', String(mode === 'form'));
    yamlTab.setAttribute('aria-selected', String(mode === 'yaml'));
  }
  formTab.addEventListener('click', () => switchTo('form'));
  yamlTab.addEventListener('click', () => switchTo('yaml'));

  async function runCheck() {
    errors.clear();
    try {
      const doc = await current();
      const answer = await check(doc);
      showProblems(answer.problems, answer.warnings);
      if (answer.valid) toast(answer.warnings.length ? 'Valid, with warnings' : 'Valid: ready to save');
    } catch (error) { fail(error); }
  }

  function fail(error) {
    if (error.status === 400 && (error.details.length || error.field)) {
      const problems = error.details.length ? error.details : [{ field: error.field, message: error.message }];
      showProblems(problems);
    } else {
      // Includes a default value the form could not type: the field says so too.
      errors.show(error);
    }
  }

  async function submit(overwriteVersion) {
    if (existing && newer && !overwriteVersion
      && !(await confirmDialog(`Version ${newer} was saved since you started editing version ${baseVersion}. Save anyway? You will see their change before anything is overwritten.`, { confirm: 'Save and compare' }))) return;
    errors.clear();
    replace(problemsNote);
    replace(conflictHost);
    let doc;
    try { doc = await current(); } catch (error) { fail(error); return; }
    if (commit.value.trim()) doc.commit_message = commit.value.trim();
    try {
      const saved = existing
        ? await api.put(`/api/v1/prompts/${encodeURIComponent(existing.id)}`, doc, { headers: { 'If-Match': `"v${overwriteVersion || baseVersion}"` } })
        : await api.post('/api/v1/prompts', doc);
      toast(existing ? `Saved version ${saved.version}` : 'Prompt created');
      guardLeaving(null);
      go(`/prompts/${saved.id}`);
    } catch (error) {
      if (error.status === 409 && existing && error.code === 'CONFLICT') await showConflict(doc, error);
      else fail(error);
    }
  }

  async function showConflict(mine, error) {
    const detail = (error.details || []).find((d) => d.field === 'current_version');
    const theirs = detail ? Number(detail.message) : null;
    const parts = [h('h2', {}, 'Someone else saved first'),
      h('p', {}, `You edited version ${baseVersion}; version ${theirs || 'newer'} was saved since. Your changes are still in the editor — nothing is lost.`)];
    if (theirs) {
      try {
        const [diff, version] = await Promise.all([
          api.get(api.url(`/api/v1/prompts/${encodeURIComponent(existing.id)}/diff`, { from: baseVersion, to: theirs })),
          api.get(`/api/v1/prompts/${encodeURIComponent(existing.id)}/versions/${theirs}`),
        ]);
        parts.push(h('p', {}, `Their change (by ${version.author}${version.commit_message ? `: “${version.commit_message}”` : ''}):`), renderDiff(diff));
      } catch (diffError) { parts.push(h('p', { class: 'muted' }, `Their change cannot be shown: ${diffError.message}`)); }
    }
    parts.push(h('div', { class: 'row' },
      h('button', { type: 'button', class: 'danger', id: 'overwrite', onclick: (event) => busy(event.target, () => submit(theirs)) }, `Save mine on top of version ${theirs}`),
      h('button', { type: 'button', class: 'secondary', id: 'take-theirs', onclick: () => { guardLeaving(null); leave(); replace(main); renderEditor(main, { id }); } }, 'Discard mine and edit theirs'),
      h('a', { href: href(`/prompts/${existing.id}/history`), target: '_blank', rel: 'noopener' }, 'Open the history in a new tab')));
    replace(conflictHost, h('section', { class: 'card conflict', role: 'alert', id: 'conflict' }, parts));
    conflictHost.scrollIntoView({ block: 'start' });
  }

  replace(main,
    pageHeader(existing ? `Edit ${existing.title}` : 'New prompt', existing ? h('a', { href: href(`/prompts/${existing.id}`) }, 'Back to the prompt') : null),
    existing ? h('p', { class: 'muted' }, `Editing version ${baseVersion}. Saving writes version ${baseVersion + 1}; earlier versions never change.`) : null,
    editorsNote, newerNote, conflictHost,
    h('form', { class: 'editor', novalidate: true, onsubmit: (event) => { event.preventDefault(); busy(save, () => submit(), 'Saving…'); },
      // Typing anywhere in the editor marks the work unsaved: leaving then asks first.
      oninput: () => {
        guardLeaving('Your changes are not saved. Leave this page anyway?');
        if (existing) live.setEditing(existing.id, true);
      } },
      h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'View' }, formTab, yamlTab),
      errors, problemsNote, formHost, yamlHost,
      h('section', { class: 'card' },
        field('Commit message', commit),
        h('div', { class: 'row' }, save, h('button', { type: 'button', class: 'secondary', id: 'check', onclick: (event) => busy(event.target, runCheck, 'Checking…') }, 'Check')))));
}
