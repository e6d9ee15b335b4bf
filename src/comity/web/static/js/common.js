/* Comity web explorer — Pieces shared by the pages: event rows, filter forms, pager, evidence highlighting, default periods.
 *
 * Hand-written, no framework, no CDN, no build step. Data from the API (article text,
 * names, titles, snippets) only ever enters the page as text nodes (textContent /
 * createTextNode); no HTML-parsing DOM call is used anywhere.
 */
import { api, el, go, hashLink, show } from "./dom.js";

export const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
  "ASSAULT"];
export const FILTERS = ["actor", "country", "dyad", "type", "status", "date_from", "date_to",
  "place", "text"];
export const PAGE_SIZE = 50;
/* ------------------------------------------------------------------ shared bits */

export function names(entities) {
  return (entities || []).map((e) => e.name || e.text || e.id).join(", ") || "—";
}

export function entityLinks(entities) {
  const out = [];
  (entities || []).forEach((e, i) => {
    if (i) out.push(", ");
    out.push(hashLink("/actor/" + encodeURIComponent(e.id), null, e.name || e.text || e.id, "actor-link"));
    if (e.country && e.kind !== "country") out.push(el("span", { class: "muted", text: " (" + e.country + ")" }));
  });
  return out.length ? out : ["—"];
}

export function typeBadge(ev) {
  return el("span", { class: "badge q" + (ev.quad || 1), title: "CAMEO " + (ev.cameo || ""), text: ev.type });
}

export function eventRow(ev) {
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

export function intensityColor(v) {
  // -10 (conflict, red) .. +10 (cooperation, green)
  const t = Math.max(-1, Math.min(1, (Number(v) || 0) / 10));
  if (t >= 0) return `rgb(${Math.round(120 - 80 * t)}, ${Math.round(140 + 20 * t)}, ${Math.round(120 - 40 * t)})`;
  return `rgb(${Math.round(150 + 60 * -t)}, ${Math.round(110 - 60 * -t)}, ${Math.round(100 - 50 * -t)})`;
}

export function legend() {
  return el("div", { class: "legend" }, "Mean intensity:",
    el("span", { class: "sw", style: "background:" + intensityColor(-8) }), "conflict",
    el("span", { class: "sw", style: "background:" + intensityColor(0) }), "neutral",
    el("span", { class: "sw", style: "background:" + intensityColor(8) }), "cooperation");
}

export function filterForm(id, params, fields, onSubmit) {
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

export const eventFilterFields = [
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

export function pager(params, offset, total, path) {
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
export function sliceCodePoints(chars, start, end) {
  return chars.slice(start, end).join("");
}

/** The article text as DOM nodes with the spans [start, end) inside <mark>. */
export function markedText(text, spans, current) {
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

/* ------------------------------------------------------------------ default periods */

/**
 * Aggregate pages (network, dyad pairs) over a whole large database are slow, so without
 * dates they show the last ``days`` days up to the newest event; ``all=1`` lifts that.
 * Returns the params to query with and a note for the page (or null).
 */
export async function defaultPeriod(params, days, path) {
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
