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

/**
 * A multipart form posted with its upload's progress (fetch cannot report it): onProgress gets the fraction sent,
 * 0 to 1. Resolves to the JSON answer; rejects with an ApiError like the other calls.
 */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.addEventListener('progress', event => { if (event.lengthComputable) onProgress(event.loaded / event.total); });
    request.upload.addEventListener('load', () => onProgress(1));
    request.addEventListener('load', () => {
      let json = null;
      try {
        json = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        // not JSON: the server refused the body before the API saw it (too large)
      }
      if (request.status >= 200 && request.status < 300) return resolve(json);
      const fallback = request.status === 413 ? 'the file is larger than this server takes' : request.statusText;
      reject(new ApiError(request.status, (json && json.error) || fallback));
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'the upload did not reach the server')));
    request.send(form);
  });
}
