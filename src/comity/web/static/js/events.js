/* Comity web explorer — Timeline, event, document and search pages.
 *
 * Hand-written, no framework, no CDN, no build step. Data from the API (article text,
 * names, titles, snippets) only ever enters the page as text nodes (textContent /
 * createTextNode); no HTML-parsing DOM call is used anywhere.
 */
import { api, append, clear, docCache, el, errorBox, getDocument, go, hashLink, outsideLink, pick, show } from "./dom.js";
import { FILTERS, PAGE_SIZE, entityLinks, eventFilterFields, eventRow, filterForm, markedText, names, pager, sliceCodePoints, typeBadge } from "./common.js";

/* ------------------------------------------------------------------ timeline */

export async function timelinePage(params) {
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

export async function mentionBlock(m, i) {
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

export async function eventPage(id) {
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

export async function documentPage(id) {
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

export async function documentsPage(params) {
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

/* ------------------------------------------------------------------ search */

/** A search snippet: the store marks matched words as [[word]]; they become <mark>s. */
export function snippetNodes(snippet) {
  return String(snippet || "").split(/(\[\[[^\]]*\]\])/).map((part) =>
    /^\[\[.*\]\]$/.test(part) ? el("mark", { text: part.slice(2, -2) }) : document.createTextNode(part));
}

export async function searchPage(params) {
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
