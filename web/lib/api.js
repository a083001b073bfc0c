// The API client: every request the UI makes goes through here. The access token lives in this
// module's memory only; the refresh token is an HttpOnly cookie the page cannot read, sent only to
// /api/v1/auth. A 401 with an expired token refreshes once and retries.

/** An API error: the server's code, message, field and details, and the request id. */
export class ApiError extends Error {
  constructor(status, body, requestId) {
    const error = body && body.error ? body.error : {};
    super(error.message || `The server answered ${status}`);
    this.status = status;
    this.code = error.code || (status === 0 ? 'NETWORK_ERROR' : 'HTTP_' + status);
    this.field = error.field || null;
    this.details = error.details || [];
    this.requestId = (body && body.request_id) || requestId || null;
    this.retryAfter = null;
  }
}

let accessToken = null;
let currentUser = null;
let refreshing = null;
const listeners = new Set();

/** The signed-in account, or null. */
export function user() { return currentUser; }

/** Calls `fn(user)` whenever the session starts or ends. */
export function onSessionChange(fn) { listeners.add(fn); }

function setSession(tokens) {
  accessToken = tokens ? tokens.access_token : null;
  const before = currentUser;
  currentUser = tokens ? tokens.user : null;
  if ((before && before.id) !== (currentUser && currentUser.id) || !currentUser) listeners.forEach((fn) => fn(currentUser));
}

/** Signs in; the refresh token goes into the cookie. */
export async function signIn(login, password) {
  const tokens = await request('POST', '/api/v1/auth/login', { body: { login, password, refresh_cookie: true }, auth: false });
  setSession(tokens);
  return tokens.user;
}

/** Restores a session from the refresh cookie after a reload; false when there is none. */
export async function resume() {
  // The refresh cookie is HttpOnly; its readable marker says whether there is one to use.
  if (!document.cookie.split('; ').includes('promptlib_session=1')) return false;
  try {
    await refresh();
    return true;
  } catch (error) {
    // 400: the marker outlived the refresh cookie; 401/403: the session ended. Either way, sign in.
    if (error.status === 400 || error.status === 401 || error.status === 403) return false;
    throw error;
  }
}

/**
 * Ends the session on the server, then forgets it here. When the server cannot be told (it is
 * unreachable, or failing), this throws and the session stays: pretending to sign out would leave
 * a live session behind on a shared computer.
 */
export async function signOut() {
  try {
    if (accessToken) await request('POST', '/api/v1/auth/logout');
  } catch (error) {
    if (error.status !== 401) throw error; // a 401: the session had already ended
  }
  setSession(null);
}

/** Forgets the session without asking the server (it already ended it). */
export function dropSession() { setSession(null); }

// Every tab shares the cookie, and a refresh token is single-use: two tabs refreshing at once
// would look like a stolen token and end the session. Tabs take turns (acrossTabs); within a tab,
// one refresh serves every caller.
function refresh() {
  if (!refreshing) {
    const run = () => request('POST', '/api/v1/auth/refresh', { body: {}, auth: false }).then((tokens) => { setSession(tokens); return tokens; });
    refreshing = acrossTabs(run).finally(() => { refreshing = null; });
  }
  return refreshing;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// Runs `work` while no other tab of this origin runs its own. A Web Lock where the browser has
// them; pages served over plain HTTP (not localhost) have none, so there a lease in localStorage —
// it holds no secret — is claimed, then confirmed after a pause, so two tabs claiming together
// see which of them won.
async function acrossTabs(work) {
  if (navigator.locks) return navigator.locks.request('promptlib-refresh', work);
  const key = 'promptlib-refresh-lease';
  const me = Math.random().toString(36).slice(2);
  const lease = () => { try { return JSON.parse(localStorage.getItem(key)); } catch { return null; } };
  const release = () => { if ((lease() || {}).owner === me) localStorage.removeItem(key); };
  // A tab that goes away while holding the lease gives it back, so no other tab waits it out.
  window.addEventListener('pagehide', release);
  try {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      // A random start spreads tabs woken together (a reload of all of them) apart.
      await sleep(Math.random() * 50);
      const held = lease();
      if (!held || held.until < Date.now()) {
        localStorage.setItem(key, JSON.stringify({ owner: me, until: Date.now() + 5000 }));
        await sleep(100);
        if ((lease() || {}).owner === me) {
          try { return await work(); } finally { release(); }
        }
      }
      await sleep(80 + Math.random() * 80);
    }
    return await work();
  } finally {
    window.removeEventListener('pagehide', release);
  }
}

/**
 * One API call. `body` is sent as JSON unless it is a Blob/ArrayBuffer/string with `type`.
 * Answers the parsed JSON (or a Blob with `as: 'blob'`, text with `as: 'text'`, the Response with
 * `as: 'response'`); throws ApiError.
 */
export async function request(method, path, options = {}) {
  const { body, headers = {}, auth = true, as = 'json', type, retried = false } = options;
  const init = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' };
  if (auth && accessToken) init.headers.Authorization = 'Bearer ' + accessToken;
  if (body !== undefined) {
    if (type) { init.headers['Content-Type'] = type; init.body = body; }
    else { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    const error = new ApiError(0, { error: { message: 'The server cannot be reached; check your connection and try again' } });
    error.cause = cause;
    throw error;
  }
  if (response.status === 401 && auth && !retried && accessToken) {
    const body401 = await response.clone().json().catch(() => null);
    if (body401 && body401.error && ['TOKEN_EXPIRED', 'TOKEN_INVALID'].includes(body401.error.code)) {
      try {
        await refresh();
      } catch (error) {
        // Only a refused refresh ends the session; an unreachable or failing server is an error
        // shown where the user acted, and the session (and any unsaved work) stays.
        if (error.status === 401 || error.status === 400) { setSession(null); throw new ApiError(401, body401, response.headers.get('X-Request-ID')); }
        throw error;
      }
      return request(method, path, { ...options, retried: true });
    }
  }
  if (!response.ok) {
    const errorBody = await response.json().catch(() => null);
    const error = new ApiError(response.status, errorBody, response.headers.get('X-Request-ID'));
    error.retryAfter = response.headers.get('Retry-After');
    error.etag = response.headers.get('ETag');
    // The account was disabled or the session ended elsewhere: back to the sign-in page.
    if (response.status === 401 && auth && currentUser) setSession(null);
    throw error;
  }
  if (as === 'response') return response;
  if (as === 'blob') return response.blob();
  if (as === 'text') return response.text();
  if (response.status === 204) return null;
  const data = await response.json();
  const etag = response.headers.get('ETag');
  if (etag && data && typeof data === 'object') Object.defineProperty(data, 'etag', { value: etag, enumerable: false });
  return data;
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options) => request('POST', path, { ...options, body });
export const put = (path, body, options) => request('PUT', path, { ...options, body });
export const patch = (path, body, options) => request('PATCH', path, { ...options, body });
export const del = (path, options) => request('DELETE', path, options);

/** `/api/v1/x?a=1&b=2`, leaving out empty values. */
export function url(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Every page of a list endpoint, up to `max` items. */
export async function all(path, query = {}, max = 1000) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(url(path, { ...query, limit: 100, cursor }));
    items.push(...page.data);
    cursor = page.page && page.page.next_cursor;
  } while (cursor && items.length < max);
  return items;
}
