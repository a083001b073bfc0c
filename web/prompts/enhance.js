// Enhance: ask a model (through a connection) or the built-in analyzer to improve the prompt; see
// the job's progress; answer its questions in a form made from their types; review the draft as a
// diff with each change's reason; edit it; accept it as a new version (with a conflict screen
// when the prompt moved on meanwhile) or reject it.
import * as api from '../lib/api.js';
import { h, replace } from '../lib/dom.js';
import { href, go } from '../lib/router.js';
import { errorBox, errorSlot, field, busy, toast } from '../lib/ui.js';
import { renderDiff } from './diff-view.js';

const GOALS = [['clarity', 'Clarity'], ['structure', 'Structure'], ['output_format', 'Output format'], ['examples', 'Examples'], ['brevity', 'Brevity']];
const TARGETS = [['', 'any provider'], ['openai_responses', 'OpenAI Responses'], ['openai', 'OpenAI Chat Completions'], ['anthropic', 'Anthropic'], ['gemini', 'Gemini'], ['bedrock', 'Bedrock'], ['llama', 'Llama 3']];
const WORKING = ['queued', 'analyzing'];

/** One input per question, typed as asked; `read()` answers the value or undefined. */
function questionInput(question, answer) {
  const name = `answer-${question.key}`;
  let input;
  let read;
  if (question.type === 'choice') {
    input = h('select', { name }, [h('option', { value: '' }, '(choose)'), ...(question.options || []).map((o) => h('option', { value: o, selected: answer === o }, o))]);
    read = () => input.value || undefined;
  } else if (question.type === 'multi_choice') {
    const boxes = (question.options || []).map((o) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value: o, checked: (answer || []).includes(o) }), ` ${o}`));
    input = h('div', { class: 'choices', role: 'group', 'aria-label': question.text }, boxes);
    read = () => boxes.map((b) => b.querySelector('input')).filter((b) => b.checked).map((b) => b.value);
  } else if (question.type === 'boolean') {
    input = h('select', { name }, [['', '(choose)'], ['true', 'yes'], ['false', 'no']].map(([v, l]) => h('option', { value: v, selected: String(answer) === v }, l)));
    read = () => (input.value === '' ? undefined : input.value === 'true');
  } else if (question.type === 'number') {
    input = h('input', { name, type: 'number', step: 'any', value: answer ?? '' });
    read = () => (input.value === '' ? undefined : Number(input.value));
  } else {
    input = h('textarea', { name, rows: 2, value: answer ?? '' });
    read = () => (input.value.trim() === '' ? undefined : input.value);
  }
  if (question.required) input.setAttribute('aria-required', 'true');
  const wrapper = question.type === 'multi_choice'
    ? h('div', { class: 'field' }, h('div', { class: 'label' }, question.text + (question.required ? ' *' : '')), input, question.help ? h('div', { class: 'hint' }, question.help) : null)
    : field(question.text + (question.required ? ' *' : ''), input, question.help);
  wrapper.read = read;
  wrapper.key = question.key;
  return wrapper;
}

/** The enhance tab; `query.job` reopens a job. */
export async function renderEnhance(host, prompt, { canWrite, query }) {
  const base = `/api/v1/prompts/${encodeURIComponent(prompt.id)}`;
  // Only one's own connections can be spent (an admin's list shows everyone's).
  const connections = (await api.all('/api/v1/connections').catch(() => [])).filter((c) => c.owner_id === api.user().id);
  const errors = errorSlot();
  const panel = h('div', { class: 'enhancement', 'aria-live': 'polite' });
  let timer = null;

  function startForm() {
    const engine = h('select', { name: 'engine' }, h('option', { value: '' }, 'Built-in analyzer (offline, rule-based)'),
      connections.map((c) => h('option', { value: c.id }, `${c.name} (${c.provider})`)));
    const goals = GOALS.map(([value, label]) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'goal', value, checked: true }), ` ${label}`));
    const target = h('select', { name: 'target_provider' }, TARGETS.map(([v, l]) => h('option', { value: v }, l)));
    const submit = h('button', { type: 'submit', class: 'primary', id: 'enhance' }, 'Enhance');
    return h('form', { class: 'card', onsubmit: (event) => {
      event.preventDefault();
      errors.clear();
      busy(submit, async () => {
        const chosen = goals.map((g) => g.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
        const body = { goals: chosen, ...(engine.value ? { connection_id: engine.value } : {}), ...(target.value ? { target_provider: target.value } : {}) };
        try {
          const job = await api.post(`${base}/enhancements`, body);
          remember(job.id);
          show(job);
        } catch (error) { errors.show(error); }
      }, 'Starting…');
    } },
    h('h2', {}, 'Improve this prompt'),
    h('p', { class: 'muted' }, connections.length ? 'A model improves it through one of your connections; the built-in analyzer works offline with rules.'
      : ['Without a connection the built-in analyzer improves it, offline and rule-based. ', h('a', { href: href('/connections') }, 'Add a connection'), ' to ask a model.']),
    h('div', { class: 'grid two' }, field('Engine', engine), field('Will run on', target)),
    h('fieldset', {}, h('legend', {}, 'Goals'), goals),
    errors, submit);
  }

  function remember(id) {
    history.replaceState(null, '', href(`/prompts/${prompt.id}/enhance?job=${encodeURIComponent(id)}`));
  }

  let misses = 0;
  async function poll(id) {
    // The tab was left: stop asking.
    if (!host.isConnected) return;
    try {
      const job = await api.get(`/api/v1/enhancements/${encodeURIComponent(id)}`);
      misses = 0;
      show(job);
    } catch (error) {
      // A server that is briefly away (a restart, a deploy) is asked again, a little later each time.
      misses += 1;
      const gone = error.status === 404 || error.status === 401 || error.status === 403;
      replace(panel, errorBox(error), gone || misses > 5 ? restart() : h('p', { class: 'muted' }, 'Trying again…'));
      if (!gone && misses <= 5) timer = setTimeout(() => poll(id), 1000 * 2 ** misses);
    }
  }

  function show(job) {
    clearTimeout(timer);
    const parts = [h('div', { class: 'row between' },
      h('h2', {}, `Enhancement · ${job.engine === 'builtin' ? 'built-in analyzer' : (job.model || 'model')}`),
      h('span', { class: `badge enh-${job.status}`, id: 'enhancement-status' }, job.status.replace('_', ' ')))];
    if (WORKING.includes(job.status)) {
      parts.push(h('progress', { max: 100, value: job.progress, 'aria-label': 'Progress' }), h('p', { class: 'muted' }, job.status === 'queued' ? 'Waiting to start…' : 'Analyzing…'));
      timer = setTimeout(() => poll(job.id), 700);
    }
    if (job.status === 'failed') parts.push(errorBox({ message: job.error || 'The enhancement failed.' }), restart());
    if (job.task || (job.findings || []).length) {
      parts.push(h('section', { class: 'findings' }, h('h3', {}, 'Findings' + (job.task ? ` · a ${job.task.replace('_', ' ')} task` : '')),
        (job.findings || []).length ? h('ul', {}, job.findings.map((f) => h('li', { 'data-code': f.code }, h('strong', {}, f.code.replaceAll('_', ' ')), ' — ', f.message)))
          : h('p', { class: 'muted' }, 'Nothing to flag.')));
    }
    if (['awaiting_answers', 'ready'].includes(job.status) && (job.questions || []).length) parts.push(questions(job));
    if (job.draft && ['awaiting_answers', 'ready'].includes(job.status)) parts.push(draft(job));
    if (job.status === 'accepted') {
      parts.push(h('p', {}, `Accepted as version ${job.accepted_version}. `, h('a', { href: href(`/prompts/${prompt.id}`) }, 'Open it')), restart());
    }
    if (job.status === 'rejected') parts.push(h('p', { class: 'muted' }, 'Rejected; nothing was written.'), restart());
    replace(panel, h('section', { class: 'card' }, parts));
  }

  function restart() {
    return h('button', { type: 'button', class: 'secondary', onclick: () => { history.replaceState(null, '', href(`/prompts/${prompt.id}/enhance`)); replace(panel, startForm()); } }, 'Start again');
  }

  function questions(job) {
    const inputs = job.questions.map((q) => questionInput(q, (job.answers || {})[q.key]));
    const problems = errorSlot();
    const submit = h('button', { type: 'submit', class: job.status === 'awaiting_answers' ? 'primary' : 'secondary', id: 'send-answers' }, 'Send answers');
    return h('form', { class: 'questions', novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      busy(submit, async () => {
        const answers = {};
        for (const input of inputs) { const value = input.read(); if (value !== undefined) answers[input.key] = value; }
        try {
          show(await api.post(`/api/v1/enhancements/${encodeURIComponent(job.id)}/answers`, { answers }));
        } catch (error) {
          for (const input of inputs) input.problem && input.problem((error.details || []).find((d) => d.field === `answers.${input.key}`)?.message || '');
          problems.show(error);
        }
      }, 'Sending…');
    } }, h('h3', {}, job.status === 'awaiting_answers' ? 'A few questions first' : 'Questions'),
    h('p', { class: 'muted' }, job.status === 'awaiting_answers' ? 'Answer the required ones (*) to finish the draft.' : 'Change an answer to revise the draft.'),
    inputs, problems, submit);
  }

  function draft(job) {
    const problems = errorSlot();
    const message = h('input', { name: 'commit_message', maxlength: 500, value: job.draft.commit_message || '' });
    const editor = h('textarea', { class: 'yaml mono', rows: 18, spellcheck: 'false', 'aria-label': 'Draft YAML', hidden: true });
    let edited = false;
    const edit = h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (!editor.hidden) return;
      let check;
      try { check = await api.post('/api/v1/prompts/validate', job.draft); } catch (error) { problems.show(error); return; }
      editor.value = check.yaml;
      editor.hidden = false;
      editor.addEventListener('input', () => { edited = true; }, { once: true });
      editor.focus();
    } }, 'Edit the draft');
    const accept = h('button', { type: 'button', class: 'primary', id: 'accept', disabled: job.status !== 'ready' || !canWrite }, 'Accept as new version');
    const reject = h('button', { type: 'button', class: 'secondary', id: 'reject' }, 'Reject');

    async function acceptWith(ifMatch) {
      problems.clear();
      const body = { commit_message: message.value.trim() || undefined };
      try {
        if (edited) {
          const check = await api.post('/api/v1/prompts/validate', editor.value, { type: 'application/yaml' });
          if (!check.valid) { problems.show({ message: 'The edited draft is not a valid prompt', details: check.problems }); return; }
          body.document = check.document;
        }
        show(await api.post(`/api/v1/enhancements/${encodeURIComponent(job.id)}/accept`, body, ifMatch ? { headers: { 'If-Match': ifMatch } } : {}));
        toast('Accepted as a new version');
      } catch (error) {
        // Only a stale base version (the 409 that names the current one) gets the conflict screen;
        // a job that changed meanwhile or is not ready is an error like any other.
        const moved = error.status === 409 && (error.details || []).some((d) => d.field === 'current_version');
        if (!moved) { problems.show(error); return; }
        const latest = await api.get(base);
        problems.show(error);
        replace(conflict, h('div', { class: 'alert warn conflict', role: 'alert' },
          h('p', {}, `The prompt moved on: this draft improves version ${job.base_version}, and the latest is version ${latest.version}.`),
          h('div', { class: 'row' },
            h('a', { class: 'button secondary', href: href(`/prompts/${prompt.id}/history`) }, 'See what changed'),
            h('button', { type: 'button', class: 'danger', id: 'accept-over', onclick: (e) => busy(e.target, () => acceptWith(`"v${latest.version}"`)) },
              `Accept over version ${latest.version}`),
            restart())));
      }
    }
    const conflict = h('div');
    accept.addEventListener('click', () => busy(accept, () => acceptWith(null), 'Accepting…'));
    reject.addEventListener('click', () => busy(reject, async () => {
      try { show(await api.post(`/api/v1/enhancements/${encodeURIComponent(job.id)}/reject`)); } catch (error) { problems.show(error); }
    }));
    return h('section', { class: 'draft' },
      h('h3', {}, 'Draft'),
      (job.changes || []).length ? h('ul', { class: 'changes' }, job.changes.map((c) => h('li', {}, h('strong', {}, c.field), `: ${c.change}`, h('div', { class: 'muted small' }, c.reason))))
        : h('p', { class: 'muted' }, 'No changes proposed.'),
      (job.warnings || []).length ? h('ul', { class: 'warnings' }, job.warnings.map((w) => h('li', {}, w))) : null,
      job.diff ? renderDiff(job.diff) : null,
      edit, editor,
      canWrite ? field('Commit message', message) : h('p', { class: 'muted' }, 'Only the owner, a collaborator or an admin can accept a draft.'),
      problems, conflict,
      h('div', { class: 'row' }, canWrite ? accept : null, reject));
  }

  replace(host, panel);
  if (query.job) await poll(query.job);
  else replace(panel, startForm());
}
