/* Comity web explorer: a hand-written single-page front-end over the REST API.
 *
 * No framework, no CDN, no build step. Every piece of data from the API (article text,
 * names, titles, snippets) is put into the page as text nodes (textContent /
 * createTextNode), never parsed as HTML: this file uses no HTML-parsing DOM setter.
 */
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT"];
  const FILTERS = ["actor", "country", "dyad", "type", "status", "date_from", "date_to",
    "place", "text"];
  const PAGE_SIZE = 50;
  const main = () => document.getElementById("main");

  /* ------------------------------------------------------------------ DOM helpers */

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k === "style") node.style.cssText = String(v); // CSSOM: allowed by the CSP
      else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
  }

  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function show(...children) {
    append(clear(main()), children);
  }

  /** A link to an outside page: only http(s) URLs become links, the rest stay text. */
  function outsideLink(url, label) {
    if (typeof url === "string" && /^https?:\/\//i.test(url)) {
      return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: label || url });
    }
    return document.createTextNode(label || url || "");
  }

  function hashLink(path, params, label, cls) {
    return el("a", { href: hashFor(path, params), class: cls, text: label });
  }

  function hashFor(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") qs.set(k, v);
    }
    const q = qs.toString();
    return "#" + path + (q ? "?" + q : "");
  }

  /* ------------------------------------------------------------------ API */

  async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") qs.set(k, v);
    }
    const url = "/api" + path + (qs.toString() ? "?" + qs : "");
    const resp = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) {
      const msg = body && body.error && body.error.message ? body.error.message : resp.status + " " + resp.statusText;
      throw new Error(msg);
    }
    return body;
  }

  const docCache = new Map();
  function getDocument(id) {
    if (!docCache.has(id)) docCache.set(id, api("/documents/" + encodeURIComponent(id)));
    return docCache.get(id);
  }

  let worldPromise = null;
  function getWorld() {
    if (!worldPromise) {
      worldPromise = fetch("/static/world.geojson").then((r) => {
        if (!r.ok) throw new Error("cannot load the country outlines");
        return r.json();
      });
    }
    return worldPromise;
  }

  function errorBox(err) {
    return el("p", { class: "error", role: "alert", text: "Error: " + (err && err.message ? err.message : err) });
  }

  /* ------------------------------------------------------------------ shared bits */

  function names(entities) {
    return (entities || []).map((e) => e.name || e.text || e.id).join(", ") || "—";
  }

  function entityLinks(entities) {
    const out = [];
    (entities || []).forEach((e, i) => {
      if (i) out.push(", ");
      out.push(hashLink("/actor/" + encodeURIComponent(e.id), null, e.name || e.text || e.id, "actor-link"));
      if (e.country && e.kind !== "country") out.push(el("span", { class: "muted", text: " (" + e.country + ")" }));
    });
    return out.length ? out : ["—"];
  }

  function typeBadge(ev) {
    return el("span", { class: "badge q" + (ev.quad || 1), title: "CAMEO " + (ev.cameo || ""), text: ev.type });
  }

  function eventRow(ev) {
    const snippet = ev.mentions && ev.mentions.length ? ev.mentions[0].text : "";
    return el("li", { class: "event", "data-id": ev.id },
      el("div", { class: "headline" },
        typeBadge(ev),
        ev.mode ? el("span", { class: "muted", text: ev.mode }) : null,
        ev.status === "planned" ? el("span", { class: "badge planned", text: "planned" }) : null,
        el("span", {}, entityLinks(ev.actor)),
        el("span", { class: "muted", text: "→" }),
        el("span", {}, entityLinks(ev.recipient)),
        ev.location ? el("span", { class: "muted", text: "· " + ev.location.name }) : null,
        hashLink("/event/" + encodeURIComponent(ev.id), null, "details", "event-link"),
        el("span", { class: "muted", text: ev.num_mentions > 1 ? "· " + ev.num_mentions + " reports" : "" })),
      snippet ? el("div", { class: "snippet", text: snippet }) : null);
  }

  function intensityColor(v) {
    // -10 (conflict, red) .. +10 (cooperation, green)
    const t = Math.max(-1, Math.min(1, (Number(v) || 0) / 10));
    if (t >= 0) return `rgb(${Math.round(120 - 80 * t)}, ${Math.round(140 + 20 * t)}, ${Math.round(120 - 40 * t)})`;
    return `rgb(${Math.round(150 + 60 * -t)}, ${Math.round(110 - 60 * -t)}, ${Math.round(100 - 50 * -t)})`;
  }

  function legend() {
    return el("div", { class: "legend" }, "Mean intensity:",
      el("span", { class: "sw", style: "background:" + intensityColor(-8) }), "conflict",
      el("span", { class: "sw", style: "background:" + intensityColor(0) }), "neutral",
      el("span", { class: "sw", style: "background:" + intensityColor(8) }), "cooperation");
  }

  function filterForm(id, params, fields, onSubmit) {
    const form = el("form", { id: id, class: "filters" });
    for (const f of fields) {
      let input;
      if (f.options) {
        input = el("select", { name: f.name, id: "filter-" + f.name },
          f.options.map((o) => el("option", { value: o[0], text: o[1] })));
      } else {
        input = el("input", { name: f.name, id: "filter-" + f.name, type: f.type || "text", placeholder: f.placeholder || "" });
      }
      input.value = params.get(f.name) || f.default || "";
      form.appendChild(el("label", {}, f.label, input));
    }
    form.appendChild(el("button", { type: "submit", text: "Apply" }));
    form.appendChild(el("button", { type: "button", class: "plain", text: "Clear",
      onclick: () => { onSubmit(new URLSearchParams()); } }));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const out = new URLSearchParams();
      for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) out.set(k, String(v).trim());
      onSubmit(out);
    });
    return form;
  }

  const eventFilterFields = [
    { name: "actor", label: "Actor", placeholder: "name or id" },
    { name: "country", label: "Country", placeholder: "VNM" },
    { name: "dyad", label: "Dyad", placeholder: "VNM-KHM or A,B" },
    { name: "type", label: "Type", options: [["", "any"]].concat(TYPES.map((t) => [t, t])) },
    { name: "status", label: "Status", options: [["", "any"], ["occurred", "occurred"], ["planned", "planned"]] },
    { name: "date_from", label: "From", type: "date" },
    { name: "date_to", label: "To", type: "date" },
    { name: "place", label: "Place" },
    { name: "text", label: "Words" },
  ];

  function pick(params, keys) {
    const out = {};
    for (const k of keys) if (params.get(k)) out[k] = params.get(k);
    return out;
  }

  /* ------------------------------------------------------------------ timeline */

  async function timelinePage(params) {
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    const sort = params.get("sort") || "-date";
    const form = filterForm("filters", params, eventFilterFields.concat([
      { name: "sort", label: "Order", options: [["-date", "newest first"], ["date", "oldest first"],
        ["-intensity", "most cooperative"], ["intensity", "most conflictual"], ["-mentions", "most reported"]], default: "-date" },
    ]), (p) => go("/", p));
    const box = el("div", { id: "timeline" }, el("p", { class: "loading", text: "Loading events…" }));
    show(el("h1", { text: "Timeline of events" }), form, box);
    let data;
    try {
      data = await api("/events", Object.assign(pick(params, FILTERS), { limit: PAGE_SIZE, offset: offset, sort: sort }));
    } catch (err) { append(clear(box), [errorBox(err)]); return; }
    const from = data.total ? offset + 1 : 0;
    const summary = el("p", { class: "summary", id: "event-count",
      text: `${data.total} event${data.total === 1 ? "" : "s"}` + (data.total ? ` — showing ${from}–${offset + data.count}` : "") });
    const list = el("ol", { class: "timeline" });
    let currentDay = null, ul = null;
    for (const ev of data.items) {
      const day = ev.date || "undated";
      if (day !== currentDay) {
        currentDay = day;
        ul = el("ul", { class: "events" });
        list.appendChild(el("li", { class: "day" }, el("div", { class: "day-label", text: day === "undated" ? "No date given" : day }), ul));
      }
      ul.appendChild(eventRow(ev));
    }
    append(clear(box), [summary, data.total ? list : el("p", { class: "muted", text: "No event matches these filters." }),
      pager(params, offset, data.total, "/")]);
  }

  function pager(params, offset, total, path) {
    const prev = new URLSearchParams(params); prev.set("offset", String(Math.max(0, offset - PAGE_SIZE)));
    const next = new URLSearchParams(params); next.set("offset", String(offset + PAGE_SIZE));
    return el("div", { class: "pager" },
      el("button", { type: "button", class: "plain", id: "prev-page", disabled: offset <= 0 ? "disabled" : null,
        text: "← Newer", onclick: () => go(path, prev) }),
      el("button", { type: "button", class: "plain", id: "next-page", disabled: offset + PAGE_SIZE >= total ? "disabled" : null,
        text: "Older →", onclick: () => go(path, next) }));
  }

  /* ------------------------------------------------------------------ event page */

  /** Python offsets count code points; JavaScript strings count UTF-16 units. */
  function sliceCodePoints(chars, start, end) {
    return chars.slice(start, end).join("");
  }

  /** The article text as DOM nodes with the spans [start, end) inside <mark>. */
  function markedText(text, spans, current) {
    const chars = Array.from(text || "");
    const nodes = [];
    let pos = 0;
    const sorted = spans.filter((s) => s.start >= 0 && s.end <= chars.length && s.start < s.end)
      .sort((a, b) => a.start - b.start);
    for (const s of sorted) {
      if (s.start < pos) continue; // overlapping span: keep the first
      nodes.push(document.createTextNode(sliceCodePoints(chars, pos, s.start)));
      const mark = el("mark", { class: "evidence" + (s.current ? " current" : ""), "data-event": s.event || null,
        title: s.event ? "event " + s.event : null });
      const spanText = sliceCodePoints(chars, s.start, s.end);
      if (s.event && !s.current) mark.appendChild(hashLink("/event/" + encodeURIComponent(s.event), null, spanText));
      else mark.textContent = spanText;
      nodes.push(mark);
      pos = s.end;
    }
    nodes.push(document.createTextNode(sliceCodePoints(chars, pos, chars.length)));
    return nodes;
  }

  async function mentionBlock(m, i) {
    const block = el("article", { class: "mention", "data-doc": m.doc });
    let doc = null;
    try { doc = await getDocument(m.doc); } catch (err) { doc = null; }
    const s = doc && doc.summary ? doc.summary : {};
    block.appendChild(el("h3", {}, `Report ${i + 1}: `, s.title ? outsideLink(s.url || m.url, s.title) : outsideLink(m.url, m.doc)));
    block.appendChild(el("div", { class: "muted" },
      [s.source || m.source, s.story_date, "sentence " + (m.sentence + 1)].filter(Boolean).join(" · "), " · ",
      hashLink("/document/" + encodeURIComponent(m.doc), null, "whole article")));
    const text = el("div", { class: "article-text" });
    const chars = doc ? Array.from(doc.text || "") : [];
    if (doc && sliceCodePoints(chars, m.start, m.end).length) {
      append(text, markedText(doc.text, [{ start: m.start, end: m.end, current: true }]));
    } else {
      // the document is not stored: show the evidence sentence alone
      append(text, [el("mark", { class: "evidence current", text: m.text })]);
    }
    block.appendChild(text);
    return block;
  }

  async function eventPage(id) {
    show(el("p", { class: "loading", text: "Loading event…" }));
    let ev;
    try { ev = await api("/events/" + encodeURIComponent(id)); } catch (err) { show(errorBox(err)); return; }
    const loc = ev.location;
    const fields = [
      ["Date", (ev.date || "no day given") + (ev.date_text ? ` (“${ev.date_text}”)` : "")],
      ["Status", ev.status],
      ["Type", `${ev.type}${ev.mode ? " / " + ev.mode : ""} — CAMEO ${ev.cameo}`],
      ["Actor", entityLinks(ev.actor)],
      ["Recipient", entityLinks(ev.recipient)],
      ["Participants", entityLinks(ev.participants)],
      ["Place", loc ? `${loc.name}${loc.country ? " (" + loc.country + ")" : ""}` +
        (loc.lat !== null && loc.lat !== undefined ? ` — ${Number(loc.lat).toFixed(2)}, ${Number(loc.lon).toFixed(2)}` : "") : "—"],
      ["Intensity", `${ev.intensity} (Goldstein ${ev.goldstein}, quad ${ev.quad})`],
      ["Context", (ev.context || []).join(", ") || "—"],
      ["Reports", `${ev.num_mentions} mention(s) from ${ev.num_sources} source(s)`],
      ["Story date", ev.story_date || "—"],
      ["Related", (ev.links || []).length ? ev.links.map((l, i) => [i ? ", " : "", hashLink("/event/" + encodeURIComponent(l), null, l)]) : "—"],
    ];
    const dl = el("dl", { class: "fields" });
    for (const [k, v] of fields) { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", {}, v)); }
    const mentions = el("section", { id: "mentions" });
    show(el("h1", { id: "event-title" }, typeBadge(ev), " ", names(ev.actor), " → ", names(ev.recipient)),
      dl, el("h2", { text: `Reports (${(ev.mentions || []).length})` }), mentions);
    const blocks = await Promise.all((ev.mentions || []).map(mentionBlock));
    append(mentions, blocks);
    const first = mentions.querySelector("mark.evidence");
    if (first && first.scrollIntoView) {
      const box = first.closest(".article-text");
      if (box) box.scrollTop = Math.max(0, first.offsetTop - box.offsetTop - 40);
    }
  }

  /* ------------------------------------------------------------------ document page */

  async function documentPage(id) {
    show(el("p", { class: "loading", text: "Loading article…" }));
    let doc;
    try { doc = await getDocument(id); } catch (err) { docCache.delete(id); show(errorBox(err)); return; }
    const s = doc.summary || {};
    const spans = (doc.evidence || []).map((e) => ({ event: e.event, start: e.start, end: e.end }));
    show(el("h1", { id: "document-title", text: s.title || s.id }),
      el("p", { class: "muted" }, [s.source, s.story_date, `${spans.length} evidence span(s)`].filter(Boolean).join(" · "),
        s.url ? [" · ", outsideLink(s.url, "original")] : null),
      el("div", { class: "article-text full", id: "document-text" }, markedText(doc.text, spans)));
  }

  async function documentsPage(params) {
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    show(el("h1", { text: "Documents" }), el("p", { class: "loading", text: "Loading…" }));
    let data;
    try { data = await api("/documents", { limit: PAGE_SIZE, offset: offset }); } catch (err) { show(errorBox(err)); return; }
    const rows = data.items.map((d) => el("tr", {},
      el("td", {}, hashLink("/document/" + encodeURIComponent(d.id), null, d.title || d.id)),
      el("td", { text: d.source || "" }), el("td", { text: d.story_date || "" }), el("td", { text: String(d.events) })));
    show(el("h1", { text: "Documents" }),
      el("table", { class: "data" }, el("tr", {}, ["Title", "Source", "Date", "Events"].map((h) => el("th", { text: h }))), rows),
      pager(params, offset, data.more ? offset + PAGE_SIZE + 1 : offset + data.count, "/documents"));
  }

  /* ------------------------------------------------------------------ actors */

  async function actorsPage(params) {
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

  function rolesChart(roles) {
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

  async function actorPage(id) {
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

  /* ------------------------------------------------------------------ default periods */

  /**
   * Aggregate pages (network, dyad pairs) over a whole large database are slow, so without
   * dates they show the last ``days`` days up to the newest event; ``all=1`` lifts that.
   * Returns the params to query with and a note for the page (or null).
   */
  async function defaultPeriod(params, days, path) {
    if (params.get("date_from") || params.get("date_to") || params.get("all") === "1") return [params, null];
    const latest = await api("/events", { limit: 1, sort: "-date" });
    const day = latest.items.length ? latest.items[0].date : null;
    if (!day) return [params, null];
    const to = new Date(day + "T00:00:00Z");
    const from = new Date(to.getTime() - days * 86400000);
    const out = new URLSearchParams(params);
    out.set("date_from", from.toISOString().slice(0, 10));
    out.set("date_to", day);
    const all = new URLSearchParams(params); all.set("all", "1");
    const note = el("p", { class: "muted", id: "period-note" },
      `Showing the ${days} days up to the newest event (${out.get("date_from")} – ${day}). `,
      el("a", { href: "#" + path + "?" + all.toString(), text: "Show all time" }), " (slow on large databases).");
    return [out, note];
  }

  /* ------------------------------------------------------------------ network */

  /** A deterministic force-directed layout (Fruchterman-Reingold), written by hand. */
  function forceLayout(nodes, edges, W, H) {
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

  async function networkPage(given) {
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

  function ringPath(ring) {
    return "M" + ring.map((p) => p[0].toFixed(2) + "," + (-p[1]).toFixed(2)).join("L") + "Z";
  }

  async function mapPage(params) {
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

  async function dyadPage(given) {
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

  function monthRange(period) {
    const m = /^(\d{4})-(\d{2})$/.exec(period || "");
    if (!m) return {};
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { date_from: `${m[1]}-${m[2]}-01`, date_to: `${m[1]}-${m[2]}-${String(last).padStart(2, "0")}` };
  }

  /* ------------------------------------------------------------------ search */

  /** A search snippet: the store marks matched words as [[word]]; they become <mark>s. */
  function snippetNodes(snippet) {
    return String(snippet || "").split(/(\[\[[^\]]*\]\])/).map((part) =>
      /^\[\[.*\]\]$/.test(part) ? el("mark", { text: part.slice(2, -2) }) : document.createTextNode(part));
  }

  async function searchPage(params) {
    const q = params.get("q") || "";
    document.getElementById("search-input").value = q;
    show(el("h1", { text: `Search: ${q}` }), el("p", { class: "loading", text: "Searching…" }));
    if (!q) { show(el("h1", { text: "Search" }), el("p", { class: "muted", text: "Type words in the search box." })); return; }
    let data;
    try { data = await api("/search", { q: q, limit: 50 }); } catch (err) { show(el("h1", { text: "Search" }), errorBox(err)); return; }
    const list = el("ol", { id: "search-results" }, data.items.map((h) => el("li", {},
      hashLink("/document/" + encodeURIComponent(h.doc_id), null, h.title || h.doc_id), el("div", { class: "snippet muted" }, snippetNodes(h.snippet)))));
    show(el("h1", { text: `Search: ${q}` }), el("p", { class: "summary", text: `${data.count} article(s)` }), list,
      el("p", {}, hashLink("/", { text: q }, "Events whose reports contain these words")));
  }

  /* ------------------------------------------------------------------ API reference */

  function schemaText(sc) {
    if (!sc) return "";
    if (sc.anyOf) return sc.anyOf.map(schemaText).filter((t) => t && t !== "null").join(" or ");
    if (sc.enum) return sc.enum.join(" | ");
    return sc.format ? `${sc.type} (${sc.format})` : (sc.type || (sc.$ref ? sc.$ref.split("/").pop() : ""));
  }

  /** The API reference, drawn from /openapi.json (works offline, unlike /docs). */
  async function apiPage() {
    show(el("h1", { text: "API reference" }), el("p", { class: "loading", text: "Loading…" }));
    let spec;
    try {
      const r = await fetch("/openapi.json");
      if (!r.ok) throw new Error("cannot load /openapi.json");
      spec = await r.json();
    } catch (err) { show(errorBox(err)); return; }
    const sections = [];
    for (const [path, methods] of Object.entries(spec.paths || {})) {
      for (const [method, op] of Object.entries(methods)) {
        const params = (op.parameters || []).map((p) => el("tr", {},
          el("td", {}, el("code", { text: p.name })), el("td", { text: p.in }), el("td", { text: p.required ? "yes" : "" }),
          el("td", { text: schemaText(p.schema) + (p.schema && p.schema.default !== undefined ? ` = ${p.schema.default}` : "") }),
          el("td", { text: p.description || "" })));
        sections.push(el("section", { class: "endpoint" },
          el("h2", {}, el("code", { text: `${method.toUpperCase()} ${path}` }), " — ", op.summary || ""),
          op.description ? el("p", { class: "muted", text: op.description }) : null,
          params.length ? el("table", { class: "data" }, el("tr", {}, ["Parameter", "In", "Required", "Type", "Meaning"].map((h) => el("th", { text: h }))), params) : null,
          op.requestBody ? el("p", { class: "muted", text: "Body: JSON (see the schema in /openapi.json)." }) : null));
      }
    }
    show(el("h1", { text: `API reference — ${spec.info.title} ${spec.info.version}` }),
      el("p", { class: "muted" }, spec.info.description || "", " Machine-readable: ", el("a", { href: "/openapi.json", text: "/openapi.json" }), "."),
      sections);
  }

  /* ------------------------------------------------------------------ router */

  function go(path, params) {
    const qs = params && params.toString ? params.toString() : "";
    const target = "#" + path + (qs ? "?" + qs : "");
    if (location.hash === target) route(); else location.hash = target;
  }

  async function route() {
    const raw = location.hash.replace(/^#/, "") || "/";
    const qi = raw.indexOf("?");
    const path = qi >= 0 ? raw.slice(0, qi) : raw;
    const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : "");
    const parts = path.split("/").filter(Boolean);
    const page = parts[0] || "timeline";
    const arg = parts.length > 1 ? decodeURIComponent(parts.slice(1).join("/")) : null;
    for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.page === page);
    document.body.dataset.page = page;
    document.body.dataset.ready = "no";
    try {
      if (page === "timeline" || page === "events") await timelinePage(params);
      else if (page === "event" && arg) await eventPage(arg);
      else if (page === "network") await networkPage(params);
      else if (page === "map") await mapPage(params);
      else if (page === "dyad") await dyadPage(params);
      else if (page === "actors") await actorsPage(params);
      else if (page === "actor" && arg) await actorPage(arg);
      else if (page === "documents") await documentsPage(params);
      else if (page === "document" && arg) await documentPage(arg);
      else if (page === "search") await searchPage(params);
      else if (page === "api") await apiPage();
      else show(el("h1", { text: "Not found" }), el("p", { class: "error", text: `There is no page “${path}”.` }));
    } catch (err) {
      show(errorBox(err));
    }
    document.body.dataset.ready = "yes";
  }

  window.addEventListener("hashchange", route);
  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("search-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const q = document.getElementById("search-input").value.trim();
      go("/search", new URLSearchParams(q ? { q: q } : {}));
    });
    route();
  });
})();
