// Events page: search and filter stored events; each result shows its
// evidence sentence with the actor and verb words marked.
import { api } from './api.js';
import { go, routeHash } from './route.js';
import {
  h, filterForm, rootOptions, ploverOptions, quadOptions, quadBadge, quadColor, eventEvidence,
  formatNumber, formatSigned, countryName, emptyBox, legend, pageHead,
} from './ui.js';

const PAGE_SIZE = 25;

export const FIELDS = [
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
  { name: 'actor', label: 'Actor', placeholder: 'e.g. SDNMIL', size: 10 },
  { name: 'country', label: 'Country', placeholder: 'e.g. SDN', size: 6 },
  { name: 'root', label: 'CAMEO root', options: rootOptions() },
  { name: 'quad', label: 'QuadClass', options: quadOptions() },
  { name: 'plover', label: 'PLOVER', options: ploverOptions() },
  { name: 'q', label: 'Text', placeholder: 'words in the sentence', wide: true },
];

const FILTER_KEYS = [...FIELDS.map((f) => f.name), 'source', 'target', 'code', 'bbox'];

export async function render(root, route) {
  const params = route.params;
  const filters = Object.fromEntries(FILTER_KEYS.filter((k) => params[k]).map((k) => [k, params[k]]));
  const offset = Math.max(0, Number.parseInt(params.offset ?? '0', 10) || 0);

  root.append(pageHead('Events', 'Coded events with the sentence each came from. Filter by date, actor, country, CAMEO root, QuadClass, PLOVER type or words.'));
  root.append(filterForm(FIELDS, filters, (values) => go('events', values)));

  const data = await api.events({ ...filters, limit: PAGE_SIZE, offset });
  const results = h('div', { class: 'results', id: 'results' });
  root.append(results);

  results.append(h('div', { class: 'result-bar' },
    h('span', { class: 'count', id: 'result-count', 'data-total': data.total },
      data.total === 0 ? 'No events match.' :
        `${formatNumber(offset + 1)}–${formatNumber(offset + data.events.length)} of ${formatNumber(data.total)} events`),
    legend([1, 2, 3, 4].map((q) => ({ color: quadColor(q), label: quadBadge(q).textContent }))),
    h('span', { class: 'marks-key' },
      h('mark', { class: 'src' }, 'source'), ' ', h('mark', { class: 'verb' }, 'verb'), ' ', h('mark', { class: 'tgt' }, 'target'))));

  if (data.events.length === 0) {
    results.append(emptyBox('Try a wider date range or fewer filters.'));
    return;
  }
  const list = h('ol', { class: 'event-list' });
  for (const ev of data.events) list.append(eventCard(ev));
  results.append(list);
  results.append(pager(filters, offset, data.total));
}

function eventCard(ev) {
  const date = ev.event_date ?? ev.date ?? '';
  const place = placeName(ev.location);
  return h('li', { class: 'event-card', style: `--quad:${quadColor(ev.quad_class)}` },
    h('div', { class: 'event-meta' },
      h('time', { datetime: date }, date || 'undated'),
      h('span', { class: 'dyad' },
        actorLink(ev.source), h('span', { class: 'arrow' }, '→'), actorLink(ev.target)),
      h('span', { class: 'code', title: `CAMEO ${ev.event?.code}` },
        h('b', {}, ev.event?.code ?? ''), ' ', ev.label ?? ''),
      quadBadge(ev.quad_class),
      h('span', { class: `goldstein ${ev.goldstein < 0 ? 'neg' : 'pos'}`, title: 'Goldstein' }, formatSigned(ev.goldstein)),
      ev.plover?.type ? h('span', { class: 'plover', title: 'PLOVER type' }, ev.plover.type) : null,
      place ? h('span', { class: 'place' }, place) : null),
    eventEvidence(ev),
    h('div', { class: 'event-foot' },
      h('span', { class: 'doc' }, ev.doc_id, ev.sentence >= 0 ? ` · sentence ${ev.sentence + 1}` : ' · headline'),
      ev.date_text ? h('span', { class: 'muted' }, `date from “${ev.date_text}”`) : null));
}

// "El Fasher, Sudan"; just "Sudan" when the place is the country itself.
function placeName(loc) {
  if (!loc?.name) return '';
  const country = loc.country ? countryName(loc.country) : '';
  return country && country !== loc.name ? `${loc.name}, ${country}` : loc.name;
}

function actorLink(span) {
  if (!span?.code || span.code === '---') return h('span', { class: 'actor none' }, '—');
  return h('a', {
    class: 'actor', href: routeHash('events', { actor: span.code }),
    title: span.text ? `“${span.text}”` : span.code,
  }, span.code);
}

function pager(filters, offset, total) {
  const nav = h('nav', { class: 'pager' });
  const prev = Math.max(0, offset - PAGE_SIZE);
  const next = offset + PAGE_SIZE;
  nav.append(offset > 0
    ? h('a', { class: 'button ghost', href: routeHash('events', { ...filters, offset: prev || undefined }) }, '← Previous')
    : h('span'));
  nav.append(h('span', { class: 'muted' }, `page ${Math.floor(offset / PAGE_SIZE) + 1} of ${Math.max(1, Math.ceil(total / PAGE_SIZE))}`));
  nav.append(next < total
    ? h('a', { class: 'button ghost', href: routeHash('events', { ...filters, offset: next }) }, 'Next →')
    : h('span'));
  return nav;
}
