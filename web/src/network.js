// Network page: the actors (countries, or actor codes without a country) as
// nodes and their dyads as directed links, laid out by d3-force. Link width
// is the number of events, colour the mean Goldstein weight.
import { api } from './api.js';
import { go, routeHash } from './route.js';
import { COUNTRIES } from './meta.js';
import {
  h, filterForm, formatNumber, formatSigned, panel, emptyBox, countryName, withTooltip, pageHead,
  chartSvg,
} from './ui.js';

const FIELDS = [
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
  { name: 'limit', label: 'Dyads', options: [['25', 'Top 25'], ['50', 'Top 50'], ['100', 'Top 100'], ['250', 'Top 250']], default: '50' },
];

const meanColor = d3.scaleLinear([-10, -2, 0, 2, 10], ['#b2182b', '#e0795f', '#97a0ae', '#5fae8a', '#17805f']).clamp(true);

export async function render(root, route) {
  const params = { limit: '50', ...route.params };
  root.append(pageHead('Actor network', 'Who acts on whom. Arrows run from source to target; width is the number of events, colour the mean Goldstein weight (red conflict, green cooperation). Drag nodes to untangle; click a link for its time series.'));
  root.append(filterForm(FIELDS, params, (values) => go('network', values), { submitLabel: 'Show' }));

  const { dyads } = await api.dyads({ from: params.from, to: params.to, limit: params.limit });
  const layout = h('div', { class: 'split' });
  const graphPanel = panel(null);
  layout.append(graphPanel, h('aside', { class: 'side' }, dyadTable(dyads, params)));
  root.append(layout);
  if (dyads.length === 0) {
    graphPanel.append(emptyBox('No dyads in this range.'));
    return;
  }
  graphPanel.append(drawNetwork(dyads, params));
  graphPanel.append(h('div', { class: 'map-foot' }, meanRamp(),
    h('span', { class: 'muted' }, `${dyads.length} dyads`)));
}

function drawNetwork(dyads, params) {
  const width = 960;
  const height = 560;
  const nodes = new Map();
  const node = (id) => {
    if (!nodes.has(id)) nodes.set(id, { id, events: 0, goldstein: 0 });
    return nodes.get(id);
  };
  const links = dyads.map((d) => {
    const s = node(d.source);
    const t = node(d.target);
    s.events += d.events;
    if (t !== s) t.events += d.events;
    const pair = d.source !== d.target && dyads.some((o) => o.source === d.target && o.target === d.source);
    return { source: s, target: t, dyad: d, pair };
  });
  const nodeList = [...nodes.values()];
  const maxEvents = d3.max(nodeList, (n) => n.events) ?? 1;
  const radius = d3.scaleSqrt().domain([0, maxEvents]).range([6, 26]);
  const width4 = d3.scaleSqrt().domain([1, d3.max(dyads, (d) => d.events) ?? 1]).range([1.2, 9]);

  const sim = d3.forceSimulation(nodeList)
    .force('link', d3.forceLink(links.filter((l) => l.source !== l.target)).distance(nodes.size < 8 ? 200 : 140).strength(0.5))
    .force('charge', d3.forceManyBody().strength(-520))
    .force('collide', d3.forceCollide((n) => radius(n.events) + 16))
    .force('x', d3.forceX(width / 2).strength(0.03))
    .force('y', d3.forceY(height / 2).strength(0.12))
    .stop();
  // Settle the layout before drawing so the page (and its screenshot) is stable.
  for (let i = 0; i < 400; i++) sim.tick();
  fitInto(nodeList, width, height);

  const svg = chartSvg('network', width, height, 'Actor network of dyads');
  const defs = svg.append('defs');
  defs.append('marker').attr('id', 'arrow').attr('viewBox', '0 -5 10 10')
    .attr('refX', 9).attr('refY', 0).attr('markerWidth', 5).attr('markerHeight', 5)
    .attr('orient', 'auto').attr('markerUnits', 'userSpaceOnUse')
    .append('path').attr('d', 'M0,-5L10,0L0,5').attr('fill', '#5b6577');

  const linkSel = svg.append('g').attr('class', 'links')
    .selectAll('path').data(links).join('path')
    .attr('class', 'link')
    .attr('stroke', (l) => meanColor(l.dyad.goldstein / Math.max(1, l.dyad.events)))
    .attr('stroke-width', (l) => width4(l.dyad.events))
    .attr('marker-end', 'url(#arrow)')
    .call(withTooltip, (l) => dyadTip(l.dyad))
    .on('click', (e, l) => go('timeseries', { source: l.dyad.source, target: l.dyad.target, from: params.from, to: params.to }));

  const nodeSel = svg.append('g').attr('class', 'nodes')
    .selectAll('g').data(nodeList).join('g')
    .attr('class', 'node')
    .call(d3.drag()
      .on('start', (e, n) => { if (!e.active) sim.alphaTarget(0.2).restart(); n.fx = n.x; n.fy = n.y; })
      .on('drag', (e, n) => { n.fx = e.x; n.fy = e.y; })
      .on('end', (e, n) => { if (!e.active) sim.alphaTarget(0); n.fx = null; n.fy = null; }));
  nodeSel.append('circle')
    .attr('r', (n) => radius(n.events))
    .attr('class', (n) => (COUNTRIES[n.id] ? 'country-node' : 'actor-node'));
  // A short code fits inside its circle; a long one (IGOUNOHRC) goes below.
  const inside = (n) => n.id.length <= 3 && radius(n.events) >= 11;
  nodeSel.filter(inside).append('text').attr('class', 'node-code').attr('dy', '0.35em').text((n) => n.id);
  nodeSel.append('text').attr('class', 'node-name')
    .attr('dy', (n) => radius(n.events) + 13)
    .text((n) => (COUNTRIES[n.id] ? countryName(n.id) : inside(n) ? '' : n.id));
  nodeSel.call(withTooltip, (n) => h('div', {}, h('b', {}, n.id), COUNTRIES[n.id] ? ` ${countryName(n.id)}` : '', h('br'), `${formatNumber(n.events)} events in these dyads`))
    .on('dblclick', (e, n) => go('events', COUNTRIES[n.id] ? { country: n.id } : { actor: n.id }));

  function place() {
    linkSel.attr('d', (l) => linkPath(l, radius));
    nodeSel.attr('transform', (n) => `translate(${n.x},${n.y})`);
  }
  sim.on('tick', place);
  place();
  return svg.node();
}

// Scales and centres the settled layout to fill the drawing, leaving room
// for labels, without enlarging a small graph more than 1.6 times.
function fitInto(nodes, width, height) {
  const mx = 70;
  const my = 50;
  const [x0, x1] = d3.extent(nodes, (n) => n.x);
  const [y0, y1] = d3.extent(nodes, (n) => n.y);
  // Each axis fills its room, but neither stretches more than 1.4 times the other.
  let kx = Math.min(1.6, (width - 2 * mx) / Math.max(1, x1 - x0));
  let ky = Math.min(1.6, (height - 2 * my) / Math.max(1, y1 - y0));
  kx = Math.min(kx, ky * 1.4);
  ky = Math.min(ky, kx * 1.4);
  for (const n of nodes) {
    n.x = width / 2 + (n.x - (x0 + x1) / 2) * kx;
    n.y = height / 2 + (n.y - (y0 + y1) / 2) * ky;
  }
}

// A straight link, or a gentle arc when the reverse dyad exists too, ending at
// the target's rim so the arrowhead shows.
function linkPath(l, radius) {
  if (l.source === l.target) return loopPath(l.source, radius(l.source.events));
  const { x: x1, y: y1 } = l.source;
  const { x: x2, y: y2 } = l.target;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const dist = Math.hypot(dx, dy) || 1;
  const rt = radius(l.target.events) + 3;
  const rs = radius(l.source.events);
  if (!l.pair) {
    return `M${x1 + (dx * rs) / dist},${y1 + (dy * rs) / dist}L${x2 - (dx * rt) / dist},${y2 - (dy * rt) / dist}`;
  }
  const bend = 0.18;
  const cx = (x1 + x2) / 2 - dy * bend;
  const cy = (y1 + y2) / 2 + dx * bend;
  const ex = x2 - cx;
  const ey = y2 - cy;
  const ed = Math.hypot(ex, ey) || 1;
  return `M${x1},${y1}Q${cx},${cy} ${x2 - (ex * rt) / ed},${y2 - (ey * rt) / ed}`;
}

// A dyad within one country (an army and a rebel group of the same state):
// a loop above the node.
function loopPath(n, r) {
  const a0 = (-120 * Math.PI) / 180;
  const a1 = (-60 * Math.PI) / 180;
  const x0 = n.x + r * Math.cos(a0);
  const y0 = n.y + r * Math.sin(a0);
  const x1 = n.x + (r + 3) * Math.cos(a1);
  const y1 = n.y + (r + 3) * Math.sin(a1);
  const lift = 34 + r;
  return `M${x0},${y0}C${n.x - lift},${n.y - lift * 1.6} ${n.x + lift},${n.y - lift * 1.6} ${x1},${y1}`;
}

function dyadTip(d) {
  return h('div', {}, h('b', {}, `${d.source} → ${d.target}`), h('br'),
    `${formatNumber(d.events)} events · Goldstein ${formatSigned(d.goldstein)}`, h('br'),
    `QuadClass 1–4: ${d.quad.join(' / ')}`);
}

function meanRamp() {
  const stops = d3.range(0, 1.0001, 0.1).map((t) => `${meanColor(-10 + 20 * t)} ${Math.round(t * 100)}%`);
  return h('span', { class: 'ramp' }, h('span', {}, '−10'),
    h('i', { style: `background:linear-gradient(90deg, ${stops.join(', ')})` }), h('span', {}, '+10'),
    h('span', { class: 'muted' }, ' mean Goldstein'));
}

function dyadTable(dyads, params) {
  const rows = dyads.slice(0, 20).map((d) => h('tr', {},
    h('td', {}, h('a', { href: routeHash('timeseries', { source: d.source, target: d.target, from: params.from, to: params.to }) },
      `${d.source} → ${d.target}`)),
    h('td', { class: 'num' }, formatNumber(d.events)),
    h('td', { class: `num ${d.goldstein < 0 ? 'neg' : 'pos'}` }, formatSigned(d.goldstein))));
  return panel('Top dyads', rows.length
    ? h('table', { class: 'data-table', id: 'dyad-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Source → target'), h('th', { class: 'num' }, 'Events'), h('th', { class: 'num' }, 'Goldstein'))),
      h('tbody', {}, rows))
    : h('p', { class: 'muted' }, 'None.'));
}
