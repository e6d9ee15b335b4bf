/* Comity web explorer — The API reference page, drawn from /openapi.json.
 *
 * Hand-written, no framework, no CDN, no build step. Data from the API (article text,
 * names, titles, snippets) only ever enters the page as text nodes (textContent /
 * createTextNode); no HTML-parsing DOM call is used anywhere.
 */
import { el, errorBox, show } from "./dom.js";

/* ------------------------------------------------------------------ API reference */

export function schemaText(sc) {
  if (!sc) return "";
  if (sc.anyOf) return sc.anyOf.map(schemaText).filter((t) => t && t !== "null").join(" or ");
  if (sc.enum) return sc.enum.join(" | ");
  return sc.format ? `${sc.type} (${sc.format})` : (sc.type || (sc.$ref ? sc.$ref.split("/").pop() : ""));
}

/** The API reference, drawn from /openapi.json (works offline, unlike /docs). */
export async function apiPage() {
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
