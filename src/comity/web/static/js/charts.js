/* Comity web explorer — Network (hand-written force layout), map (bundled outlines) and dyad pages.
 *
 * Hand-written, no framework, no CDN, no build step. Data from the API (article text,
 * names, titles, snippets) only ever enters the page as text nodes (textContent /
 * createTextNode); no HTML-parsing DOM call is used anywhere.
 */
import { api, append, clear, el, errorBox, getWorld, go, hashFor, hashLink, pick, show, svg } from "./dom.js";
import { TYPES, defaultPeriod, filterForm, intensityColor, legend } from "./common.js";

/* ------------------------------------------------------------------ network */

/** A deterministic force-directed layout (Fruchterman-Reingold), written by hand. */
export function forceLayout(nodes, edges, W, H) {
  const n = nodes.length;
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.7;
  nodes.forEach((nd, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    nd.x = W / 2 + (W / 3) * Math.cos(a);
    nd.y = H / 2 + (H / 3) * Math.sin(a);
  });
  let temp = W / 8;
  const iters = n > 150 ? 120 : 300;
  for (let it = 0; it < iters; it++) {
    for (const nd of nodes) { nd.dx = 0; nd.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const f = (k * k) / d;
        dx /= d; dy /= d;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const e of edges) {
      const a = e.s, b = e.t;
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = ((d * d) / k) * Math.min(3, 1 + Math.log(e.count));
      dx /= d; dy /= d;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const nd of nodes) {
      nd.dx += (W / 2 - nd.x) * 0.02 * k / 10; nd.dy += (H / 2 - nd.y) * 0.02 * k / 10;
      const d = Math.sqrt(nd.dx * nd.dx + nd.dy * nd.dy) || 0.01;
      nd.x += (nd.dx / d) * Math.min(d, temp);
      nd.y += (nd.dy / d) * Math.min(d, temp);
      nd.x = Math.max(30, Math.min(W - 30, nd.x));
      nd.y = Math.max(20, Math.min(H - 20, nd.y));
    }
    temp = Math.max(0.5, temp * 0.975);
  }
  // stretch the result to fill the drawing, keeping margins for labels
  const xs = nodes.map((nd) => nd.x), ys = nodes.map((nd) => nd.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const mx = 60, my = 30;
  for (const nd of nodes) {
    nd.x = x1 > x0 ? mx + ((nd.x - x0) / (x1 - x0)) * (W - 2 * mx - 80) : W / 2;
    nd.y = y1 > y0 ? my + ((nd.y - y0) / (y1 - y0)) * (H - 2 * my) : H / 2;
  }
}

export async function networkPage(given) {
  let params = given, note = null;
  try { [params, note] = await defaultPeriod(given, 90, "/network"); } catch (err) { show(errorBox(err)); return; }
  const level = params.get("level") || "actor";
  const form = filterForm("network-filters", params, [
    { name: "level", label: "Nodes", options: [["actor", "actors"], ["country", "countries"]], default: "actor" },
    { name: "date_from", label: "From", type: "date" }, { name: "date_to", label: "To", type: "date" },
    { name: "type", label: "Type", options: [["", "any"]].concat(TYPES.map((t) => [t, t])) },
    { name: "country", label: "Country", placeholder: "VNM" },
  ], (p) => go("/network", p));
  const box = el("div", { class: "chart-box" }, el("p", { class: "loading", text: "Loading network…" }));
  show(el("h1", { text: "Who interacts with whom" }), form, note, legend(), box);
  let data;
  try { data = await api("/network", Object.assign(pick(params, ["date_from", "date_to", "type", "country", "actor"]), { level: level })); }
  catch (err) { append(clear(box), [errorBox(err)]); return; }
  let edges = data.items.slice().sort((a, b) => b.count - a.count).slice(0, 400);
  const byId = new Map();
  const node = (id, name) => {
    if (!byId.has(id)) byId.set(id, { id: id, name: name || id, weight: 0 });
    return byId.get(id);
  };
  edges = edges.map((e) => ({ s: node(e.source_id, e.source_name), t: node(e.target_id, e.target_name), count: e.count, mean: e.mean_intensity }));
  for (const e of edges) { e.s.weight += e.count; e.t.weight += e.count; }
  const nodes = Array.from(byId.values());
  if (!nodes.length) { append(clear(box), [el("p", { class: "muted", text: "No interactions in this period." })]); return; }
  const W = 960, H = 620;
  forceLayout(nodes, edges, W, H);
  const g = svg("svg", { id: "network", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "network of " + level + "s" });
  const defs = svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 14, markerHeight: 14, markerUnits: "userSpaceOnUse", orient: "auto" },
    svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#4a555c" })));
  g.appendChild(defs);
  const maxCount = Math.max(...edges.map((e) => e.count));
  const maxW = Math.max(...nodes.map((n) => n.weight));
  for (const nd of nodes) nd.r = 5 + 12 * Math.sqrt(nd.weight / maxW);
  for (const e of edges) {
    if (e.s === e.t) continue;
    // stop the line at the target's rim so the arrow head shows; offset the two
    // directions of a pair sideways so both stay visible
    const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    const ox = (-dy / d) * 3, oy = (dx / d) * 3;
    const x2 = e.t.x - (dx / d) * (e.t.r + 2), y2 = e.t.y - (dy / d) * (e.t.r + 2);
    g.appendChild(svg("line", { class: "edge", x1: (e.s.x + ox).toFixed(1), y1: (e.s.y + oy).toFixed(1), x2: (x2 + ox).toFixed(1), y2: (y2 + oy).toFixed(1),
      stroke: intensityColor(e.mean), "stroke-width": (1 + 7 * Math.sqrt(e.count / maxCount)).toFixed(2), "marker-end": "url(#arrow)",
      "data-count": e.count },
    svg("title", { text: `${e.s.name} → ${e.t.name}: ${e.count} event(s), mean intensity ${Number(e.mean).toFixed(1)}` })));
  }
  for (const nd of nodes) {
    const r = nd.r;
    const href = level === "country" ? hashFor("/", { country: nd.id }) : hashFor("/actor/" + encodeURIComponent(nd.id));
    const a = svg("a", { href: href, class: "node-link" },
      svg("circle", { class: "node", cx: nd.x.toFixed(1), cy: nd.y.toFixed(1), r: r.toFixed(1), fill: "#1f5f8b", "data-id": nd.id },
        svg("title", { text: `${nd.name}: ${nd.weight} event(s)` })),
      svg("text", { class: "node-label", x: (nd.x + r + 3).toFixed(1), y: (nd.y + 4).toFixed(1), text: nd.name }));
    g.appendChild(a);
  }
  append(clear(box), [g, el("p", { class: "muted", id: "network-summary", text: `${nodes.length} nodes, ${edges.length} edges (edge width: number of events; arrow: actor → recipient).` })]);
}

/* ------------------------------------------------------------------ map */

export function ringPath(ring) {
  return "M" + ring.map((p) => p[0].toFixed(2) + "," + (-p[1]).toFixed(2)).join("L") + "Z";
}

export async function mapPage(params) {
  const form = filterForm("map-filters", params, [
    { name: "date_from", label: "From", type: "date" }, { name: "date_to", label: "To", type: "date" },
    { name: "type", label: "Type", options: [["", "any"]].concat(TYPES.map((t) => [t, t])) },
    { name: "actor", label: "Actor" }, { name: "country", label: "Country", placeholder: "VNM" },
  ], (p) => go("/map", p));
  const box = el("div", { class: "chart-box" }, el("p", { class: "loading", text: "Loading map…" }));
  const list = el("div", { id: "map-places" });
  show(el("h1", { text: "Where events happened" }), form, box, list);
  let world, data;
  try {
    [world, data] = await Promise.all([getWorld(), api("/events", Object.assign(pick(params, ["date_from", "date_to", "type", "actor", "country"]), { limit: 500, sort: "-date" }))]);
  } catch (err) { append(clear(box), [errorBox(err)]); return; }
  const places = new Map();
  for (const ev of data.items) {
    const l = ev.location;
    if (!l || l.lat === null || l.lat === undefined || l.lon === null || l.lon === undefined) continue;
    const key = `${Number(l.lat).toFixed(2)},${Number(l.lon).toFixed(2)}`;
    if (!places.has(key)) places.set(key, { name: l.name, country: l.country, lat: Number(l.lat), lon: Number(l.lon), events: [] });
    places.get(key).events.push(ev);
  }
  const active = new Set(Array.from(places.values()).map((p) => p.country).filter(Boolean));
  const g = svg("svg", { id: "map", viewBox: "-180 -90 360 180", role: "img", "aria-label": "map of event locations", preserveAspectRatio: "xMidYMid meet" });
  const countries = svg("g", { class: "countries" });
  for (const f of world.features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const d = polys.map((poly) => poly.map(ringPath).join("")).join("");
    countries.appendChild(svg("path", { class: "country" + (active.has(f.properties.iso_a3) ? " active" : ""), d: d, "data-iso": f.properties.iso_a3 },
      svg("title", { text: f.properties.name })));
  }
  g.appendChild(countries);
  const pts = Array.from(places.values());
  // zoom to the events, keeping the 2:1 aspect ratio
  let vb = [-180, -90, 360, 180];
  if (pts.length) {
    const xs = pts.map((p) => p.lon), ys = pts.map((p) => -p.lat);
    let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    let w = Math.max(40, (x1 - x0) * 1.5), h = Math.max(20, (y1 - y0) * 1.5);
    if (w / h > 2) h = w / 2; else w = h * 2;
    vb = [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
    g.setAttribute("viewBox", vb.map((v) => v.toFixed(2)).join(" "));
  }
  const maxN = Math.max(1, ...pts.map((p) => p.events.length));
  const unit = vb[2] / 360;
  for (const p of pts) {
    const r = unit * (2 + 5 * Math.sqrt(p.events.length / maxN));
    g.appendChild(svg("a", { href: hashFor("/", { place: p.name }), class: "loc-link" },
      svg("circle", { class: "loc", cx: p.lon.toFixed(3), cy: (-p.lat).toFixed(3), r: r.toFixed(3), "data-place": p.name },
        svg("title", { text: `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.events.length} event(s)` }))));
  }
  append(clear(box), [g, el("p", { class: "muted", id: "map-summary",
    text: `${pts.length} place(s) for ${data.items.length} of ${data.total} event(s). Outlines: Natural Earth 1:110m (public domain), bundled.` })]);
  const rows = pts.sort((a, b) => b.events.length - a.events.length).map((p) => el("tr", {},
    el("td", {}, hashLink("/", { place: p.name }, p.name)), el("td", { text: p.country || "" }), el("td", { text: String(p.events.length) })));
  if (rows.length) append(list, [el("table", { class: "data" }, el("tr", {}, ["Place", "Country", "Events"].map((h) => el("th", { text: h }))), rows)]);
}

/* ------------------------------------------------------------------ dyads */

export async function dyadPage(given) {
  let params = given, note = null;
  if (!(given.get("a") && given.get("b"))) {
    try { [params, note] = await defaultPeriod(given, 365, "/dyad"); } catch (err) { show(errorBox(err)); return; }
  }
  const form = filterForm("dyad-filters", params, [
    { name: "a", label: "Country A", placeholder: "VNM" }, { name: "b", label: "Country B", placeholder: "KHM" },
    { name: "date_from", label: "From", type: "date" }, { name: "date_to", label: "To", type: "date" },
  ], (p) => go("/dyad", p));
  const box = el("div", { id: "dyad" }, el("p", { class: "loading", text: "Loading…" }));
  show(el("h1", { text: "Relations between two countries" }), form, note, box);
  const a = (params.get("a") || "").toUpperCase(), b = (params.get("b") || "").toUpperCase();
  const q = pick(params, ["date_from", "date_to"]);
  let data;
  try { data = await api("/dyads", Object.assign(q, a && b ? { dyad: `${a}-${b}` } : {}, { by: "month" })); }
  catch (err) { append(clear(box), [errorBox(err)]); return; }
  if (!(a && b)) {
    const pairs = new Map();
    for (const d of data.items) {
      const key = d.country_a + "-" + d.country_b;
      const p = pairs.get(key) || { a: d.country_a, b: d.country_b, count: 0, sum: 0 };
      p.count += d.count; p.sum += d.mean_intensity * d.count; pairs.set(key, p);
    }
    const rows = Array.from(pairs.values()).sort((x, y) => y.count - x.count).slice(0, 100).map((p) => el("tr", {},
      el("td", {}, hashLink("/dyad", Object.assign({ a: p.a, b: p.b }, q), `${p.a} – ${p.b}`, "dyad-link")),
      el("td", { text: String(p.count) }), el("td", { text: (p.sum / p.count).toFixed(2) })));
    append(clear(box), [el("p", { class: "muted", text: "Pick two countries, or one of the pairs below." }),
      el("table", { class: "data", id: "dyad-pairs" }, el("tr", {}, ["Pair", "Events", "Mean intensity"].map((h) => el("th", { text: h }))), rows)]);
    return;
  }
  const items = data.items.slice().sort((x, y) => (x.period < y.period ? -1 : 1));
  if (!items.length) { append(clear(box), [el("p", { class: "muted", text: `No events between ${a} and ${b}.` })]); return; }
  const W = 960, H = 320, left = 40, bottom = 50, top = 20;
  const maxC = Math.max(...items.map((d) => d.count));
  const bw = Math.min(90, (W - left - 10) / items.length);
  const g = svg("svg", { id: "dyad-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `events per month between ${a} and ${b}` });
  for (let t = 0; t <= 4; t++) {
    const v = Math.round((maxC * t) / 4), y = H - bottom - ((H - bottom - top) * v) / maxC;
    g.appendChild(svg("line", { x1: left, x2: W - 10, y1: y, y2: y, stroke: "#e3e6e1" }));
    g.appendChild(svg("text", { x: left - 6, y: y + 4, class: "axis", "text-anchor": "end", text: String(v) }));
  }
  const every = Math.ceil(items.length / 24);
  items.forEach((d, i) => {
    const h = ((H - bottom - top) * d.count) / maxC, x = left + i * bw;
    g.appendChild(svg("rect", { class: "bar", x: (x + bw * 0.1).toFixed(1), y: (H - bottom - h).toFixed(1), width: (bw * 0.8).toFixed(1), height: h.toFixed(1),
      fill: intensityColor(d.mean_intensity), "data-period": d.period, "data-count": d.count },
    svg("title", { text: `${d.period}: ${d.count} event(s), mean intensity ${Number(d.mean_intensity).toFixed(2)}` })));
    if (bw >= 28) {
      g.appendChild(svg("text", { class: "axis", x: (x + bw / 2).toFixed(1), y: (H - bottom - h - 4).toFixed(1), "text-anchor": "middle",
        text: Number(d.mean_intensity).toFixed(1) }));
    }
    if (i % every === 0) {
      g.appendChild(svg("text", { class: "axis", x: (x + bw / 2).toFixed(1), y: H - bottom + 16, "text-anchor": "middle", text: d.period }));
    }
  });
  const table = el("table", { class: "data", id: "dyad-table" }, el("tr", {}, ["Month", "Events", "Mean intensity", ""].map((h) => el("th", { text: h }))),
    items.map((d) => el("tr", {}, el("td", { text: d.period }), el("td", { text: String(d.count) }), el("td", { text: Number(d.mean_intensity).toFixed(2) }),
      el("td", {}, hashLink("/", Object.assign({ dyad: `${a}-${b}` }, monthRange(d.period)), "events")))));
  append(clear(box), [el("h2", { text: `${a} – ${b}: events per month` }), legend(), el("div", { class: "chart-box" }, g), table]);
}

export function monthRange(period) {
  const m = /^(\d{4})-(\d{2})$/.exec(period || "");
  if (!m) return {};
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { date_from: `${m[1]}-${m[2]}-01`, date_to: `${m[1]}-${m[2]}-${String(last).padStart(2, "0")}` };
}
