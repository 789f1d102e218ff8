// Map page: an offline world map (d3-geo, world-atlas countries-110m) with
// countries shaded by event count or Goldstein sum and the events that have a
// place drawn at their coordinates. No tiles, no network beyond this server.
import { api } from './api.js';
import { go, routeHash } from './route.js';
import { COUNTRIES } from './meta.js';
import {
  h, filterForm, quadOptions, rootOptions, QUADS, quadColor, formatNumber, formatSigned, panel,
  legend, countryName, withTooltip, pageHead,
  chartSvg,
} from './ui.js';

const FIELDS = [
  { name: 'shade', label: 'Shade by', options: [['events', 'Event count'], ['goldstein', 'Goldstein sum']], default: 'events' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
  { name: 'quad', label: 'Points: QuadClass', options: quadOptions() },
  { name: 'root', label: 'Points: CAMEO root', options: rootOptions() },
];

let worldPromise = null;
function loadWorld() {
  worldPromise ??= fetch('/assets/countries-110m.json').then((r) => {
    if (!r.ok) throw new Error(`/assets/countries-110m.json: ${r.status}`);
    return r.json();
  });
  return worldPromise;
}

export async function render(root, route) {
  const params = { shade: 'events', ...route.params };
  root.append(pageHead('Map', 'Countries shaded by the events they take part in; dots are events at the place the text names. Scroll to zoom, drag to pan; click a country or a dot for its events.'));
  root.append(filterForm(FIELDS, params, (values) => go('map', values), { submitLabel: 'Show' }));

  const range = { from: params.from, to: params.to };
  const [world, countryData, eventData] = await Promise.all([
    loadWorld(),
    api.countries(range),
    api.events({ ...range, quad: params.quad, root: params.root, limit: 1000 }),
  ]);

  const byCountry = new Map(countryData.countries.map((c) => [c.country, c]));
  const byNumeric = new Map();
  for (const c of countryData.countries) {
    const numeric = COUNTRIES[c.country]?.numeric;
    if (numeric) byNumeric.set(numeric, c);
  }
  const places = placesOf(eventData.events);

  const layout = h('div', { class: 'split' });
  const mapPanel = panel(null);
  const side = h('aside', { class: 'side' });
  layout.append(mapPanel, side);
  root.append(layout);

  const shadeBy = params.shade === 'goldstein' ? 'goldstein' : 'events';
  const color = shadeScale(countryData.countries, shadeBy);
  mapPanel.append(drawMap(world, byNumeric, places, color, shadeBy, range));
  mapPanel.append(h('div', { class: 'map-foot' },
    colorRamp(color, shadeBy),
    legend(QUADS.map((q) => ({ color: q.color, label: q.name, shape: 'dot' }))),
    h('span', { class: 'muted', id: 'map-count' },
      `${formatNumber(places.reduce((n, p) => n + p.events.length, 0))} of ${formatNumber(eventData.total)} events have a place`)));

  side.append(countryTable(countryData.countries, byCountry, shadeBy, range));
}

function placesOf(events) {
  const places = new Map();
  for (const ev of events) {
    const loc = ev.location;
    if (!loc || typeof loc.lat !== 'number' || typeof loc.lon !== 'number') continue;
    const key = `${loc.lat.toFixed(3)},${loc.lon.toFixed(3)}`;
    if (!places.has(key)) places.set(key, { name: loc.name, country: loc.country, lat: loc.lat, lon: loc.lon, events: [] });
    places.get(key).events.push(ev);
  }
  return [...places.values()].sort((a, b) => b.events.length - a.events.length);
}

function shadeScale(countries, shadeBy) {
  if (shadeBy === 'goldstein') {
    const m = Math.max(1, d3.max(countries, (c) => Math.abs(c.goldstein)) ?? 1);
    return d3.scaleDiverging([-m, 0, m], d3.interpolateRdYlGn);
  }
  const max = Math.max(1, d3.max(countries, (c) => c.events) ?? 1);
  return d3.scaleSequentialLog([1, max + 1], (t) => d3.interpolateBlues(0.15 + 0.8 * t));
}

function shadeOf(color, shadeBy, c) {
  if (!c) return null;
  return shadeBy === 'goldstein' ? color(c.goldstein) : color(c.events + 1);
}

function drawMap(world, byNumeric, places, color, shadeBy, range) {
  const width = 960;
  const height = 500;
  const countries = topojson.feature(world, world.objects.countries);
  const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
  const projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], { type: 'Sphere' });
  const path = d3.geoPath(projection);

  const svg = chartSvg('world-map', width, height, 'World map of events');
  const g = svg.append('g');
  g.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  g.append('path').attr('class', 'graticule').attr('d', path(d3.geoGraticule10()));
  g.append('g').attr('class', 'countries')
    .selectAll('path').data(countries.features).join('path')
    .attr('class', (f) => (byNumeric.has(f.id) ? 'country has-data' : 'country'))
    .attr('d', path)
    .style('fill', (f) => shadeOf(color, shadeBy, byNumeric.get(f.id)))
    .call(withTooltip, (f) => {
      const c = byNumeric.get(f.id);
      return h('div', {}, h('b', {}, f.properties.name), h('br'),
        c ? `${formatNumber(c.events)} events · Goldstein ${formatSigned(c.goldstein)}` : 'no events');
    })
    .on('click', (e, f) => {
      const c = byNumeric.get(f.id);
      if (c) go('events', { country: c.country, ...range });
    });
  g.append('path').attr('class', 'borders').attr('d', path(borders));

  const radius = d3.scaleSqrt().domain([1, d3.max(places, (p) => p.events.length) ?? 1]).range([3.5, 14]);
  const points = g.append('g').attr('class', 'points')
    .selectAll('circle').data(places).join('circle')
    .attr('class', 'event-point')
    .attr('cx', (p) => projection([p.lon, p.lat])[0])
    .attr('cy', (p) => projection([p.lon, p.lat])[1])
    .attr('r', (p) => radius(p.events.length))
    .attr('fill', (p) => quadColor(dominantQuad(p.events)))
    .call(withTooltip, (p) => placeTip(p))
    .on('click', (e, p) => go('events', { bbox: placeBox(p), ...range }));

  // Zoom: start framed on the countries and places that have events.
  const zoom = d3.zoom().scaleExtent([1, 24])
    .translateExtent([[0, 0], [width, height]])
    .on('zoom', (e) => {
      g.attr('transform', e.transform);
      g.selectAll('.borders, .country').attr('stroke-width', 0.6 / e.transform.k);
      points.attr('r', (p) => radius(p.events.length) / Math.sqrt(e.transform.k))
        .attr('stroke-width', 1 / e.transform.k);
    });
  svg.call(zoom);
  const focus = {
    type: 'FeatureCollection',
    features: [
      ...countries.features.filter((f) => byNumeric.has(f.id)),
      ...places.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })),
    ],
  };
  if (focus.features.length) {
    const [[x0, y0], [x1, y1]] = path.bounds(focus);
    const k = Math.min(8, 0.85 / Math.max((x1 - x0) / width, (y1 - y0) / height));
    if (k > 1.2) {
      const t = d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
      svg.call(zoom.transform, t);
    }
  }
  return svg.node();
}

// A box of about a kilometre around a place: its events, and no others'.
export function placeBox(p) {
  const d = 0.005;
  return [p.lon - d, p.lat - d, p.lon + d, p.lat + d].map((x) => x.toFixed(4)).join(',');
}

function dominantQuad(events) {
  const counts = [0, 0, 0, 0, 0];
  for (const ev of events) counts[ev.quad_class ?? 0] += 1;
  let best = 1;
  for (let q = 2; q <= 4; q++) if (counts[q] > counts[best]) best = q;
  return best;
}

function placeTip(p) {
  const byQuad = [1, 2, 3, 4].map((q) => p.events.filter((ev) => ev.quad_class === q).length);
  return h('div', {},
    h('b', {}, p.name || `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`),
    p.country ? ` (${countryName(p.country)})` : '', h('br'),
    `${p.events.length} event${p.events.length === 1 ? '' : 's'}`,
    QUADS.filter((q, i) => byQuad[i]).map((q) => h('div', {}, h('i', { class: 'swatch', style: `background:${q.color}` }), ` ${q.name}: ${byQuad[q.id - 1]}`)),
    h('div', { class: 'muted' }, p.events.slice(0, 3).map((ev) => `${ev.source?.code} ${ev.event?.code} ${ev.target?.code}`).join(' · ')));
}

function colorRamp(color, shadeBy) {
  const [lo, hi] = shadeBy === 'goldstein' ? [color.domain()[0], color.domain()[2]] : [color.domain()[0] - 1, color.domain()[1] - 1];
  const stops = d3.range(0, 1.0001, 0.1).map((t) => {
    const v = shadeBy === 'goldstein' ? lo + t * (hi - lo) : Math.exp(Math.log(lo + 1) + t * (Math.log(hi + 1) - Math.log(lo + 1)));
    return `${color(v)} ${Math.round(t * 100)}%`;
  });
  return h('span', { class: 'ramp' },
    h('span', {}, shadeBy === 'goldstein' ? formatSigned(lo, 0) : formatNumber(lo || 1)),
    h('i', { style: `background:linear-gradient(90deg, ${stops.join(', ')})` }),
    h('span', {}, shadeBy === 'goldstein' ? formatSigned(hi, 0) : formatNumber(hi)),
    h('span', { class: 'muted' }, shadeBy === 'goldstein' ? ' Goldstein sum' : ' events'));
}

function countryTable(countries, byCountry, shadeBy, range) {
  const sorted = [...countries].sort((a, b) => b.events - a.events).slice(0, 15);
  const max = d3.max(sorted, (c) => c.events) ?? 1;
  const table = h('table', { class: 'data-table', id: 'country-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Country'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num' }, 'Goldstein'))),
    h('tbody', {}, sorted.map((c) => h('tr', {},
      h('td', {}, h('a', { href: routeHash('events', { country: c.country, ...range }) }, countryName(c.country)),
        h('span', { class: 'muted' }, ` ${c.country}`),
        h('div', { class: 'bar-cell', style: `width:${(100 * c.events) / max}%` })),
      h('td', { class: 'num' }, formatNumber(c.events)),
      h('td', { class: `num ${c.goldstein < 0 ? 'neg' : 'pos'}` }, formatSigned(c.goldstein))))));
  return panel(`Countries (${formatNumber(byCountry.size)})`, sorted.length ? table : h('p', { class: 'muted' }, 'No events.'));
}
