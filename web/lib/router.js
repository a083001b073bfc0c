// Hash routes (#/prompts/abc/history): deep links and reloads work without the server knowing
// the UI's pages.

const routes = [];

/** Registers `pattern` ("/prompts/:id/:tab?") → `render(params, query)`. */
export function route(pattern, render) {
  const names = [];
  const source = pattern.split('/').map((part) => {
    if (part.startsWith(':')) {
      const optional = part.endsWith('?');
      names.push(optional ? part.slice(1, -1) : part.slice(1));
      return optional ? '(?:/([^/]*))?' : '/([^/]+)';
    }
    return part ? '/' + part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '';
  }).join('');
  routes.push({ regex: new RegExp('^' + (source || '/') + '/?$'), names, render });
}

/** The current path and query from the location's hash. */
export function current() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

/** The handler and parameters for `path`, or null. */
export function match(path) {
  for (const entry of routes) {
    const found = entry.regex.exec(path);
    if (found) {
      const params = {};
      entry.names.forEach((name, index) => { params[name] = found[index + 1] === undefined ? undefined : decodeURIComponent(found[index + 1]); });
      return { render: entry.render, params };
    }
  }
  return null;
}

/** Goes to `path` ("/prompts/abc?tab=history"). */
export function go(path) {
  if (location.hash === '#' + path) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = path;
}

let leaveQuestion = null;

/** Sets (or clears, with null) the question to ask before leaving the page: unsaved work. */
export function guardLeaving(question) { leaveQuestion = question; }

/** The question to ask before leaving, if any. */
export function leaving() { return leaveQuestion; }

/** A link to a route. */
export function href(path) { return '#' + path; }
