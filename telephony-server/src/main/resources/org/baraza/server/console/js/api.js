// The REST API with the session cookie (same origin) and the CSRF token that GET /api/me gives.

let csrfToken = null;

/** Thrown for any answer but 2xx; status 401 means signed out. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (json && json.error) || response.statusText);
  return json;
}

export const get = path => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
export const del = path => call('DELETE', path);

/** Who is signed in, or null. */
export async function me() {
  try {
    const who = await get('/api/me');
    csrfToken = who.csrfToken;
    return who;
  } catch (error) {
    if (error.status === 401) return null;
    throw error;
  }
}

export async function signIn(email, password) {
  const session = await post('/api/session', { email, password });
  csrfToken = session.csrfToken;
  return session;
}

export async function signOut() {
  await del('/api/session');
  csrfToken = null;
}
