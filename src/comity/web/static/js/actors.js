/* Comity web explorer — Actor list and actor page (roles over time).
 *
 * Hand-written, no framework, no CDN, no build step. Data from the API (article text,
 * names, titles, snippets) only ever enters the page as text nodes (textContent /
 * createTextNode); no HTML-parsing DOM call is used anywhere.
 */
import { api, append, clear, el, errorBox, go, hashLink, pick, show, svg } from "./dom.js";
import { eventRow, filterForm } from "./common.js";

/* ------------------------------------------------------------------ actors */

export async function actorsPage(params) {
  const form = filterForm("actor-search", params, [{ name: "q", label: "Name" },
    { name: "provisional", label: "Known?", options: [["", "all"], ["false", "in the knowledge base"], ["true", "provisional"]] }],
  (p) => go("/actors", p));
  const box = el("div", {}, el("p", { class: "loading", text: "Loading…" }));
  show(el("h1", { text: "Actors" }), form, box);
  let data;
  try { data = await api("/actors", Object.assign(pick(params, ["q", "provisional"]), { limit: 200 })); } catch (err) { append(clear(box), [errorBox(err)]); return; }
  const rows = data.items.map((a) => el("tr", {},
    el("td", {}, hashLink("/actor/" + encodeURIComponent(a.id), null, a.name)),
    el("td", { text: a.kind || "" }), el("td", { text: a.country || "" }), el("td", { text: a.title || "" }),
    el("td", { text: a.provisional ? "provisional" : "" }), el("td", { text: String(a.events) })));
  append(clear(box), [el("table", { class: "data", id: "actors-table" },
    el("tr", {}, ["Name", "Kind", "Country", "Title", "", "Events"].map((h) => el("th", { text: h }))), rows)]);
}

export function rolesChart(roles) {
  const dated = roles.filter((r) => r.start || r.end);
  if (!dated.length) return null;
  const year = (d) => { const p = String(d).split("-").map(Number); return p[0] + ((p[1] || 1) - 1) / 12 + ((p[2] || 1) - 1) / 365; };
  const now = new Date().getFullYear() + new Date().getMonth() / 12;
  const starts = dated.map((r) => (r.start ? year(r.start) : now - 10));
  const ends = dated.map((r) => (r.end ? year(r.end) : now));
  const lo = Math.floor(Math.min(...starts)), hi = Math.ceil(Math.max(...ends));
  const W = 900, row = 24, left = 260, H = dated.length * row + 30;
  const x = (v) => left + (v - lo) / Math.max(1, hi - lo) * (W - left - 20);
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "roles-chart", role: "img", "aria-label": "roles over time" });
  dated.forEach((r, i) => {
    const y = i * row + 4;
    g.appendChild(svg("text", { x: 4, y: y + 15, class: "axis", text: r.office + (r.country ? " (" + r.country + ")" : "") }));
    g.appendChild(svg("rect", { x: x(starts[i]), y: y, width: Math.max(2, x(ends[i]) - x(starts[i])), height: row - 8, rx: 3, fill: "#1f5f8b" },
      svg("title", { text: `${r.office}: ${r.start || "?"} – ${r.end || "now"}` })));
  });
  for (let t = lo; t <= hi; t += Math.max(1, Math.round((hi - lo) / 8))) {
    g.appendChild(svg("text", { x: x(t), y: H - 6, class: "axis", "text-anchor": "middle", text: String(t) }));
  }
  return el("div", { class: "chart-box" }, g);
}

export async function actorPage(id) {
  show(el("p", { class: "loading", text: "Loading actor…" }));
  let d;
  try { d = await api("/actors/" + encodeURIComponent(id)); } catch (err) { show(errorBox(err)); return; }
  const a = d.actor || {};
  const dl = el("dl", { class: "fields" });
  const fields = [["Kind", a.kind], ["Country", a.country], ["Title", a.title || "—"], ["Sector", a.sector || "—"],
    ["Knowledge base", a.provisional ? "no (provisional actor)" : "yes"], ["Also called", (d.aliases || []).join(", ") || "—"],
    ["Events", `${d.events}` + (d.first_date ? ` (${d.first_date} – ${d.last_date})` : "")]];
  if (a.provisional && a.evidence) fields.push(["First seen as", a.evidence]);
  for (const [k, v] of fields) { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", { text: v || "—" })); }
  const roles = d.roles || [];
  const rolesTable = roles.length ? el("table", { class: "data", id: "roles" },
    el("tr", {}, ["Office", "Country", "Organisation", "From", "To"].map((h) => el("th", { text: h }))),
    roles.map((r) => el("tr", {}, [r.office, r.country, r.organisation, r.start, r.end || "—"].map((v) => el("td", { text: v || "" })))))
    : el("p", { class: "muted", text: "No roles recorded." });
  const events = el("ul", { class: "events", id: "actor-events" }, (d.recent_events || []).map(eventRow));
  show(el("h1", { id: "actor-name", text: a.name }), dl,
    el("h2", { text: "Roles over time" }), rolesChart(roles), rolesTable,
    el("h2", {}, "Events ", hashLink("/", { actor: a.id }, "(all in the timeline)")), events);
}
