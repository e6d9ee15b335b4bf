/* Comity web explorer — DOM building (text nodes only), links, and the JSON API client.
 *
 * Hand-written, no framework, no CDN, no build step. Data from the API (article text,
 * names, titles, snippets) only ever enters the page as text nodes (textContent /
 * createTextNode); no HTML-parsing DOM call is used anywhere.
 */

export const SVG_NS = "http://www.w3.org/2000/svg";
export const main = () => document.getElementById("main");
/* ------------------------------------------------------------------ DOM helpers */

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k === "style") node.style.cssText = String(v); // CSSOM: allowed by the CSP
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function show(...children) {
  append(clear(main()), children);
}

/** A link to an outside page: only http(s) URLs become links, the rest stay text. */
export function outsideLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", text: label || url });
  }
  return document.createTextNode(label || url || "");
}

export function hashLink(path, params, label, cls) {
  return el("a", { href: hashFor(path, params), class: cls, text: label });
}

export function hashFor(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") qs.set(k, v);
  }
  const q = qs.toString();
  return "#" + path + (q ? "?" + q : "");
}

/* ------------------------------------------------------------------ API */

export async function api(path, params) {
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

export const docCache = new Map();
export function getDocument(id) {
  if (!docCache.has(id)) docCache.set(id, api("/documents/" + encodeURIComponent(id)));
  return docCache.get(id);
}

export let worldPromise = null;
export function getWorld() {
  if (!worldPromise) {
    worldPromise = fetch("/static/world.geojson").then((r) => {
      if (!r.ok) throw new Error("cannot load the country outlines");
      return r.json();
    });
  }
  return worldPromise;
}

export function errorBox(err) {
  return el("p", { class: "error", role: "alert", text: "Error: " + (err && err.message ? err.message : err) });
}

export function pick(params, keys) {
  const out = {};
  for (const k of keys) if (params.get(k)) out[k] = params.get(k);
  return out;
}

/** Show ``path`` with ``params``; re-renders when the address is already that. */
export function go(path, params) {
  const qs = params && params.toString ? params.toString() : "";
  const target = "#" + path + (qs ? "?" + qs : "");
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = target;
}
