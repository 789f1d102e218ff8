// Calls to Parley's HTTP API (docs/openapi.yaml). Every call returns parsed
// JSON or throws an Error whose message is the server's {"error": ...}.

function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function getJson(path, params = {}) {
  const url = `/api/${path}${queryString(params)}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new Error(`cannot reach the server (${url}): ${err.message}`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // A body that is not JSON falls through to the status check.
  }
  if (!response.ok) {
    const reason = body && body.error ? body.error : response.statusText;
    throw new Error(`${url}: ${response.status} ${reason}`);
  }
  if (body === null) throw new Error(`${url}: the response is not JSON`);
  return body;
}

export const api = {
  health: () => getJson('health'),
  events: (params) => getJson('events', params),
  timeseries: (params) => getJson('timeseries', params),
  dyads: (params) => getJson('dyads', params),
  countries: (params) => getJson('countries', params),
  negotiations: () => getJson('negotiations'),
  negotiation: (id) => getJson(`negotiations/${encodeURIComponent(id)}`),
};
