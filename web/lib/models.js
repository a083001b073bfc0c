// The model catalogue (GET /api/v1/models), fetched once per provider, as suggestions for a
// model input: the id stays free text, since providers add models faster than releases ship.
import * as api from './api.js';
import { h, replace } from './dom.js';

const cache = new Map();
let lists = 0;

/** The catalogue's models for `provider`, newest first (an empty list if it cannot be read). */
export function models(provider) {
  if (!cache.has(provider)) cache.set(provider, api.all('/api/v1/models', { provider }).catch(() => []));
  return cache.get(provider);
}

/** Gives `input` a suggestion list; `show(provider)` fills it with that provider's models. */
export function suggestModels(input) {
  const list = h('datalist', { id: `models-${++lists}` });
  input.setAttribute('list', list.id);
  input.after(list);
  return async function show(provider) {
    const found = provider ? await models(provider) : [];
    replace(list, found.map((m) => h('option', { value: m.model },
      [m.default ? 'default' : null, m.reasoning ? 'reasoning' : null, m.deprecated_on ? `retires ${m.deprecated_on}` : null].filter(Boolean).join(', '))));
  };
}
