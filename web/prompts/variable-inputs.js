// One form field per declared variable, typed as declared, read back as the JSON value a render
// or run takes. Shared by the render tab and the playground.
import { h } from '../lib/dom.js';
import { field } from '../lib/ui.js';
import { parseDefault, formatDefault } from './document.js';

/** The field of `variable`; its `read()` answers the value (undefined when empty) or throws. */
export function variableInput(variable) {
  const name = `var-${variable.name}`;
  let input;
  if (variable.type === 'enum') {
    input = h('select', { name }, [variable.required ? null : h('option', { value: '' }, '(none)'), ...(variable.options || []).map((o) => h('option', { value: o, selected: variable.default === o }, o))]);
  } else if (variable.type === 'boolean') {
    input = h('select', { name }, [['', '(none)'], ['true', 'true'], ['false', 'false']].map(([v, l]) => h('option', { value: v, selected: formatDefault(variable.default) === v }, l)));
  } else if (variable.type === 'number' || variable.type === 'integer') {
    input = h('input', { name, type: 'number', step: variable.type === 'integer' ? '1' : 'any', value: formatDefault(variable.default) });
  } else if (variable.type === 'list' || variable.type === 'json') {
    input = h('textarea', { name, rows: 2, class: 'mono', placeholder: variable.type === 'list' ? '["a", "b"]' : '{"key": "value"}', value: formatDefault(variable.default) });
  } else {
    input = h('textarea', { name, rows: 2, value: formatDefault(variable.default) });
  }
  if (variable.required) input.required = true;
  const label = [variable.name, variable.required ? ' *' : '', ` (${variable.type})`].join('');
  const wrapper = field(label, input, [variable.description, variable.sensitive ? 'Sensitive: never logged' : null].filter(Boolean).join(' — ') || null);
  wrapper.read = () => {
    // Text is sent as typed (pasted code keeps its indentation); other types are read trimmed.
    const text = variable.type === 'string' ? input.value : input.value.trim();
    if (text === '') return undefined;
    try { return parseDefault(variable.type, text); } catch (error) { wrapper.problem(error.message); throw new Error(`${variable.name} ${error.message}`); }
  };
  wrapper.variable = variable;
  return wrapper;
}

/** The values of `inputs` as a variables object; throws (and marks the field) on a bad one. */
export function readVariables(inputs) {
  const variables = {};
  for (const input of inputs) { const value = input.read(); if (value !== undefined) variables[input.variable.name] = value; }
  return variables;
}

/** A select of the prompt's labels and versions; `selection()` answers `{label}` or `{version}`. */
export function versionPicker(prompt, labels) {
  const select = h('select', { name: 'target' },
    labels.data.map((l) => h('option', { value: `label:${l.label}`, selected: l.label === 'latest' }, `${l.label} (v${l.version})`)),
    Array.from({ length: prompt.version }, (_, i) => prompt.version - i).map((n) => h('option', { value: `version:${n}` }, `version ${n}`)));
  select.selection = () => {
    const [kind, value] = select.value.split(/:(.*)/s);
    return kind === 'version' ? { version: Number(value) } : { label: value };
  };
  return select;
}

/** Marks the fields a 400 or 422 names. */
export function showProblems(inputs, error) {
  if (![400, 422].includes(error.status) || !error.details.length) return;
  for (const detail of error.details) {
    const input = inputs.find((i) => detail.field === i.variable.name || (detail.field || '').endsWith(`.${i.variable.name}`) || detail.message.includes(`'${i.variable.name}'`));
    if (input) input.problem(detail.message);
  }
}
