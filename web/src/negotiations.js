// Negotiations page: the tracker's negotiations (GET /api/negotiations) and,
// for one, its parties, mediators, current state, dated timeline with the
// evidence of every step, the terms the text states, and the fighting beside
// the talks (escalation).
import { api } from './api.js';
import { routeHash } from './route.js';
import {
  h, evidence, formatNumber, formatSigned, panel, emptyBox, quadBadge, quadColor, countryName,
  withTooltip, pageHead,
  chartSvg,
} from './ui.js';
import { COUNTRIES } from './meta.js';

export async function render(root, route) {
  if (route.id) return renderOne(root, route.id);
  return renderList(root);
}

async function renderList(root) {
  root.append(pageHead('Negotiations', 'Talks the tracker found in the coded events: two or more parties with consultations, proposals, responses, agreements and their implementation between them, and who mediates.'));
  const { negotiations } = await api.negotiations();
  if (negotiations.length === 0) {
    root.append(emptyBox('No negotiations found in the stored events yet.'));
    return;
  }
  const list = h('div', { class: 'negotiation-list', id: 'negotiation-list' });
  for (const n of negotiations) {
    list.append(h('a', { class: 'negotiation-card', href: routeHash('negotiations', {}, n.id), dataset: { id: n.id } },
      h('div', { class: 'nc-head' },
        h('span', { class: 'nc-title' }, partyTitle(n.parties)),
        stateBadge(n.state)),
      h('div', { class: 'nc-row' }, h('span', { class: 'k' }, 'Parties'), chips(n.parties)),
      h('div', { class: 'nc-row' }, h('span', { class: 'k' }, 'Mediators'),
        names(n.mediators).length ? chips(n.mediators, 'mediator') : h('span', { class: 'muted' }, 'none named')),
      h('div', { class: 'nc-foot' },
        h('span', {}, `${n.first_date ?? '?'} → ${n.last_date ?? '?'}`),
        h('span', {}, `${formatNumber(n.steps)} steps`))));
  }
  root.append(list);
}

// The tracker writes actors as codes or as {code, name}; both read the same here.
export function names(list) {
  return (list ?? []).map((a) => (typeof a === 'string' ? a : a.code ?? a.name ?? a.id ?? String(a)));
}

function actorName(a) {
  if (typeof a === 'string') return COUNTRIES[a] ? `${countryName(a)} (${a})` : a;
  return a.name && a.code && a.name !== a.code ? `${a.name} (${a.code})` : a.name ?? a.code;
}

function partyTitle(parties) {
  return names(parties).join(' – ') || 'Unnamed negotiation';
}

function chips(list, kind = 'party') {
  return h('span', { class: 'chips' }, (list ?? []).map((a) => h('span', { class: `chip ${kind}` }, actorName(a))));
}

const STATE_COLORS = {
  agreement: '#1b9e77', agreed: '#1b9e77', implementation: '#1b9e77', implementing: '#1b9e77',
  ceasefire: '#1b9e77', talks: '#3a8dde', negotiating: '#3a8dde', proposal: '#3a8dde', proposed: '#3a8dde',
  stalled: '#f0a202', suspended: '#f0a202', rejected: '#d1495b', collapsed: '#d1495b', violated: '#d1495b',
};

function stateColor(state) {
  const key = String(state ?? '').toLowerCase();
  for (const [word, color] of Object.entries(STATE_COLORS)) if (key.includes(word)) return color;
  return '#5b6577';
}

function stateBadge(state) {
  return h('span', { class: 'badge state-badge', style: `--badge:${stateColor(state)}` }, humanize(state ?? 'unknown'));
}

function humanize(text) {
  return String(text).replace(/_/g, ' ');
}

// A timeline step as the page needs it, whatever optional fields it carries.
export function stepView(step) {
  const ev = step.evidence ?? {};
  const event = step.event ?? {};
  return {
    date: step.date ?? step.event_date ?? event.event_date ?? ev.date ?? null,
    kind: step.kind ?? step.type ?? step.step ?? 'step',
    response: step.response ?? step.outcome ?? null,
    summary: step.summary ?? step.description ?? step.label ?? event.label ?? '',
    actors: step.actors ?? [step.source ?? event.source?.code, step.target ?? event.target?.code].filter(Boolean),
    where: step.where ?? step.place ?? event.location?.name ?? null,
    code: step.code ?? event.event?.code ?? null,
    sentence: ev.sentence_text ?? ev.text ?? step.sentence_text ?? event.sentence_text ?? '',
    words: ev.words ?? step.words ?? event.event?.text ?? '',
    source: ev.source_text ?? event.source?.text,
    target: ev.target_text ?? event.target?.text,
    doc: ev.doc_id ?? ev.document ?? step.doc_id ?? event.doc_id ?? '',
    sentenceIndex: ev.sentence ?? step.sentence ?? event.sentence,
  };
}

const KIND_COLORS = {
  proposal: '#3a8dde', response: '#7b61c9', round: '#2b6cb0', talks: '#2b6cb0', consult: '#2b6cb0', mediation: '#2b6cb0',
  agreement: '#1b9e77', implementation: '#138a6f', release: '#138a6f', aid: '#138a6f', withdrawal: '#138a6f',
  violation: '#d1495b', collapse: '#b0303f', rejection: '#d1495b', demand: '#f0a202', appeal: '#f0a202', intent: '#6a8caf',
};

function kindColor(kind, response) {
  const r = String(response ?? '').toLowerCase();
  if (r.startsWith('reject')) return '#d1495b';
  if (r.startsWith('accept')) return '#1b9e77';
  const key = String(kind).toLowerCase();
  for (const [word, color] of Object.entries(KIND_COLORS)) if (key.includes(word)) return color;
  return '#5b6577';
}

async function renderOne(root, id) {
  const n = await api.negotiation(id);
  const timeline = (n.timeline ?? n.steps_detail ?? []).map(stepView);
  const escalation = escalationEvents(n.escalation);

  root.append(h('p', { class: 'crumbs' }, h('a', { href: '#/negotiations' }, '← All negotiations')));
  root.append(h('div', { class: 'negotiation-head' },
    h('div', {},
      h('h1', {}, partyTitle(n.parties)),
      h('div', { class: 'nh-dates' }, `${n.first_date ?? timeline[0]?.date ?? '?'} → ${n.last_date ?? timeline.at(-1)?.date ?? '?'}`,
        ` · ${formatNumber(timeline.length)} steps · ${formatNumber(escalation.length)} conflict events`)),
    h('div', { class: 'nh-state' }, h('span', { class: 'k' }, 'Current state'), stateBadge(n.state),
      n.state_since ? h('span', { class: 'muted' }, ` since ${n.state_since}`) : null)));

  root.append(h('div', { class: 'who' },
    h('div', {}, h('span', { class: 'k' }, 'Parties'), chips(n.parties)),
    h('div', {}, h('span', { class: 'k' }, 'Mediators'),
      names(n.mediators).length ? chips(n.mediators, 'mediator') : h('span', { class: 'muted' }, 'none named'))));

  if (timeline.length || escalation.length) root.append(panel('Talks and fighting', overviewChart(timeline, escalation)));

  const layout = h('div', { class: 'split wide-left' });
  const left = panel('Timeline', timelineList(timeline));
  const right = h('aside', { class: 'side' },
    panel('Terms', termsList(n.terms)),
    panel('Escalation beside the talks', escalationList(escalation, n.escalation)));
  layout.append(left, right);
  root.append(layout);
}

function timelineList(steps) {
  if (steps.length === 0) return emptyBox('No steps.');
  const list = h('ol', { class: 'timeline', id: 'timeline' });
  for (const s of steps) {
    const color = kindColor(s.kind, s.response);
    list.append(h('li', { class: 'step', style: `--step:${color}`, dataset: { kind: s.kind } },
      h('div', { class: 'step-date' }, h('time', {}, s.date ?? 'undated')),
      h('div', { class: 'step-body' },
        h('div', { class: 'step-head' },
          h('span', { class: 'step-kind' }, humanize(s.kind)),
          s.response ? h('span', { class: 'step-response', style: `--badge:${kindColor('', s.response)}` }, humanize(s.response)) : null,
          s.summary ? h('span', { class: 'step-summary' }, s.summary) : null,
          s.where ? h('span', { class: 'muted' }, ` · ${s.where}`) : null),
        s.actors.length ? h('div', { class: 'step-actors' }, names(s.actors).join(' → ')) : null,
        evidence(s.sentence, { source: s.source, target: s.target, verb: s.words }),
        s.doc ? h('div', { class: 'event-foot' }, h('span', { class: 'doc' }, s.doc,
          typeof s.sentenceIndex === 'number' ? (s.sentenceIndex >= 0 ? ` · sentence ${s.sentenceIndex + 1}` : ' · headline') : '')) : null)));
  }
  return list;
}

function termsList(terms) {
  const list = Array.isArray(terms) ? terms : Object.entries(terms ?? {}).flatMap(([kind, v]) =>
    (Array.isArray(v) ? v : [v]).map((t) => (typeof t === 'object' ? { kind, ...t } : { kind, text: String(t) })));
  if (list.length === 0) return h('p', { class: 'muted' }, 'The text states no terms.');
  return h('ul', { class: 'terms', id: 'terms' }, list.map((t) => {
    const text = typeof t === 'string' ? t : t.text ?? t.value ?? '';
    const ev = typeof t === 'object' ? t.evidence ?? {} : {};
    return h('li', {},
      t.kind ? h('span', { class: 'term-kind' }, humanize(t.kind)) : null,
      h('span', { class: 'term-text' }, text),
      t.date || ev.date ? h('span', { class: 'muted' }, ` (${t.date ?? ev.date})`) : null,
      ev.sentence_text || ev.text ? evidence(ev.sentence_text ?? ev.text, { extra: [text] }) : null);
  }));
}

// The tracker lists escalation as events, or groups them by front.
function escalationEvents(esc) {
  if (!esc) return [];
  if (Array.isArray(esc)) return esc;
  const groups = [esc.events, esc.between_parties, ...(esc.fronts ?? esc.linked_fronts ?? []).map((f) => f.events ?? [])];
  return groups.filter(Array.isArray).flat();
}

function escalationList(events) {
  if (events.length === 0) return h('p', { class: 'muted' }, 'No conflict events beside the talks.');
  const sorted = [...events].sort((a, b) => String(dateOf(a)).localeCompare(String(dateOf(b))));
  return h('ul', { class: 'escalation', id: 'escalation' }, sorted.map((ev) => h('li', { style: `--quad:${quadColor(ev.quad_class ?? 4)}` },
    h('div', { class: 'esc-head' },
      h('time', {}, dateOf(ev) ?? ''),
      h('b', {}, `${codeOf(ev.source)} → ${codeOf(ev.target)}`),
      ' ', h('span', {}, ev.label ?? ev.event?.code ?? ev.code ?? ''),
      ev.quad_class ? quadBadge(ev.quad_class) : null,
      ev.goldstein !== undefined ? h('span', { class: `goldstein ${ev.goldstein < 0 ? 'neg' : 'pos'}` }, formatSigned(ev.goldstein)) : null,
      ev.front ? h('span', { class: 'muted' }, ` · ${ev.front}`) : null),
    ev.sentence_text || ev.evidence ? evidence(ev.sentence_text ?? ev.evidence?.sentence_text ?? ev.evidence?.text, {
      source: ev.source?.text, target: ev.target?.text, verb: ev.event?.text ?? ev.evidence?.words,
    }) : null)));
}

function codeOf(side) {
  return typeof side === 'string' ? side : side?.code ?? '—';
}

function dateOf(ev) {
  return ev.event_date ?? ev.date ?? ev.evidence?.date ?? null;
}

// One time axis: talk steps as dots on a track above, conflict events per day
// as bars below, so a reader sees whether the fighting rose around the talks.
function overviewChart(steps, escalation) {
  const width = 1040;
  const height = 200;
  const margin = { top: 26, right: 20, bottom: 28, left: 92 };
  const parse = d3.utcParse('%Y-%m-%d');
  const dated = steps.filter((s) => s.date && parse(s.date));
  const conflicts = escalation.filter((e) => dateOf(e) && parse(dateOf(e)));
  const dates = [...dated.map((s) => parse(s.date)), ...conflicts.map((e) => parse(dateOf(e)))];
  const svg = chartSvg('overview-chart', width, height, 'Timeline of talks and conflict events');
  if (dates.length === 0) return svg.node();
  let [lo, hi] = d3.extent(dates);
  lo = d3.utcDay.offset(lo, -3);
  hi = d3.utcDay.offset(hi, 3);
  const x = d3.scaleUtc().domain([lo, hi]).range([margin.left, width - margin.right]);
  const trackY = margin.top + 18;
  const baseY = height - margin.bottom;
  const byDay = d3.rollups(conflicts, (v) => v.length, (e) => dateOf(e));
  const y = d3.scaleLinear().domain([0, d3.max(byDay, (d) => d[1]) ?? 1]).nice().range([baseY, trackY + 28]);

  svg.append('g').attr('class', 'axis x-axis').attr('transform', `translate(0,${baseY})`)
    .call(d3.axisBottom(x).ticks(8));
  svg.append('g').attr('class', 'axis y-axis').attr('transform', `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).tickValues(y.ticks(3).filter(Number.isInteger)).tickFormat(d3.format('d')));
  svg.append('text').attr('class', 'axis-title').attr('x', 8).attr('y', trackY + 4).text('talks');
  svg.append('text').attr('class', 'axis-title').attr('x', 8).attr('y', (baseY + trackY + 28) / 2).text('conflict / day');
  svg.append('line').attr('class', 'track').attr('x1', margin.left).attr('x2', width - margin.right)
    .attr('y1', trackY).attr('y2', trackY);
  const barW = Math.max(3, Math.min(14, (x(d3.utcDay.offset(lo, 1)) - x(lo)) * 0.8));
  svg.append('g').attr('class', 'conflict-bars').selectAll('rect').data(byDay).join('rect')
    .attr('x', (d) => x(parse(d[0])) - barW / 2).attr('width', barW)
    .attr('y', (d) => y(d[1])).attr('height', (d) => baseY - y(d[1]))
    .attr('fill', quadColor(4))
    .call(withTooltip, (d) => `${d[0]}: ${d[1]} conflict event${d[1] === 1 ? '' : 's'}`);
  svg.append('g').attr('class', 'step-dots').selectAll('circle').data(dated).join('circle')
    .attr('cx', (s) => x(parse(s.date))).attr('cy', trackY).attr('r', 6)
    .attr('fill', (s) => kindColor(s.kind, s.response))
    .call(withTooltip, (s) => h('div', {}, h('b', {}, s.date), ` ${humanize(s.kind)}`, s.response ? ` (${humanize(s.response)})` : '', h('br'), s.summary));
  return svg.node();
}
