// The prompt document as the API writes it: what to keep from a read, and how values typed in a
// form become typed JSON.

const DOCUMENT_KEYS = ['schema', 'name', 'title', 'summary', 'tags', 'owner', 'status', 'commit_message', 'prompt', 'variables', 'model'];

/** The writable document inside an API answer (which also carries id, version, labels …). */
export function documentOf(answer) {
  const doc = {};
  for (const key of DOCUMENT_KEYS) if (answer[key] !== undefined && answer[key] !== null) doc[key] = structuredClone(answer[key]);
  delete doc.commit_message; // a new version gets its own message
  return doc;
}

/** An empty document for the "new prompt" form. */
export function emptyDocument() {
  return { name: '', title: '', status: 'draft', prompt: { goal: '' }, variables: [] };
}

/** Parses a variable's default as its type takes it; throws with a message on a bad value. */
export function parseDefault(type, text) {
  if (text === '') return undefined;
  switch (type) {
    case 'number': case 'integer': {
      const value = Number(text);
      if (!Number.isFinite(value) || (type === 'integer' && !Number.isInteger(value))) throw new Error(`must be ${type === 'integer' ? 'an integer' : 'a number'}`);
      return value;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw new Error('must be true or false');
      return text === 'true';
    case 'list': case 'json':
      try { return JSON.parse(text); } catch { throw new Error('must be JSON (a list: ["a", "b"])'); }
    default:
      return text;
  }
}

/** A default value as the form shows it. */
export function formatDefault(value) {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Lines of a textarea as a list, without blank lines (each kept as typed); undefined when empty. */
export function lines(text) {
  const list = text.split('\n').filter((l) => l.trim());
  return list.length ? list : undefined;
}

/** Comma- or newline-separated words as a list; undefined when empty. */
export function words(text) {
  const list = text.split(/[,\n]/).map((w) => w.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

/** Every {{name}} a template uses (not partials, comments or closing tags). */
export function templateNames(text) {
  const names = new Set();
  for (const match of String(text || '').matchAll(/\{\{\s*([#^]?)\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g)) names.add(match[2].split('.')[0]);
  return names;
}

/** The document without keys whose value is undefined (what a form leaves out), at any depth. */
export function withoutUndefined(value) {
  return JSON.parse(JSON.stringify(value));
}
