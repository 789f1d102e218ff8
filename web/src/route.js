// Routes are URL hashes: #/<page>[/<id>][?filters], so every view can be linked.

export const PAGES = ['events', 'timeseries', 'map', 'network', 'negotiations'];

export function parseRoute(hash) {
  const text = hash.replace(/^#\/?/, '');
  const [path, query = ''] = text.split('?');
  const [page, ...rest] = path.split('/');
  return {
    page: PAGES.includes(page) ? page : 'events',
    id: rest.length ? decodeURIComponent(rest.join('/')) : null,
    params: Object.fromEntries(new URLSearchParams(query)),
  };
}

export function routeHash(page, params = {}, id = null) {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  const query = new URLSearchParams(clean).toString();
  return `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${query ? `?${query}` : ''}`;
}

export function go(page, params = {}, id = null) {
  location.hash = routeHash(page, params, id);
}
