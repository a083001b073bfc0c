// The editor's form: every field of the prompt document, with each input registered under its
// document path (prompt.goal, variables[1].name …) so a problem the API names lands beside it.
import { h, replace } from '../lib/dom.js';
import { field } from '../lib/ui.js';
import { lines, words, parseDefault, formatDefault, templateNames, withoutUndefined } from './document.js';
import { suggestModels } from '../lib/models.js';

const TYPES = ['string', 'number', 'integer', 'boolean', 'enum', 'list', 'json'];
const PROVIDERS = ['', 'openai', 'openai_responses', 'anthropic', 'gemini', 'bedrock', 'llama'];

function textarea(name, value, rows = 3) { return h('textarea', { name, rows, value: value || '' }); }
function input(name, value, attrs = {}) { return h('input', { name, value: value ?? '', ...attrs }); }

// What an input holds, as the document takes it. An input still showing what it was given keeps
// the document's own value exactly — its whitespace, an empty list, a value the form cannot show —
// so saving an untouched document writes the same document.
function kept(control, original, shown, parse) {
  return control.value === shown ? original : parse(control.value);
}
const text = (v) => (v.trim() ? v : undefined);
const line = (v) => v.trim() || undefined;
const number = (v) => (v.trim() === '' ? undefined : Number(v));

/**
 * The form for `doc`; `collect()` answers the edited document (throws on a bad typed value).
 * `canChangeOwner` (admins) shows the owner field: only an admin may give a prompt away.
 */
export function buildForm(doc, { canChangeOwner = false } = {}) {
  const fields = new Map();
  const reg = (path, wrapper) => { fields.set(path, wrapper); return wrapper; };
  const p = doc.prompt || {};
  const m = doc.model || {};

  const name = input('name', doc.name, { required: true, placeholder: 'team/purpose', autocomplete: 'off', spellcheck: 'false' });
  const title = input('title', doc.title, { required: true });
  const summary = input('summary', doc.summary);
  const tags = input('tags', (doc.tags || []).join(', '), { placeholder: 'ecommerce, copywriting' });
  const status = h('select', { name: 'status' }, ['draft', 'active'].map((s) => h('option', { value: s, selected: (doc.status || 'draft') === s }, s)));
  const goal = textarea('goal', p.goal, 3);
  const audience = textarea('audience', p.audience, 2);
  const context = textarea('context', p.context, 4);
  const steps = textarea('steps', (p.steps || []).join('\n'), 4);
  const constraints = textarea('constraints', (p.constraints || []).join('\n'), 3);
  const outputFormat = input('output_format', p.output && p.output.format, { placeholder: 'json, markdown, a table …' });
  const outputFields = input('output_fields', ((p.output && p.output.fields) || []).join(', '), { placeholder: 'title, description' });
  // A provider the form does not list (the schema takes any) is kept as an option of its own.
  const providers = PROVIDERS.includes(m.provider || '') ? PROVIDERS : [...PROVIDERS, m.provider];
  const provider = h('select', { name: 'model_provider' }, providers.map((v) => h('option', { value: v, selected: (m.provider || '') === v }, v || '(none)')));
  const modelName = input('model_name', m.name, { placeholder: 'gpt-5.5, claude-sonnet-…' });
  const temperature = input('temperature', m.temperature, { type: 'number', step: '0.1', min: '0', max: '2' });
  const maxTokens = input('max_tokens', m.max_tokens, { type: 'number', step: '1', min: '1' });
  const topP = input('top_p', m.top_p, { type: 'number', step: '0.05', min: '0', max: '1' });
  const params = textarea('params', m.params ? JSON.stringify(m.params, null, 2) : '', 3);
  params.classList.add('mono');
  const owner = input('owner', doc.owner, { autocomplete: 'off', spellcheck: 'false' });

  const examples = h('div', { class: 'rows' });
  const messages = h('div', { class: 'rows' });
  const variables = h('div', { class: 'rows' });

  function exampleRow(example = {}) {
    const row = h('fieldset', { class: 'row-item' }, h('legend', {}, 'Example'),
      field('Input', textarea('example_input', example.input, 2)), field('Output', textarea('example_output', example.output, 2)),
      h('button', { type: 'button', class: 'secondary small', onclick: () => { row.remove(); } }, 'Remove example'));
    row.read = () => ({ input: row.querySelector('[name=example_input]').value, output: row.querySelector('[name=example_output]').value });
    examples.append(row);
  }
  function messageRow(message = { role: 'user', content: '' }) {
    const role = h('select', { name: 'message_role' }, ['system', 'user', 'assistant'].map((r) => h('option', { value: r, selected: message.role === r }, r)));
    const content = textarea('message_content', message.content, 3);
    const row = h('fieldset', { class: 'row-item' }, h('legend', {}, 'Message'), field('Role', role), field('Content', content),
      h('button', { type: 'button', class: 'secondary small', onclick: () => row.remove() }, 'Remove message'));
    row.read = () => ({ role: role.value, content: content.value });
    messages.append(row);
  }
  function variableRow(variable = { name: '', type: 'string' }) {
    const vName = input('variable_name', variable.name, { required: true, spellcheck: 'false', autocomplete: 'off' });
    const vType = h('select', { name: 'variable_type' }, TYPES.map((t) => h('option', { value: t, selected: variable.type === t }, t)));
    const vRequired = h('input', { type: 'checkbox', name: 'variable_required', checked: variable.required === true });
    const vSensitive = h('input', { type: 'checkbox', name: 'variable_sensitive', checked: variable.sensitive === true });
    const vDescription = input('variable_description', variable.description);
    const vOptions = input('variable_options', (variable.options || []).join(', '), { placeholder: 'for enum: a, b, c' });
    const vDefault = input('variable_default', formatDefault(variable.default));
    const optionsField = field('Options', vOptions);
    const showOptions = () => { optionsField.hidden = vType.value !== 'enum'; };
    vType.addEventListener('change', showOptions);
    const wrappers = { name: field('Name', vName), type: field('Type', vType), description: field('Description', vDescription), options: optionsField, default: field('Default', vDefault) };
    const row = h('fieldset', { class: 'row-item variable' }, h('legend', {}, 'Variable'),
      h('div', { class: 'grid three' }, wrappers.name, wrappers.type, wrappers.default),
      wrappers.description, optionsField,
      h('div', { class: 'row' }, h('label', { class: 'check' }, vRequired, ' Required'), h('label', { class: 'check' }, vSensitive, ' Sensitive (never logged)'),
        h('button', { type: 'button', class: 'secondary small', onclick: () => row.remove() }, 'Remove variable')));
    showOptions();
    row.wrappers = wrappers;
    row.read = () => {
      const out = { ...variable, name: vName.value.trim(), type: vType.value };
      out.required = vRequired.checked === (variable.required === true) ? variable.required : vRequired.checked || undefined;
      out.sensitive = vSensitive.checked === (variable.sensitive === true) ? variable.sensitive : vSensitive.checked || undefined;
      out.description = kept(vDescription, variable.description, variable.description ?? '', line);
      out.options = vType.value === 'enum' ? kept(vOptions, variable.options, (variable.options || []).join(', '), words) : undefined;
      try {
        out.default = vType.value === variable.type
          ? kept(vDefault, variable.default, formatDefault(variable.default), (v) => parseDefault(vType.value, vType.value === 'string' ? v : v.trim()))
          : parseDefault(vType.value, vDefault.value.trim());
      } catch (error) {
        wrappers.default.problem(`Default ${error.message}`);
        throw new Error(`Variable ${out.name || "(unnamed)"}: default ${error.message}`);
      }
      return out;
    };
    variables.append(row);
  }
  (p.examples || []).forEach(exampleRow);
  (p.messages || []).forEach(messageRow);
  (doc.variables || []).forEach(variableRow);

  function detectVariables() {
    const used = new Set();
    for (const text of [goal.value, audience.value, context.value, steps.value, constraints.value, ...[...messages.children].map((r) => r.read().content)]) {
      templateNames(text).forEach((n) => used.add(n));
    }
    const declared = new Set([...variables.children].map((r) => r.read().name));
    let added = 0;
    for (const n of used) if (!declared.has(n)) { variableRow({ name: n, type: 'string', required: true }); added += 1; }
    return added;
  }

  const element = h('div', { class: 'editor-form' },
    h('section', { class: 'card' }, h('h2', {}, 'About'),
      h('div', { class: 'grid two' }, reg('name', field('Name', name, 'Unique; "/" makes folders (marketing/product-description)')), reg('title', field('Title', title))),
      reg('summary', field('Summary', summary)),
      h('div', { class: 'grid two' }, reg('tags', field('Tags', tags, 'Comma-separated')), reg('status', field('Status', status))),
      canChangeOwner && doc.owner !== undefined ? reg('owner', field('Owner', owner, 'The account that owns the prompt (admins only)')) : null),
    h('section', { class: 'card' }, h('h2', {}, 'Prompt'),
      h('p', { class: 'hint' }, 'Templates use Mustache: {{variable}}, {{#list}}…{{/list}}, {{> other-prompt@production}}.'),
      reg('prompt.goal', field('Goal', goal)), reg('prompt.audience', field('Audience', audience)), reg('prompt.context', field('Context', context)),
      reg('prompt.steps', field('Steps', steps, 'One per line')), reg('prompt.constraints', field('Constraints', constraints, 'One per line')),
      h('div', { class: 'grid two' }, reg('prompt.output.format', field('Output format', outputFormat)), reg('prompt.output.fields', field('Output fields', outputFields, 'Comma-separated'))),
      h('h3', {}, 'Examples'), reg('prompt.examples', h('div', {}, examples)),
      h('button', { type: 'button', class: 'secondary small', onclick: () => exampleRow() }, 'Add example'),
      h('h3', {}, 'Explicit messages'), h('p', { class: 'hint' }, 'Optional: a chat template used instead of the fields above.'),
      reg('prompt.messages', h('div', {}, messages)),
      h('button', { type: 'button', class: 'secondary small', onclick: () => messageRow() }, 'Add message')),
    h('section', { class: 'card' }, h('h2', {}, 'Variables'),
      reg('variables', h('div', {}, variables)),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary small', id: 'add-variable', onclick: () => variableRow() }, 'Add variable'),
        h('button', { type: 'button', class: 'secondary small', onclick: (event) => { const n = detectVariables(); event.target.textContent = n ? `Added ${n}` : 'All declared'; } }, 'Declare the variables the templates use'))),
    h('section', { class: 'card' }, h('h2', {}, 'Model'),
      h('div', { class: 'grid two' }, reg('model.provider', field('Provider', provider)), reg('model.name', field('Model', modelName))),
      h('div', { class: 'grid three' }, reg('model.temperature', field('Temperature', temperature)), reg('model.top_p', field('Top p', topP)),
        reg('model.max_tokens', field('Max tokens', maxTokens))),
      reg('model.params', field('Provider parameters (JSON)', params, 'Other request keys, such as {"seed": 7}; a provider without one drops it with a warning'))));

  const showModels = suggestModels(modelName);
  provider.addEventListener('change', () => showModels(provider.value));
  showModels(provider.value);

  function collect() {
    const out = structuredClone(doc);
    out.name = name.value.trim();
    out.title = title.value.trim();
    out.summary = kept(summary, doc.summary, doc.summary ?? '', line);
    out.tags = kept(tags, doc.tags, (doc.tags || []).join(', '), words);
    out.status = status.value;
    const prompt = { ...(doc.prompt || {}) };
    prompt.goal = kept(goal, p.goal, p.goal || '', text);
    prompt.audience = kept(audience, p.audience, p.audience || '', text);
    prompt.context = kept(context, p.context, p.context || '', text);
    prompt.steps = kept(steps, p.steps, (p.steps || []).join('\n'), lines);
    prompt.constraints = kept(constraints, p.constraints, (p.constraints || []).join('\n'), lines);
    const was = p.output || {};
    const output = { ...was, format: kept(outputFormat, was.format, was.format || '', line), fields: kept(outputFields, was.fields, (was.fields || []).join(', '), words) };
    prompt.output = output.format !== undefined || output.fields !== undefined || p.output ? output : undefined;
    // A row added and left empty is not part of the document.
    const listed = (list, original) => (list.length || original ? list : undefined);
    prompt.examples = listed([...examples.children].map((r) => r.read()).filter((e) => e.input.trim() || e.output.trim()), p.examples);
    prompt.messages = listed([...messages.children].map((r) => r.read()).filter((m) => m.content.trim()), p.messages);
    out.prompt = prompt;
    out.variables = listed([...variables.children].map((r) => r.read()), doc.variables);
    const model = { ...(doc.model || {}) };
    model.provider = provider.value || undefined;
    model.name = kept(modelName, m.name, m.name ?? '', line);
    model.temperature = kept(temperature, m.temperature, String(m.temperature ?? ''), number);
    model.max_tokens = kept(maxTokens, m.max_tokens, String(m.max_tokens ?? ''), number);
    model.top_p = kept(topP, m.top_p, String(m.top_p ?? ''), number);
    if (params.value === (m.params ? JSON.stringify(m.params, null, 2) : '')) {
      model.params = m.params;
    } else if (params.value.trim()) {
      try { model.params = JSON.parse(params.value); } catch {
        fields.get('model.params').problem('Must be a JSON object');
        throw new Error('Provider parameters must be a JSON object');
      }
    } else {
      model.params = undefined;
    }
    if (canChangeOwner && owner.value.trim()) out.owner = owner.value.trim();
    out.model = Object.values(model).some((v) => v !== undefined) || doc.model ? model : undefined;
    return withoutUndefined(out);
  }

  /** Shows each problem beside its field; answers the ones no field owns. */
  function showProblems(problems) {
    clearProblems();
    const rest = [];
    const grouped = new Map();
    for (const problem of problems) {
      const target = locate(problem.field);
      if (!target) { rest.push(problem); continue; }
      grouped.set(target, [...(grouped.get(target) || []), problem.message]);
    }
    for (const [target, messagesFor] of grouped) target.problem(messagesFor.join('; '));
    const first = element.querySelector('.invalid');
    if (first) first.scrollIntoView({ block: 'center' });
    return rest;
  }

  function locate(path) {
    if (!path) return null;
    const variable = /^variables\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (variable) {
      const row = variables.children[Number(variable[1])];
      if (row) return row.wrappers[variable[2]] || row.wrappers.name;
    }
    let best = null;
    for (const [key, wrapper] of fields) {
      if ((path === key || path.startsWith(key + '.') || path.startsWith(key + '[')) && (!best || key.length > best.key.length)) best = { key, wrapper };
    }
    if (!best) return null;
    const wrapper = best.wrapper;
    if (!wrapper.problem) {
      // A list section: show the problem under its heading.
      const slot = wrapper.querySelector(':scope > .problem') || wrapper.appendChild(h('div', { class: 'problem' }));
      wrapper.problem = (message) => { replace(slot, message || ''); wrapper.classList.toggle('invalid', Boolean(message)); };
    }
    return wrapper;
  }

  function clearProblems() {
    for (const wrapper of fields.values()) if (wrapper.problem) wrapper.problem('');
    for (const row of variables.children) Object.values(row.wrappers).forEach((w) => w.problem(''));
  }

  return { element, collect, showProblems, clearProblems };
}
