// Negotiations page: the tracker's negotiations (GET /api/negotiations) and,
// for one (GET /api/negotiations/{id}, the JSON of docs/negotiations.md), its
// parties, mediators, current state, dated timeline with the evidence of every
// step, the terms the text states, and the conflict beside the talks.
import { api } from './api.js';
import { routeHash } from './route.js';
import {
  h, evidence, formatNumber, formatSigned, panel, emptyBox, quadBadge, quadColor, withTooltip, pageHead,
  chartSvg, legend,
} from './ui.js';
import { CAMEO_LABELS } from './meta.js';

export async function render(root, route) {
  if (route.id) return renderOne(root, route.id);
  return renderList(root);
}

const STATES = {
  no_talks: { label: 'No talks', color: '#5b6577' },
  talks: { label: 'Talks', color: '#2b6cb0' },
  proposal_pending: { label: 'Proposal pending', color: '#7b61c9' },
  agreement_reached: { label: 'Agreement reached', color: '#1b9e77' },
  implementing: { label: 'Implementing', color: '#138a6f' },
  collapsed: { label: 'Collapsed', color: '#d1495b' },
};

const KINDS = {
  talks: { label: 'Talks', color: '#2b6cb0' },
  talks_announced: { label: 'Talks announced', color: '#6a8caf' },
  proposal: { label: 'Proposal', color: '#7b61c9' },
  response: { label: 'Response', color: '#7b61c9' },
  demand: { label: 'Demand', color: '#c98a00' },
  agreement: { label: 'Agreement', color: '#1b9e77' },
  implementation: { label: 'Implementation', color: '#138a6f' },
  violation: { label: 'Violation', color: '#d1495b' },
  collapse: { label: 'Collapse', color: '#b0303f' },
};

const OUTCOME_COLORS = {
  accepted: '#1b9e77', accepted_in_principle: '#5fae8a', rejected: '#d1495b', countered: '#c98a00',
};

function humanize(text) {
  return String(text ?? '').replace(/_/g, ' ');
}

function stateBadge(state) {
  const s = STATES[state] ?? { label: humanize(state || 'unknown'), color: '#5b6577' };
  return h('span', { class: 'badge state-badge', style: `--badge:${s.color}`, dataset: { state } }, s.label);
}

function stepColor(step) {
  return OUTCOME_COLORS[step.outcome] ?? KINDS[step.kind]?.color ?? '#5b6577';
}

function partyTitle(parties) {
  return parties.map((p) => p.name || p.code).join(' – ') || 'Unnamed negotiation';
}

function chips(parties, kind = 'party') {
  if (!parties.length) return h('span', { class: 'muted' }, 'none found');
  return h('span', { class: 'chips' }, parties.map((p) => h('span', { class: `chip ${kind}`, title: p.code },
    p.name && p.name !== p.code ? `${p.name} ` : '', h('span', { class: 'chip-code' }, p.code))));
}

async function renderList(root) {
  root.append(pageHead('Negotiations', 'Talks the tracker found in the stored events: parties with consultations, proposals, responses, agreements and their implementation between them, the mediators, and where things stand.'));
  const { negotiations } = await api.negotiations();
  if (negotiations.length === 0) {
    root.append(emptyBox('No negotiations found in the stored events yet.'));
    return;
  }
  const list = h('div', { class: 'negotiation-list', id: 'negotiation-list' });
  for (const n of negotiations) {
    list.append(h('a', { class: 'negotiation-card', href: routeHash('negotiations', {}, n.id), dataset: { id: n.id } },
      h('div', { class: 'nc-head' }, h('span', { class: 'nc-title' }, partyTitle(n.parties)), stateBadge(n.state)),
      h('div', { class: 'nc-row' }, h('span', { class: 'k' }, 'Parties'), chips(n.parties)),
      h('div', { class: 'nc-row' }, h('span', { class: 'k' }, 'Mediators'), chips(n.mediators, 'mediator')),
      h('div', { class: 'nc-foot' },
        h('span', {}, `${n.first_date ?? '?'} → ${n.last_date ?? '?'}`),
        h('span', {}, `${formatNumber(n.steps)} step${n.steps === 1 ? '' : 's'}`))));
  }
  root.append(list);
}

async function renderOne(root, id) {
  const n = await api.negotiation(id);
  const conflicts = n.escalation.flatMap((front) => front.events.map((ev) => ({ ...ev, front })));

  root.append(h('p', { class: 'crumbs' }, h('a', { href: '#/negotiations' }, '← All negotiations')));
  root.append(h('div', { class: 'negotiation-head' },
    h('div', {},
      h('h1', {}, partyTitle(n.parties)),
      h('div', { class: 'nh-dates' }, `${n.first_date ?? '?'} → ${n.last_date ?? '?'}`,
        ` · ${formatNumber(n.timeline.length)} steps · ${formatNumber(conflicts.length)} conflict events beside the talks`)),
    h('div', { class: 'nh-state' }, h('span', { class: 'k' }, 'Current state'), stateBadge(n.state))));
  root.append(h('div', { class: 'who' },
    h('div', {}, h('span', { class: 'k' }, 'Parties'), chips(n.parties)),
    h('div', {}, h('span', { class: 'k' }, 'Mediators'), chips(n.mediators, 'mediator'))));

  if (n.timeline.length || conflicts.length) {
    root.append(panel('Talks and fighting', overviewChart(n.timeline, conflicts),
      legend([
        ...Object.entries(KINDS).filter(([k]) => n.timeline.some((s) => s.kind === k)).map(([, v]) => ({ color: v.color, label: v.label, shape: 'dot' })),
        { color: quadColor(3), label: 'Verbal conflict / day' }, { color: quadColor(4), label: 'Material conflict / day' },
      ])));
  }

  const layout = h('div', { class: 'split wide-left' });
  layout.append(
    panel('Timeline', timelineList(n.timeline)),
    h('aside', { class: 'side' },
      panel('Terms', termsList(n.terms)),
      panel('Escalation beside the talks', frontsList(n.escalation))));
  root.append(layout);
}

function placeOf(docSentence) {
  const { doc_id: doc, sentence } = docSentence;
  if (!doc) return null;
  return h('span', { class: 'doc' }, doc, sentence >= 0 ? ` · sentence ${sentence + 1}` : ' · headline');
}

function timelineList(steps) {
  if (steps.length === 0) return emptyBox('No steps.');
  return h('ol', { class: 'timeline', id: 'timeline' }, steps.map((s) => {
    const e = s.evidence;
    return h('li', { class: `step${s.background ? ' background' : ''}`, style: `--step:${stepColor(s)}`, dataset: { kind: s.kind } },
      h('div', { class: 'step-date' }, h('time', {}, s.date ?? 'undated')),
      h('div', { class: 'step-body' },
        h('div', { class: 'step-head' },
          h('span', { class: 'step-kind' }, KINDS[s.kind]?.label ?? humanize(s.kind)),
          s.outcome ? h('span', { class: 'step-outcome', style: `--badge:${OUTCOME_COLORS[s.outcome] ?? '#138a6f'}` }, humanize(s.outcome)) : null,
          s.background ? h('span', { class: 'step-background', title: 'reported as earlier; does not move the state' }, 'background') : null,
          s.place ? h('span', { class: 'step-place' }, `in ${s.place}`) : null,
          s.actors.length ? h('span', { class: 'step-actors' }, s.actors.join(' → ')) : null),
        evidence(e.text, { verb: e.words }),
        h('div', { class: 'event-foot' }, placeOf(e),
          e.event_code ? h('span', {}, `CAMEO ${e.event_code} ${CAMEO_LABELS[e.event_code] ?? ''} · ${e.source || '—'} → ${e.target || '—'}`) : null)));
  }));
}

function termsList(terms) {
  if (terms.length === 0) return h('p', { class: 'muted' }, 'The text states no terms.');
  return h('ul', { class: 'terms', id: 'terms' }, terms.map((t) => h('li', {},
    h('div', {},
      h('span', { class: 'term-kind' }, humanize(t.kind)),
      h('span', { class: 'term-text' }, t.text),
      t.stated_by ? h('span', { class: 'muted' }, ` · stated by ${t.stated_by}`) : null),
    h('div', { class: 'event-foot' }, placeOf(t)))));
}

function frontsList(fronts) {
  if (fronts.length === 0) return h('p', { class: 'muted' }, 'No conflict events beside the talks.');
  return h('div', { class: 'fronts', id: 'escalation' }, fronts.map((f) => h('section', { class: 'front', dataset: { front: f.id } },
    h('div', { class: 'front-head' },
      h('b', {}, f.id),
      h('span', { class: 'muted' }, f.between_parties ? 'between the parties' : 'linked front'),
      h('span', { class: 'front-counts' },
        h('span', { class: 'badge', style: `--badge:${quadColor(3)}` }, `${f.verbal_conflict} verbal`),
        h('span', { class: 'badge', style: `--badge:${quadColor(4)}` }, `${f.material_conflict} material`))),
    h('ul', { class: 'escalation' }, f.events.map((ev) => h('li', { style: `--quad:${quadColor(ev.quad_class)}` },
      h('div', { class: 'esc-head' },
        h('time', {}, ev.date ?? ''),
        h('b', {}, `${ev.source || '—'} → ${ev.target || '—'}`),
        h('span', {}, CAMEO_LABELS[ev.evidence.event_code] ?? ev.evidence.event_code),
        quadBadge(ev.quad_class),
        h('span', { class: `goldstein ${ev.goldstein < 0 ? 'neg' : 'pos'}` }, formatSigned(ev.goldstein))),
      evidence(ev.evidence.text, { verb: ev.evidence.words })))))));
}

// One time axis: talk steps as dots on a track above, conflict events per day
// as bars below (stacked verbal/material), so a reader sees whether the
// fighting rose around the talks.
function overviewChart(steps, conflicts) {
  const width = 1040;
  const height = 210;
  const margin = { top: 22, right: 20, bottom: 28, left: 104 };
  const parse = d3.utcParse('%Y-%m-%d');
  const dated = steps.filter((s) => s.date);
  const datedConflicts = conflicts.filter((e) => e.date);
  const svg = chartSvg('overview-chart', width, height, 'Timeline of talks and conflict events');
  const dates = [...dated.map((s) => parse(s.date)), ...datedConflicts.map((e) => parse(e.date))];
  if (dates.length === 0) return svg.node();
  const [first, last] = d3.extent(dates);
  const pad = Math.max(2, d3.utcDay.count(first, last) * 0.03);
  const x = d3.scaleUtc().domain([d3.utcDay.offset(first, -pad), d3.utcDay.offset(last, pad)]).range([margin.left, width - margin.right]);
  const trackY = margin.top + 12;
  const baseY = height - margin.bottom;
  const byDay = d3.rollups(datedConflicts, (v) => [v.filter((e) => e.quad_class === 3).length, v.filter((e) => e.quad_class === 4).length], (e) => e.date);
  const y = d3.scaleLinear().domain([0, d3.max(byDay, (d) => d[1][0] + d[1][1]) ?? 1]).nice().range([baseY, trackY + 36]);

  svg.append('g').attr('class', 'axis x-axis').attr('transform', `translate(0,${baseY})`).call(d3.axisBottom(x).ticks(8));
  svg.append('g').attr('class', 'axis y-axis').attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).tickValues(y.ticks(3).filter(Number.isInteger)).tickFormat(d3.format('d')));
  svg.append('text').attr('class', 'axis-title').attr('x', 8).attr('y', trackY + 4).text('talks');
  svg.append('text').attr('class', 'axis-title').attr('x', 8).attr('y', (baseY + trackY + 36) / 2).text('conflict / day');
  svg.append('line').attr('class', 'track').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', trackY).attr('y2', trackY);

  const dayWidth = x(d3.utcDay.offset(first, 1)) - x(first);
  const barW = Math.max(3, Math.min(14, dayWidth * 0.8));
  const bars = svg.append('g').attr('class', 'conflict-bars').selectAll('g').data(byDay).join('g')
    .call(withTooltip, ([day, [verbal, material]]) => `${day}: ${verbal} verbal, ${material} material conflict`);
  bars.append('rect').attr('x', ([day]) => x(parse(day)) - barW / 2).attr('width', barW)
    .attr('y', ([, [v, m]]) => y(v + m)).attr('height', ([, [v, m]]) => y(m) - y(v + m)).attr('fill', quadColor(3));
  bars.append('rect').attr('x', ([day]) => x(parse(day)) - barW / 2).attr('width', barW)
    .attr('y', ([, [, m]]) => y(m)).attr('height', ([, [, m]]) => baseY - y(m)).attr('fill', quadColor(4));

  // Steps on one day sit side by side so none hides another.
  const perDay = new Map();
  const offsets = dated.map((s) => {
    const k = perDay.get(s.date) ?? 0;
    perDay.set(s.date, k + 1);
    return k;
  });
  svg.append('g').attr('class', 'step-dots').selectAll('circle').data(dated).join('circle')
    .attr('cx', (s) => x(parse(s.date)))
    .attr('cy', (s, i) => trackY + (offsets[i] % 3) * 9 - 0)
    .attr('r', 5.5)
    .attr('fill', (s) => stepColor(s))
    .attr('fill-opacity', (s) => (s.background ? 0.35 : 1))
    .call(withTooltip, (s) => h('div', {}, h('b', {}, s.date), ` ${KINDS[s.kind]?.label ?? s.kind}`,
      s.outcome ? ` (${humanize(s.outcome)})` : '', h('br'), s.evidence.text));
  return svg.node();
}
