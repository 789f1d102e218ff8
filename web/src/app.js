// The dashboard's router: #/<page>[/<id>][?filters]. Each page module exports
// render(root, route) and returns when its data is drawn; the body then
// carries data-state="ready" (or "error") and data-route (the hash drawn),
// which the browser tests wait for.
import { api } from './api.js';
import { h, formatNumber, errorBox } from './ui.js';
import * as events from './events.js';
import * as timeseries from './timeseries.js';
import * as map from './map.js';
import * as network from './network.js';
import * as negotiations from './negotiations.js';
import { parseRoute } from './route.js';

const pages = { events, timeseries, map, network, negotiations };

let renderCount = 0;

async function show() {
  const route = parseRoute(location.hash);
  const mine = ++renderCount;
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.page === route.page);
  }
  document.body.dataset.state = 'loading';
  document.body.dataset.page = route.page;
  document.body.dataset.route = location.hash;
  const root = document.getElementById('page');
  root.replaceChildren();
  try {
    await pages[route.page].render(root, route);
    if (mine === renderCount) document.body.dataset.state = 'ready';
  } catch (err) {
    console.warn(err);
    if (mine !== renderCount) return;
    root.append(errorBox(err));
    document.body.dataset.state = 'error';
  }
}

async function showHealth() {
  const node = document.getElementById('health');
  try {
    const health = await api.health();
    node.replaceChildren(
      h('b', {}, formatNumber(health.documents)), ' documents · ',
      h('b', {}, formatNumber(health.events)), ' events');
  } catch (err) {
    node.textContent = 'server unreachable';
    node.classList.add('bad');
    node.title = err.message;
  }
}

window.addEventListener('hashchange', show);
show();
showHealth();
