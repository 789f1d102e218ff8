// Time-series page: events per period for a dyad, a country or an actor,
// stacked by QuadClass, with the period's Goldstein sum as a line.
import { api } from './api.js';
import { go } from './route.js';
import {
  h, filterForm, QUADS, quadColor, formatNumber, formatSigned, legend, panel, emptyBox,
  countryName, withTooltip, pageHead,
  chartSvg,
} from './ui.js';

const FIELDS = [
  { name: 'source', label: 'Source', placeholder: 'e.g. SDN', size: 8 },
  { name: 'target', label: 'Target', placeholder: 'e.g. SDNREB', size: 8 },
  { name: 'country', label: 'or Country', placeholder: 'e.g. SDN', size: 6 },
  { name: 'actor', label: 'or Actor', placeholder: 'e.g. USA', size: 8 },
  { name: 'interval', label: 'Interval', options: [['day', 'Day'], ['week', 'Week'], ['month', 'Month']], default: 'week' },
  { name: 'from', label: 'From', type: 'date' },
  { name: 'to', label: 'To', type: 'date' },
];

export async function render(root, route) {
  const params = { ...route.params };
  params.interval ??= 'week';
  if (!params.source && !params.target && !params.country && !params.actor) {
    // Nothing chosen yet: start with the busiest dyad in the store.
    const { dyads } = await api.dyads({ limit: 1, from: params.from, to: params.to });
    if (dyads.length) Object.assign(params, { source: dyads[0].source, target: dyads[0].target });
  }

  root.append(pageHead('Time series', 'Events per period for a dyad (source → target), a country or an actor, by QuadClass, with the Goldstein sum.'));
  root.append(filterForm(FIELDS, params, (values) => go('timeseries', values), { submitLabel: 'Plot' }));

  const query = { interval: params.interval, from: params.from, to: params.to };
  let subject;
  if (params.source || params.target) {
    Object.assign(query, { source: params.source, target: params.target });
    subject = `${params.source || 'any'} → ${params.target || 'any'}`;
  } else if (params.country) {
    query.country = params.country;
    subject = `${countryName(params.country)} (${params.country})`;
  } else if (params.actor) {
    query.actor = params.actor;
    subject = params.actor;
  } else {
    root.append(emptyBox('The store holds no events yet.'));
    return;
  }

  const data = await api.timeseries(query);
  const series = fillPeriods(data.series, data.interval ?? params.interval);
  const totals = summarize(data.series);

  root.append(h('div', { class: 'stats' },
    stat('Subject', subject),
    stat('Events', formatNumber(totals.events)),
    ...QUADS.map((q) => stat(q.name, formatNumber(totals.quad[q.id - 1]), q.color)),
    stat('Goldstein sum', formatSigned(totals.goldstein))));

  const chartPanel = panel(`Events per ${data.interval ?? params.interval}`,
    legend([...QUADS.map((q) => ({ color: q.color, label: q.name })),
      { color: '#1d2433', label: 'Goldstein sum (right axis)', shape: 'line' }]));
  root.append(chartPanel);
  if (series.length === 0) {
    chartPanel.append(emptyBox('No events for this selection.'));
    return;
  }
  chartPanel.append(drawChart(series, data.interval ?? params.interval));
}

function stat(label, value, color) {
  return h('div', { class: 'stat', style: color ? `--accent:${color}` : undefined },
    h('span', { class: 'stat-label' }, label), h('span', { class: 'stat-value' }, value));
}

function summarize(series) {
  const totals = { events: 0, quad: [0, 0, 0, 0], goldstein: 0 };
  for (const p of series) {
    totals.events += p.events;
    p.quad.forEach((n, i) => { totals.quad[i] += n; });
    totals.goldstein += p.goldstein;
  }
  return totals;
}

// Inserts empty periods between the server's (which lists only periods with
// events) so the x axis is time, not a list. Unknown period formats are left.
export function fillPeriods(series, interval) {
  if (series.length < 2) return series;
  const byPeriod = new Map(series.map((p) => [p.period, p]));
  const first = series[0].period;
  const last = series[series.length - 1].period;
  const step = {
    day: (d) => d3.utcDay.offset(d, 1),
    week: (d) => d3.utcDay.offset(d, 7),
    month: (d) => d3.utcMonth.offset(d, 1),
  }[interval];
  const parse = /^\d{4}-\d{2}-\d{2}$/.test(first) ? d3.utcParse('%Y-%m-%d')
    : /^\d{4}-\d{2}$/.test(first) ? d3.utcParse('%Y-%m') : null;
  const format = parse && (first.length === 10 ? d3.utcFormat('%Y-%m-%d') : d3.utcFormat('%Y-%m'));
  if (!step || !parse) return series;
  const out = [];
  let guard = 0;
  for (let d = parse(first); d && format(d) <= last && guard < 5000; d = step(d), guard++) {
    const key = format(d);
    out.push(byPeriod.get(key) ?? { period: key, events: 0, quad: [0, 0, 0, 0], goldstein: 0 });
  }
  // A period the stepping did not reach (e.g. weeks not on the same weekday) means the format is not what we assumed.
  return series.every((p) => out.some((o) => o === p)) ? out : series;
}

function drawChart(series, interval) {
  const width = 1040;
  const height = 380;
  const margin = { top: 16, right: 64, bottom: 56, left: 52 };
  const svg = chartSvg('timeseries-chart', width, height, 'Events per period by QuadClass');

  const x = d3.scaleBand().domain(series.map((p) => p.period))
    .range([margin.left, width - margin.right]).padding(0.18);
  const maxCount = d3.max(series, (p) => p.events) || 1;
  const y = d3.scaleLinear().domain([0, maxCount]).nice().range([height - margin.bottom, margin.top]);
  const gExtent = d3.extent(series, (p) => p.goldstein);
  const gMax = Math.max(1, Math.abs(gExtent[0] ?? 0), Math.abs(gExtent[1] ?? 0));
  const yg = d3.scaleLinear().domain([-gMax, gMax]).nice().range([height - margin.bottom, margin.top]);

  // Grid and axes.
  svg.append('g').attr('class', 'grid')
    .attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).tickValues(y.ticks(6).filter(Number.isInteger)).tickSize(-(width - margin.left - margin.right)).tickFormat(''));
  const every = Math.ceil(series.length / 14);
  svg.append('g').attr('class', 'axis x-axis')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)).tickFormat(periodLabel(interval)))
    .selectAll('text').attr('transform', 'rotate(-35)').style('text-anchor', 'end');
  svg.append('g').attr('class', 'axis y-axis')
    .attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).tickValues(y.ticks(6).filter(Number.isInteger)).tickFormat(d3.format('d')));
  svg.append('g').attr('class', 'axis y-axis goldstein-axis')
    .attr('transform', `translate(${width - margin.right},0)`)
    .call(d3.axisRight(yg).ticks(6));
  svg.append('text').attr('class', 'axis-title').attr('x', margin.left).attr('y', margin.top - 4).text('events');
  svg.append('text').attr('class', 'axis-title').attr('x', width - margin.right).attr('y', margin.top - 4)
    .attr('text-anchor', 'end').text('Goldstein');

  // Stacked bars.
  const stack = d3.stack().keys([0, 1, 2, 3]).value((p, k) => p.quad[k] ?? 0);
  svg.append('g').attr('class', 'bars')
    .selectAll('g').data(stack(series)).join('g')
    .attr('fill', (layer) => quadColor(layer.key + 1))
    .selectAll('rect').data((layer) => layer.map((seg) => ({ seg, period: seg.data }))).join('rect')
    .attr('class', 'bar')
    .attr('x', (d) => x(d.period.period))
    .attr('width', x.bandwidth())
    .attr('y', (d) => y(d.seg[1]))
    .attr('height', (d) => Math.max(0, y(d.seg[0]) - y(d.seg[1])))
    .call(withTooltip, (d) => periodTip(d.period));

  // Goldstein line with a zero rule.
  svg.append('line').attr('class', 'zero-rule')
    .attr('x1', margin.left).attr('x2', width - margin.right)
    .attr('y1', yg(0)).attr('y2', yg(0));
  const line = d3.line().x((p) => x(p.period) + x.bandwidth() / 2).y((p) => yg(p.goldstein));
  svg.append('path').attr('class', 'goldstein-line').attr('d', line(series));
  svg.append('g').attr('class', 'goldstein-points')
    .selectAll('circle').data(series.filter((p) => p.events > 0)).join('circle')
    .attr('cx', (p) => x(p.period) + x.bandwidth() / 2)
    .attr('cy', (p) => yg(p.goldstein))
    .attr('r', 3.5)
    .call(withTooltip, (p) => periodTip(p));
  return svg.node();
}

// Months read as "Jan 2025"; days and weeks (their Monday) as the date.
function periodLabel(interval) {
  const parse = d3.utcParse('%Y-%m-%d');
  const month = d3.utcFormat('%b %Y');
  return (period) => (interval === 'month' && parse(period) ? month(parse(period)) : period);
}

function periodTip(p) {
  return h('div', {},
    h('b', {}, p.period), h('br'),
    `${formatNumber(p.events)} events · Goldstein ${formatSigned(p.goldstein)}`, h('br'),
    QUADS.map((q, i) => h('div', {}, h('i', { class: 'swatch', style: `background:${q.color}` }), ` ${q.name}: ${p.quad[i] ?? 0}`)));
}
