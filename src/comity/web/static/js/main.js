/* Comity web explorer — Entry point: the hash router.
 *
 * Hand-written, no framework, no CDN, no build step. Data from the API (article text,
 * names, titles, snippets) only ever enters the page as text nodes (textContent /
 * createTextNode); no HTML-parsing DOM call is used anywhere.
 */
import { el, errorBox, go, show } from "./dom.js";
import { documentPage, documentsPage, eventPage, searchPage, timelinePage } from "./events.js";
import { actorPage, actorsPage } from "./actors.js";
import { dyadPage, mapPage, networkPage } from "./charts.js";
import { apiPage } from "./apiref.js";

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
