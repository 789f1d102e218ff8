// Small DOM helpers shared by the pages: element building, the QuadClass
// palette, evidence highlighting, filter forms and the shared tooltip.
import { COUNTRIES, CAMEO_ROOTS, PLOVER_TYPES } from './meta.js';

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const QUADS = [
  { id: 1, name: 'Verbal cooperation', color: '#3a8dde' },
  { id: 2, name: 'Material cooperation', color: '#1b9e77' },
  { id: 3, name: 'Verbal conflict', color: '#f0a202' },
  { id: 4, name: 'Material conflict', color: '#d1495b' },
];

export function quadName(q) {
  return QUADS[q - 1]?.name ?? 'Unknown';
}

export function quadColor(q) {
  return QUADS[q - 1]?.color ?? '#8a94a6';
}

export function quadBadge(q) {
  return h('span', { class: 'badge', style: `--badge:${quadColor(q)}` }, quadName(q));
}

export function countryName(code) {
  return COUNTRIES[code]?.name ?? code;
}

export function actorLabel(span) {
  if (!span || !span.code) return '—';
  return span.code;
}

export function formatNumber(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function formatSigned(n, digits = 1) {
  if (n === null || n === undefined) return '—';
  const text = formatNumber(n, digits);
  return n > 0 ? `+${text}` : text;
}

// Finds where each highlighted phrase occurs in the sentence: the first
// case-sensitive match, else the first case-insensitive one; a phrase whose
// words are not contiguous in the sentence ("received response" for "received
// a response") marks each of its words instead. Overlapping phrases keep the
// earlier (longer on ties) one, so marks never nest.
function findRanges(sentence, phrases) {
  const lower = sentence.toLowerCase();
  const find = (text) => {
    const at = sentence.indexOf(text);
    return at >= 0 ? at : lower.indexOf(text.toLowerCase());
  };
  const ranges = [];
  for (const { text, kind } of phrases) {
    if (!text) continue;
    const at = find(text);
    if (at >= 0) {
      ranges.push({ start: at, end: at + text.length, kind });
      continue;
    }
    // Each word on its own, never inside a longer word ("in" in "Doha").
    for (const word of text.split(/\s+/)) {
      if (word.length < 2) continue;
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(sentence);
      if (m) ranges.push({ start: m.index, end: m.index + word.length, kind });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const r of ranges) {
    if (kept.length === 0 || r.start >= kept[kept.length - 1].end) kept.push(r);
  }
  return kept;
}

// The evidence sentence with the source, verb and target words marked.
export function evidence(sentence, { source, target, verb, extra = [] } = {}) {
  const node = h('blockquote', { class: 'evidence' });
  if (!sentence) {
    node.append(h('span', { class: 'muted' }, 'No sentence text stored.'));
    return node;
  }
  const phrases = [
    { text: source, kind: 'src' },
    { text: verb, kind: 'verb' },
    { text: target, kind: 'tgt' },
    ...extra.map((text) => ({ text, kind: 'term' })),
  ];
  let pos = 0;
  for (const r of findRanges(sentence, phrases)) {
    if (r.start > pos) node.append(sentence.slice(pos, r.start));
    node.append(h('mark', { class: r.kind }, sentence.slice(r.start, r.end)));
    pos = r.end;
  }
  if (pos < sentence.length) node.append(sentence.slice(pos));
  return node;
}

export function eventEvidence(ev) {
  return evidence(ev.sentence_text, {
    source: ev.source?.text,
    target: ev.target?.text,
    verb: ev.event?.text,
  });
}

export function loading(text = 'Loading…') {
  return h('div', { class: 'state loading' }, text);
}

export function errorBox(err) {
  return h('div', { class: 'state error', role: 'alert' }, `Could not load: ${err.message}`);
}

export function emptyBox(text) {
  return h('div', { class: 'state empty' }, text);
}

// A filter form. `fields` lists the controls; `values` their current values.
// Submitting calls onSubmit with the non-empty values.
export function filterForm(fields, values, onSubmit, { submitLabel = 'Apply' } = {}) {
  const form = h('form', { class: 'filters', autocomplete: 'off' });
  for (const field of fields) {
    const id = `f-${field.name}`;
    const value = values[field.name] ?? field.default ?? '';
    let control;
    if (field.options) {
      control = h('select', { id, name: field.name },
        field.options.map(([v, label]) => h('option', { value: v, selected: String(v) === String(value) }, label)));
    } else {
      control = h('input', {
        id, name: field.name, type: field.type ?? 'text', value,
        placeholder: field.placeholder ?? '', size: field.size,
      });
    }
    form.append(h('label', { class: `field ${field.wide ? 'wide' : ''}`, for: id },
      h('span', {}, field.label), control));
  }
  const buttons = h('div', { class: 'buttons' },
    h('button', { type: 'submit', class: 'primary' }, submitLabel),
    h('button', { type: 'reset', class: 'ghost' }, 'Clear'));
  form.append(buttons);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit(formValues(form));
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    for (const c of form.elements) {
      if (c.name) c.value = c.tagName === 'SELECT' ? c.options[0].value : '';
    }
    onSubmit(formValues(form));
  });
  return form;
}

function formValues(form) {
  const out = {};
  for (const c of form.elements) {
    if (c.name && c.value !== '') out[c.name] = c.value.trim();
  }
  return out;
}

export const rootOptions = () => [['', 'Any'], ...CAMEO_ROOTS.map((r) => [r.code, `${r.code} ${r.label}`])];
export const ploverOptions = () => [['', 'Any'], ...PLOVER_TYPES.map((t) => [t, t])];
export const quadOptions = () => [['', 'Any'], ...QUADS.map((q) => [q.id, `${q.id} ${q.name}`])];

// One tooltip element for the whole page, moved with the pointer.
let tooltipNode = null;
export function tooltip() {
  if (!tooltipNode) {
    tooltipNode = h('div', { class: 'tooltip', role: 'tooltip' });
    document.body.append(tooltipNode);
  }
  return {
    show(event, ...content) {
      tooltipNode.replaceChildren(...content.map((c) => (c instanceof Node ? c : document.createTextNode(c))));
      tooltipNode.style.display = 'block';
      this.move(event);
    },
    move(event) {
      const pad = 14;
      const { innerWidth } = window;
      const rect = tooltipNode.getBoundingClientRect();
      let x = event.clientX + pad;
      if (x + rect.width > innerWidth - 8) x = event.clientX - rect.width - pad;
      tooltipNode.style.left = `${x}px`;
      tooltipNode.style.top = `${event.clientY + pad}px`;
    },
    hide() {
      tooltipNode.style.display = 'none';
    },
  };
}

// Shows `content(datum)` in the shared tooltip while the pointer is over an
// element of the d3 selection.
export function withTooltip(selection, content) {
  const tip = tooltip();
  return selection
    .on('mouseenter', (e, d) => tip.show(e, content(d)))
    .on('mousemove', (e) => tip.move(e))
    .on('mouseleave', () => tip.hide());
}

// A responsive SVG chart of the given drawing size, described for screen readers.
export function chartSvg(kind, width, height, label) {
  return d3.create('svg')
    .attr('class', `chart ${kind}`)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', label);
}

export function pageHead(title, lede) {
  return h('div', { class: 'page-head' }, h('h1', {}, title), h('p', { class: 'lede' }, lede));
}

export function legend(items) {
  return h('div', { class: 'legend' },
    items.map(({ color, label, shape }) =>
      h('span', { class: 'legend-item' },
        h('i', { class: `swatch ${shape ?? ''}`, style: `background:${color}` }), label)));
}

export function panel(title, ...children) {
  return h('section', { class: 'panel' }, title ? h('h2', {}, title) : null, ...children);
}
