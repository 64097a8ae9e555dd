// Sitrep dashboard. An ES module over two vendored libraries loaded before it: Leaflet (the map, global L)
// and uPlot (the timeline, global uPlot).
// Every piece of data (article text, names, claims) is untrusted: it reaches the page only as
// text nodes or attribute values (textContent, setAttribute), never as markup.

import { LANGUAGES, TEXTS } from "./i18n.js";
import { startLive } from "./live.js";
import { showSources } from "./sources.js";

const TAXONOMY = {
  "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
  "Statements": ["Appeal", "Support", "Accusation", "Denial", "Claim of responsibility", "Threat", "Diplomatic contact"],
};
const FAMILIES = Object.keys(TAXONOMY);
const STATUSES = ["current", "historical", "future", "hypothetical", "negated"];

const TYPE_CLASS = {
  "Battles": "t-battles",
  "Explosions/Remote violence": "t-explosions",
  "Violence against civilians": "t-violence",
  "Protests": "t-protests",
  "Riots": "t-riots",
  "Strategic developments": "t-strategic",
  "Statements": "t-statements",
};
// The same colours as app.css (the canvas of the timeline and the clusters' rings need them in script).
const TYPE_COLOUR = {
  "Battles": "#b03045",
  "Explosions/Remote violence": "#a84f0c",
  "Violence against civilians": "#7d3c98",
  "Protests": "#1f6fbf",
  "Riots": "#0e7a66",
  "Strategic developments": "#5f6b6d",
  "Statements": "#2e7d46",
};

const SPAN_KINDS = ["event", "place", "actor", "casualty", "attribution", "claim", "number", "date", "weapon", "trigger"];
const PAGE_SIZE = 25;
const FILTER_NAMES = ["from", "to", "country", "type", "status", "actor", "minFatalities", "minRelevance", "text", "bbox"];
// View settings kept in the URL besides the filters, so that a shared link shows the same view.
const VIEW_NAMES = ["lang", "offset", "bucket", "scale", "cols", "sort", "map", "unit"];
const COLUMNS = ["date", "event", "location", "admin1", "country", "fatalities", "status", "claims", "confidence", "article"];
const DEFAULT_COLUMNS = ["date", "event", "location", "country", "fatalities", "status", "claims", "article"];
const INCIDENT_ROWS = 10;

/**
 * What the map and the timeline count: incidents (each real event once, however many articles tell of it) unless
 * the URL asks for the raw events (unit=events).
 */
const countUnit = (params) => (params.get("unit") === "events" ? "events" : "incidents");

// ---------- language ----------

let lang = "en";
function t(key, ...args) {
  const value = TEXTS[lang][key] ?? TEXTS.en[key] ?? key;
  return typeof value === "function" ? value(...args) : value;
}
const family = (type) => TEXTS[lang].families[type] ?? type;
const statusText = (status) => TEXTS[lang].statuses[status] ?? status;
const locale = () => (lang === "ro" ? "ro-RO" : "en-GB");

/** The language's decimal mark ("," in Romanian), as Intl writes 0.5. */
const decimalMark = () => new Intl.NumberFormat(locale()).formatToParts(0.5).find((p) => p.type === "decimal")?.value ?? ".";

function fmt(n) {
  return n === null || n === undefined ? "–" : new Intl.NumberFormat(locale()).format(Number(n));
}

function formatDay(iso) {
  const date = new Date(iso + "T00:00:00Z");
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale(), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

function formatMonth(iso) {
  const date = new Date(iso.slice(0, 7) + "-01T00:00:00Z");
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

// Country names in the interface's language, from the browser's own CLDR data; the API gives codes and English names.
let countries = [];
let countryByIso3 = new Map();
let namesLoaded = Promise.resolve();
function countryName(iso3) {
  const c = countryByIso3.get(iso3);
  if (!c) return iso3 ?? "–";
  try {
    return new Intl.DisplayNames([lang], { type: "region" }).of(c.iso2) ?? c.name;
  } catch {
    return c.name;
  }
}
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

/** The ISO3 code of what the user typed (a code, or a name in English or Romanian), or null. */
function resolveCountry(value) {
  const key = fold(value);
  if (!key) return null;
  for (const c of countries) {
    if (fold(c.iso3) === key || fold(c.iso2) === key || fold(c.name) === key) return c.iso3;
    for (const l of LANGUAGES) {
      try {
        if (fold(new Intl.DisplayNames([l], { type: "region" }).of(c.iso2) ?? "") === key) return c.iso3;
      } catch { /* a code the browser does not know */ }
    }
  }
  return null;
}

// ---------- DOM helpers (the only way this file creates elements) ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function fatalitiesText(low, best, high) {
  if (best === null && low === null && high === null) return "–";
  if (low === high || high === null) return fmt(best ?? low);
  return `${fmt(best ?? low)} (${fmt(low)}–${fmt(high)})`;
}

function dateText(event) {
  if (!event.dateStart) return t("undated");
  if (event.datePrecision === "day" || event.dateStart === event.dateEnd) return formatDay(event.dateStart);
  if (event.datePrecision === "month") return formatMonth(event.dateStart);
  return `${formatDay(event.dateStart)} … ${formatDay(event.dateEnd)}`;
}

function typeBadge(eventType, subEventType) {
  return el("span", { class: ["badge", TYPE_CLASS[eventType] ?? "t-other"], title: family(eventType) }, subEventType || eventType);
}

/** A refused request: the API's problem detail, and each refused parameter. */
class ApiError extends Error {
  constructor(path, status, detail, errors) {
    super(detail ?? `HTTP ${status}`);
    this.path = path;
    this.status = status;
    this.errors = errors ?? {};
  }
}

async function api(path, signal) {
  const response = await fetch(path, { headers: { Accept: "application/json" }, signal });
  if (!response.ok) {
    // Errors come as RFC 9457 problem documents; their detail names the filter that was refused.
    let detail = null;
    let errors = null;
    try {
      const problem = await response.json();
      detail = problem.detail ?? problem.title ?? null;
      errors = problem.errors ?? null;
    } catch {
      // not JSON: keep the status
    }
    throw new ApiError(path, response.status, detail, errors);
  }
  return response.json();
}

// ---------- routing and the URL ----------

function currentRoute() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = hash.split("?");
  return { parts: path.split("/").filter(Boolean), params: new URLSearchParams(query) };
}

function filterParams(params) {
  const filters = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters.set(name, value);
  }
  return filters;
}

/** A link inside the dashboard that keeps the interface's language. */
function link(path, params = new URLSearchParams()) {
  const query = new URLSearchParams(params);
  if (lang !== "en") query.set("lang", lang); else query.delete("lang");
  const text = query.toString();
  return `#${path}${text ? "?" + text : ""}`;
}

/** The current view with some parameters changed (null removes one); a new history entry, so Back returns. */
function navigate(changes, path = null) {
  const { parts, params } = currentRoute();
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") params.delete(name); else params.set(name, String(value));
  }
  location.hash = link(path ?? "/" + parts.join("/"), params);
}

/** Changes a view setting in the URL without a history entry or a new render (the map's position). */
function replaceParam(name, value) {
  const { parts, params } = currentRoute();
  if (value === null) params.delete(name); else params.set(name, value);
  const text = params.toString();
  history.replaceState(null, "", `#/${parts.join("/")}${text ? "?" + text : ""}`);
}

function applyLanguage(params) {
  lang = LANGUAGES.includes(params.get("lang")) ? params.get("lang") : "en";
  document.documentElement.setAttribute("lang", lang);
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.getAttribute("data-i18n"));
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.setAttribute("placeholder", t(node.getAttribute("data-i18n-placeholder")));
  const { parts } = currentRoute();
  for (const l of LANGUAGES) {
    const other = new URLSearchParams(params);
    if (l === "en") other.delete("lang"); else other.set("lang", l);
    const text = other.toString();
    const anchor = document.getElementById(`lang-${l}`);
    anchor.setAttribute("href", `#/${parts.join("/")}${text ? "?" + text : ""}`);
    if (l === lang) anchor.setAttribute("aria-current", "true"); else anchor.removeAttribute("aria-current");
  }
  document.getElementById("nav-overview").setAttribute("href", link("/"));
  document.getElementById("nav-sources").setAttribute("href", link("/sources"));
  document.querySelector(".brand").setAttribute("href", link("/"));
  fillTypeSelect();
  fillStatusSelect();
  fillCountryList();
}

function fillTypeSelect() {
  const select = document.getElementById("type-select");
  const chosen = select.value;
  clear(select);
  select.appendChild(el("option", { value: "" }, t("any")));
  // The taxonomy as a tree: each family is a group whose first choice is the whole family.
  for (const [type, subTypes] of Object.entries(TAXONOMY)) {
    const group = el("optgroup", { label: family(type) });
    group.appendChild(el("option", { value: type }, `${family(type)} (${t("allOf")})`));
    for (const sub of subTypes) group.appendChild(el("option", { value: sub }, `\u2003${sub}`));
    select.appendChild(group);
  }
  select.value = chosen;
}

function fillStatusSelect() {
  const select = document.getElementById("status-select");
  const chosen = select.value;
  clear(select);
  select.appendChild(el("option", { value: "" }, t("any")));
  for (const status of STATUSES) select.appendChild(el("option", { value: status }, statusText(status)));
  select.value = chosen;
}

function fillCountryList() {
  const list = document.getElementById("country-names");
  clear(list);
  const names = countries.map((c) => ({ iso3: c.iso3, name: countryName(c.iso3) })).sort((a, b) => a.name.localeCompare(b.name, locale()));
  for (const c of names) list.appendChild(el("option", { value: c.name }, c.iso3));
}

function fillFilterForm(params) {
  const form = document.getElementById("filters");
  for (const name of FILTER_NAMES) {
    const value = params.get(name) ?? "";
    // A country the URL gives as a code is shown by its name in the interface's language; a relevance with the
    // language's decimal mark (the URL and the API always use a dot).
    form.elements[name].value = name === "country" && countryByIso3.has(value) ? countryName(value)
      : name === "minRelevance" ? value.replace(".", decimalMark()) : value;
  }
  const query = filterParams(params).toString();
  document.getElementById("export-link").setAttribute("href", `/api/export?format=acled-csv${query ? "&" + query : ""}`);
  document.getElementById("export-geojson").setAttribute("href", `/api/export?format=geojson${query ? "&" + query : ""}`);
}

function showFilterError(messages) {
  const box = document.getElementById("filter-error");
  clear(box);
  if (!messages || messages.length === 0) {
    box.hidden = true;
    for (const input of document.querySelectorAll("#filters [aria-invalid]")) input.removeAttribute("aria-invalid");
    return;
  }
  box.hidden = false;
  box.appendChild(el("strong", {}, t("invalidFilters")));
  box.appendChild(el("ul", {}, messages.map((m) => el("li", {}, m.text))));
  for (const m of messages) {
    const input = m.name ? document.querySelector(`#filters [name="${m.name}"]`) : null;
    if (input) input.setAttribute("aria-invalid", "true");
  }
}

function setupChrome() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await namesLoaded;
    const changes = { offset: null };
    const problems = [];
    for (const name of FILTER_NAMES) {
      let value = form.elements[name].value.trim();
      if (name === "country" && value) {
        // A name in either language or a code becomes the ISO3 code; anything else goes to the API, which says why not.
        value = resolveCountry(value) ?? value;
      }
      // Romanian writes 0,5 where the API reads 0.5.
      if (name === "minRelevance") value = value.replace(",", ".");
      changes[name] = value || null;
    }
    showFilterError(problems);
    navigate(changes, "/");
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    form.reset();
    const changes = { offset: null };
    for (const name of FILTER_NAMES) changes[name] = null;
    navigate(changes, "/");
  });
  const menu = document.getElementById("menu-button");
  menu.addEventListener("click", () => {
    const open = menu.getAttribute("aria-expanded") !== "true";
    menu.setAttribute("aria-expanded", open ? "true" : "false");
    document.getElementById("topnav").classList.toggle("open", open);
  });
}

let lastRendered = null;

async function route() {
  const view = document.getElementById("view");
  const { parts, params } = currentRoute();
  applyLanguage(params);
  fillFilterForm(params);
  showFilterError(null);
  lastRendered = location.hash;
  clear(view);
  view.appendChild(el("div", { class: "loading" }, t("loading")));
  try {
    if (parts[0] === "event" && /^\d+$/.test(parts[1] ?? "")) await showEvent(view, parts[1]);
    else if (parts[0] === "document" && /^\d+$/.test(parts[1] ?? "")) await showDocument(view, parts[1], params.get("event"), params.get("span"));
    else if (parts[0] === "incident" && /^[A-Za-z0-9-]+$/.test(parts[1] ?? "")) await showIncident(view, parts[1]);
    else if (parts[0] === "country" && /^[A-Za-z]{3}$/.test(parts[1] ?? "")) await showCountry(view, parts[1].toUpperCase(), params);
    else if (parts[0] === "sources") await showSources(view, { api, el, t, clear, fmt, link, locale });
    else await showOverview(view, params);
  } catch (error) {
    if (error.name === "AbortError") return;
    clear(view);
    if (error instanceof ApiError && error.status === 400) {
      // A refused filter: the API's message next to the filters, and the view says nothing matched.
      const messages = Object.entries(error.errors).flatMap(([name, texts]) => texts.map((text) => ({ name, text })));
      showFilterError(messages.length ? messages : [{ name: null, text: error.message }]);
      view.appendChild(el("div", { class: "card error" }, `${t("couldNotLoad")} ${error.message}`));
    } else {
      view.appendChild(el("div", { class: "card error" }, `${t("couldNotLoad")} ${error.message}`));
    }
  }
  if (!params.has("map")) window.scrollTo(0, 0);
}

// ---------- overview: stats, map, sides, timeline, table ----------

let worldPromise = null;
function loadWorld() {
  worldPromise ??= fetch("/geo/countries-110m.geojson").then((r) => r.json());
  return worldPromise;
}

async function showOverview(view, params) {
  const filters = filterParams(params);
  const query = filters.toString();
  const offset = Math.max(0, parseInt(params.get("offset") ?? "0", 10) || 0);
  const bucket = ["day", "week", "month"].includes(params.get("bucket")) ? params.get("bucket") : "day";
  // The map and the table come first; statistics and the timeline fill their cards when they arrive
  // (over a large store they take longest).
  const statsPromise = api(`/api/stats?${query}`);
  const unit = countUnit(params);
  const timelinePromise = api(`/api/timeline?${query}${query ? "&" : ""}bucket=${bucket}&unit=${unit}`);
  statsPromise.catch(() => {});
  timelinePromise.catch(() => {});
  const tablePromise = api(`/api/events?${query}${query ? "&" : ""}limit=${PAGE_SIZE}&offset=${offset}`);
  tablePromise.catch(() => {});
  // The newest incidents beside the events when incidents are counted (a store without any shows no card).
  const incidentsPromise = unit === "incidents" ? api(`/api/incidents?${query}${query ? "&" : ""}limit=${INCIDENT_ROWS}`) : Promise.resolve(null);
  incidentsPromise.catch(() => {});
  // The world's outlines are not awaited: the map asks for its clusters first and draws the outlines when they come.
  const world = loadWorld();
  clear(view);
  view.appendChild(el("h1", { class: "visually-hidden" }, t("overview")));
  const statsSlot = el("section", { class: "stats", "aria-label": t("overview") }, el("div", { class: "stat loading" }, t("loading")));
  const sidesSlot = el("div", {}, el("p", { class: "muted" }, t("loading")));
  const timelineSlot = el("div", {}, el("section", { class: "card" }, el("h2", {}, t("timeline")), el("p", { class: "muted" }, t("loading"))));
  const tableSlot = el("div", {}, el("section", { class: "card" }, el("h2", {}, t("eventsTitle")), el("p", { class: "muted" }, t("loading"))));
  const incidentsSlot = el("div", {});
  view.appendChild(statsSlot);
  const mapCard = el("section", { class: "card map-card", "aria-labelledby": "map-title" });
  view.appendChild(el("div", { class: "grid-2" },
    mapCard,
    el("section", { class: "card", "aria-labelledby": "sides-title" },
      el("h2", { id: "sides-title" }, t("fatalitiesBySide"), " ", el("span", { class: "muted" }, t("claimedCurrent"))),
      sidesSlot)));
  view.appendChild(timelineSlot);
  view.appendChild(incidentsSlot);
  view.appendChild(tableSlot);
  // The map asks for its clusters at once, beside the table.
  buildMap(mapCard, world, filters, params);
  const failed = (slot) => (error) => { clear(slot); slot.appendChild(el("p", { class: "muted" }, `${t("couldNotLoad")} ${error.message}`)); };
  statsPromise.then((stats) => {
    statsSlot.replaceWith(statCards(stats));
    clear(sidesSlot);
    append(sidesSlot, [
      sideBars(stats.bySide, null),
      el("h2", {}, t("byCountry")),
      sideBars(stats.byCountry, (key) => (countryByIso3.has(key) ? link(`/country/${key}`) : null), (key) => (countryByIso3.has(key) ? countryName(key) : key))]);
  }, failed(sidesSlot));
  timelinePromise.then((data) => {
    clear(timelineSlot);
    timelineSlot.appendChild(timelineCard(data, params));
  }, failed(timelineSlot));
  incidentsPromise.then((page) => {
    if (page && page.total > 0) incidentsSlot.appendChild(incidentsTable(page));
  }, failed(incidentsSlot));
  // A refused filter rejects the table too: the route shows the API's message.
  const tablePage = await tablePromise;
  clear(tableSlot);
  tableSlot.appendChild(eventsTable(tablePage, filters, offset, params));
}

/**
 * New events were stored while the dashboard is open (live.js): the overview reads its table and counts again
 * in place (same filters, page and sort; the map keeps its position), marking the rows that are new; the
 * Sources page reads its counts again. Other views are left as they are.
 */
async function refreshLive(message) {
  const { parts, params } = currentRoute();
  const shown = location.hash;
  if (parts[0] === "sources") {
    const view = document.getElementById("view");
    await showSources(view, { api, el, t, clear, fmt, link, locale });
    return;
  }
  if (parts.length > 0 || !document.getElementById("events-table")) return;
  const filters = filterParams(params);
  const query = filters.toString();
  const offset = Math.max(0, parseInt(params.get("offset") ?? "0", 10) || 0);
  const [page, stats] = await Promise.all([
    api(`/api/events?${query}${query ? "&" : ""}limit=${PAGE_SIZE}&offset=${offset}`),
    api(`/api/stats?${query}`)]);
  // The reader moved on while this was read.
  if (location.hash !== shown) return;
  const fresh = eventsTable(page, filters, offset, params);
  const added = new Set(message.events.map((e) => String(e.id)));
  for (const row of fresh.querySelectorAll("tr.event-row")) if (added.has(row.getAttribute("data-event-id"))) row.classList.add("new");
  document.getElementById("events-table")?.closest("section.card")?.replaceWith(fresh);
  document.querySelector("#view > section.stats")?.replaceWith(statCards(stats));
}

function statCards(stats) {
  const card = (label, value, note) => el("div", { class: "stat" }, el("div", { class: "stat-value" }, value), el("div", { class: "stat-label" }, label), note ? el("div", { class: "stat-note" }, note) : null);
  return el("section", { class: "stats", "aria-label": t("overview") },
    card(t("events"), fmt(stats.events)),
    card(t("articles"), fmt(stats.documents)),
    card(t("fatalitiesBest"), fmt(stats.total.best), `${t("low")} ${fmt(stats.total.low)} · ${t("high")} ${fmt(stats.total.high)}`),
    card(t("countries"), fmt(stats.byCountry.filter((c) => c.key !== "unknown").length)));
}

// ---------- the map ----------

let activeMap = null;

function buildMap(card, world, filters, params) {
  if (activeMap) { activeMap.remove(); activeMap = null; }
  const title = el("h2", { id: "map-title" }, t("map"), " ", el("span", { class: "muted", id: "map-count" }, ""));
  const unit = countUnit(params);
  const container = el("div", { class: "map", id: "map", role: "region", "aria-label": t("mapLabel") });
  const selected = params.get("bbox");
  const typeFilter = params.get("type");
  const legend = el("div", { class: "legend", role: "group", "aria-label": t("legendHelp") }, FAMILIES.map((type) => {
    const pressed = typeFilter === type;
    return el("button", {
      type: "button", class: ["legend-item", pressed ? "pressed" : null], "aria-pressed": pressed ? "true" : "false", "data-type": type,
      onclick: () => navigate({ type: pressed ? null : type, offset: null }),
    }, el("i", { class: ["dot", TYPE_CLASS[type]], "aria-hidden": "true" }), family(type));
  }));
  const actions = el("div", { class: "map-actions" },
    el("button", { type: "button", class: "secondary", id: "select-view" }, t("selectView")),
    selected ? el("button", { type: "button", class: "secondary", id: "clear-selection", onclick: () => navigate({ bbox: null, offset: null }) }, t("clearSelection")) : null);
  append(card, [title, unitSwitch(unit), container, legend, el("p", { class: "muted small" }, t("mapHelp")), actions]);

  const map = L.map(container, {
    preferCanvas: true, worldCopyJump: false, minZoom: 1, maxZoom: 12, attributionControl: false,
    maxBounds: [[-85, -200], [85, 200]], maxBoundsViscosity: 0.8, zoomSnap: 1,
  });
  activeMap = map;
  // The view first (layers drawn on a canvas need one): the URL's (a shared link), else the selection, else the whole world, refined to the events once they are known.
  const saved = (params.get("map") ?? "").split("/").map(Number);
  let fitted = false;
  if (saved.length === 3 && saved.every(Number.isFinite)) { map.setView([saved[1], saved[2]], saved[0]); fitted = true; }
  else map.setView([20, 20], 2);
  const layer = L.layerGroup().addTo(map);

  let controller = null;
  async function refresh() {
    controller?.abort();
    controller = new AbortController();
    const zoom = map.getZoom();
    const b = map.getBounds();
    const viewBox = [b.getWest(), Math.max(-90, b.getSouth()), b.getEast(), Math.min(90, b.getNorth())].map((v) => v.toFixed(4)).join(",");
    const query = new URLSearchParams(filters);
    query.set("zoom", String(zoom));
    query.set("view", viewBox);
    query.set("unit", unit);
    let answer;
    try {
      answer = await api(`/api/clusters?${query}`, controller.signal);
    } catch (error) {
      if (error.name === "AbortError") return;
      throw error;
    }
    drawCells(layer, answer, map);
    document.getElementById("map-count")?.replaceChildren(`(${t(answer.unit === "incidents" ? "mapIncidents" : "mapEvents", fmt(answer.events))})`);
    container.setAttribute("data-unit", answer.unit);
    // Incidents asked for, events answered: the store has none yet.
    document.getElementById("unit-note").hidden = answer.unit === unit;
    container.setAttribute("data-zoom", String(zoom));
    container.setAttribute("data-ready", "true");
    if (!fitted && answer.cells.length > 0) {
      // First render drawn; now fit the located events (their cells' boxes), which asks again at the new zoom.
      fitted = true;
      const south = Math.min(...answer.cells.map((c) => c.bounds.south)), north = Math.max(...answer.cells.map((c) => c.bounds.north));
      const west = Math.min(...answer.cells.map((c) => c.bounds.west)), east = Math.max(...answer.cells.map((c) => c.bounds.east));
      const target = Math.min(6, map.getBoundsZoom([[south, west], [north, east]], false, L.point(40, 40)));
      if (target !== map.getZoom()) map.setView([(south + north) / 2, (west + east) / 2], Math.max(1, target), { animate: false });
    }
    fitted = true;
  }
  map.on("moveend", () => {
    const c = map.getCenter();
    replaceParam("map", `${map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`);
    refresh().catch(() => {});
  });
  document.getElementById("select-view").addEventListener("click", () => {
    const b = map.getBounds();
    navigate({ bbox: [b.getWest(), Math.max(-90, b.getSouth()), b.getEast(), Math.min(90, b.getNorth())].map((v) => v.toFixed(3)).join(","), offset: null });
  });
  refresh().catch(() => {});
  // The outlines under the markers (their own pane): parsing and projecting the world's countries takes a few
  // tenths of a second, so they are drawn once the clusters have been asked for.
  world.then((shape) => {
    if (activeMap !== map) return;
    L.geoJSON(shape, {
      style: () => ({ color: "#8a96a3", weight: 0.6, fillColor: "#e9edf1", fillOpacity: 1 }),
      interactive: false,
    }).addTo(map);
  }, () => {});
  if (selected) {
    const [w, s, e, n] = selected.split(",").map(Number);
    if ([w, s, e, n].every(Number.isFinite)) L.rectangle([[s, w], [n, e]], { color: "#1a5276", weight: 1.5, fill: false, dashArray: "4 3", interactive: false }).addTo(map);
  }
}

function drawCells(layer, answer, map) {
  layer.clearLayers();
  const most = Math.max(1, ...answer.cells.map((c) => c.events));
  for (const cell of answer.cells) {
    const parts = Object.entries(cell.byType).sort((a, b) => b[1] - a[1]);
    if (cell.events === 1 && cell.incidentId) {
      layer.addLayer(incidentMarker(cell, parts[0][0], map));
      continue;
    }
    if (cell.events === 1 && cell.eventId !== null) {
      // One event: coloured by its type, its area growing with the square root of its fatalities.
      const size = Math.round(Math.min(40, 12 + 4 * Math.sqrt(cell.fatalities)));
      const type = parts[0][0];
      const dot = el("span", { class: ["event-dot", TYPE_CLASS[type] ?? "t-other"] });
      const label = `${family(type)} · ${t("fatalities")}: ${fmt(cell.fatalities)}`;
      const marker = L.marker([cell.lat, cell.lon], {
        icon: L.divIcon({ html: dot, className: "event-marker", iconSize: [size, size] }), title: label, keyboard: true,
      });
      marker.on("add", () => {
        const node = marker.getElement();
        node.setAttribute("data-event-id", String(cell.eventId));
        node.setAttribute("aria-label", label);
      });
      marker.on("click", () => openEventPopup(map, marker, cell.eventId));
      layer.addLayer(marker);
      continue;
    }
    // A cluster: the count, a ring split by type, a size on a square-root scale of the count.
    const size = Math.round(26 + 30 * Math.sqrt(cell.events / most));
    const ring = el("span", { class: "cluster-ring" }, el("span", { class: "cluster-count" }, fmt(cell.events)));
    let angle = 0;
    const stops = parts.map(([type, n]) => {
      const from = angle;
      angle += (360 * n) / cell.events;
      return `${TYPE_COLOUR[type] ?? "#555"} ${from.toFixed(1)}deg ${angle.toFixed(1)}deg`;
    });
    // Geometry and colour through the CSSOM, which the style policy allows.
    ring.style.background = `conic-gradient(${stops.join(", ")})`;
    const label = t(answer.unit === "incidents" ? "clusterOfIncidents" : "clusterOf", fmt(cell.events), parts.map(([type, n]) => `${family(type)} ${fmt(n)}`).join(", "));
    const marker = L.marker([cell.lat, cell.lon], {
      icon: L.divIcon({ html: ring, className: "cluster-marker", iconSize: [size, size] }), title: label, keyboard: true,
    });
    marker.on("add", () => {
      const node = marker.getElement();
      node.setAttribute("data-count", String(cell.events));
      node.setAttribute("aria-label", label);
    });
    marker.on("click", () => {
      const b = cell.bounds;
      const point = b.west === b.east && b.south === b.north;
      if (point || map.getZoom() >= map.getMaxZoom()) {
        // Cannot split (one place, or the closest zoom): select its events for the table.
        const pad = 0.01;
        navigate({ bbox: [b.west - pad, b.south - pad, b.east + pad, b.north + pad].map((v) => v.toFixed(3)).join(","), offset: null });
      } else {
        map.fitBounds([[b.south, b.west], [b.north, b.east]], { padding: [30, 30], maxZoom: Math.min(map.getMaxZoom(), map.getZoom() + 4) });
        if (map.getZoom() === map.getBoundsZoom([[b.south, b.west], [b.north, b.east]])) map.setZoom(map.getZoom() + 1);
      }
    });
    layer.addLayer(marker);
  }
}

/** The switch between counting incidents and events, kept in the URL (unit); both the map and the timeline follow it. */
function unitSwitch(unit) {
  const choice = (value, text) => el("button", {
    type: "button", id: `unit-${value}`, class: ["legend-item", unit === value ? "pressed" : null], "aria-pressed": unit === value ? "true" : "false",
    onclick: () => navigate({ unit: value === "incidents" ? null : value, offset: null }),
  }, text);
  return el("div", { class: "unit-switch" },
    el("div", { class: "legend", role: "group", "aria-label": t("unitLabel"), title: t("unitHelp") },
      el("span", { class: "muted small" }, `${t("unitLabel")}:`), choice("incidents", t("unitIncidents")), choice("events", t("unitEvents"))),
    el("p", { class: "muted small", id: "unit-note", hidden: "hidden" }, t("noStoredIncidents")));
}

/** One incident on the map: coloured by its type, sized by its reconciled toll, opening a popup with a link to its view. */
function incidentMarker(cell, type, map) {
  const size = Math.round(Math.min(40, 12 + 4 * Math.sqrt(cell.fatalities)));
  const dot = el("span", { class: ["event-dot", "incident-dot", TYPE_CLASS[type] ?? "t-other"] });
  const label = `${t("incident")} · ${family(type)} · ${t("fatalities")}: ${fmt(cell.fatalities)}`;
  const marker = L.marker([cell.lat, cell.lon], {
    icon: L.divIcon({ html: dot, className: "event-marker incident-marker", iconSize: [size, size] }), title: label, keyboard: true,
  });
  marker.on("add", () => {
    const node = marker.getElement();
    node.setAttribute("data-incident-id", cell.incidentId);
    node.setAttribute("aria-label", label);
  });
  marker.on("click", () => openIncidentPopup(map, marker, cell.incidentId));
  return marker;
}

async function openIncidentPopup(map, marker, id) {
  const detail = await api(`/api/incidents/${encodeURIComponent(id)}`);
  const i = detail.incident;
  const content = el("div", { class: "popup" },
    typeBadge(i.eventType, i.subEventType),
    el("div", {}, `${i.location?.name ?? "?"} · ${dateText(incidentDates(i))}`),
    el("div", {}, `${t("fatalities")}: ${fatalitiesText(i.fatalities?.low ?? null, i.fatalities?.best ?? null, i.fatalities?.high ?? null)}`),
    el("div", {}, t("partOf", new Set(i.reports.map((r) => r.document)).size)),
    el("a", { href: link(`/incident/${i.id}`) }, t("openIncident")));
  marker.bindPopup(content).openPopup();
}

/** An incident's date in the fields dateText reads. */
function incidentDates(incident) {
  return { dateStart: incident.date?.start ?? null, dateEnd: incident.date?.end ?? null, datePrecision: incident.date?.precision ?? null };
}

async function openEventPopup(map, marker, id) {
  const detail = await api(`/api/events/${id}`);
  const e = detail.summary;
  const content = el("div", { class: "popup" },
    typeBadge(e.eventType, e.subEventType),
    el("div", {}, `${e.location ?? "?"} · ${dateText(e)}`),
    el("div", {}, `${t("fatalities")}: ${fatalitiesText(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh)}`),
    el("a", { href: link(`/event/${e.id}`) }, t("openEvent")));
  marker.bindPopup(content).openPopup();
}

function sideBars(buckets, href, name = (key) => key) {
  if (!buckets.length) return el("p", { class: "muted" }, t("noFatalities"));
  const top = buckets.slice(0, 8);
  const max = Math.max(1, ...top.map((b) => b.high || b.best));
  return el("div", { class: "bars" }, top.map((b) => {
    const target = href ? href(b.key) : null;
    const label = name(b.key);
    return el("div", { class: "bar-row" },
      el("div", { class: "bar-label", title: label }, target ? el("a", { href: target }, label) : label),
      el("div", { class: "bar-track", "aria-hidden": "true" },
        barSpan("bar-range", b.low, b.high, max),
        barSpan("bar-best", 0, b.best, max)),
      el("div", { class: "bar-value" }, fatalitiesText(b.low, b.best, b.high)));
  }));
}

function barSpan(cls, from, to, max) {
  const span = el("span", { class: cls });
  // Geometry through the CSSOM (allowed by the style policy), never through a style attribute.
  span.style.left = `${(100 * from) / max}%`;
  span.style.width = `${Math.max(0, (100 * (to - from)) / max)}%`;
  return span;
}

// ---------- the timeline ----------

let activePlots = [];

function timelineCard(data, params, withBrush = true) {
  const bucket = data.bucket;
  const scale = ["linear", "sqrt", "log"].includes(params.get("scale")) ? params.get("scale") : "linear";
  const select = (name, value, options, label) => el("label", {}, `${label} `,
    el("select", { name, onchange: (e) => navigate({ [name]: e.target.value }) },
      options.map(([v, text]) => el("option", { value: v, selected: v === value ? "selected" : null }, text))));
  const incidents = data.unit === "incidents";
  const total = data.buckets.reduce((sum, b) => sum + b.events, 0);
  const chart = el("div", { class: "timeline", id: "timeline", role: "img", "aria-label": t(incidents ? "timelineIncidentsLabel" : "timelineLabel"), "data-unit": data.unit ?? "events" });
  const card = el("section", { class: "card", "aria-labelledby": "timeline-title" },
    el("div", { class: "table-head" },
      el("h2", { id: "timeline-title" }, t(incidents ? "timelineIncidents" : "timeline"), " ",
        el("span", { class: "muted", id: "timeline-count", "data-count": total }, `(${t(incidents ? "countIncidents" : "countEvents", fmt(total))})`)),
      el("div", { class: "controls" },
        select("bucket", bucket, [["day", t("perDay")], ["week", t("perWeek")], ["month", t("perMonth")]], t("bucket")),
        select("scale", scale, [["linear", t("linear")], ["sqrt", t("sqrt")], ["log", t("log")]], t("scale")))),
    el("p", { class: "muted small" }, t("timelineNote")),
    chart);
  if (data.buckets.length === 0) {
    chart.appendChild(el("p", { class: "muted" }, t("noDated")));
    return card;
  }
  // uPlot measures its container: draw once the card is in the page.
  requestAnimationFrame(() => drawTimeline(chart, data, scale, withBrush));
  return card;
}

function bucketTime(key) {
  return Date.parse((key.length === 7 ? key + "-01" : key) + "T00:00:00Z") / 1000;
}

function drawTimeline(container, data, scale, withBrush) {
  for (const plot of activePlots) plot.destroy();
  activePlots = [];
  if (!container.isConnected) return;
  const xs = data.buckets.map((b) => bucketTime(b.key));
  const types = FAMILIES.filter((f) => data.types.includes(f));
  // Stacked: each family's series is the running sum up to it; drawn from the top one down, each bar covers the ones above it.
  const stacked = [];
  let running = data.buckets.map(() => 0);
  for (const type of types) {
    running = running.map((v, i) => v + (data.buckets[i].byType[type] ?? 0));
    stacked.push(running);
  }
  const zeroless = (values) => values.map((v) => (scale === "log" && v <= 0 ? null : v));
  const distr = scale === "log" ? { distr: 3 } : scale === "sqrt" ? { distr: 100, fwd: (v) => Math.sqrt(Math.max(0, v)), bwd: (v) => v * v } : {};
  const width = Math.max(280, container.clientWidth);
  const bars = uPlot.paths.bars({ size: [0.8, 40], align: 0 });
  const series = [{ label: "", value: (u, v) => (v === null ? "" : bucketLabel(v, data.bucket)) }];
  const values = [xs];
  for (let i = types.length - 1; i >= 0; i--) {
    series.push({ label: family(types[i]), stroke: TYPE_COLOUR[types[i]], fill: TYPE_COLOUR[types[i]], paths: bars, scale: "events", points: { show: false },
      value: (u, v, si, idx) => (idx === null ? "" : fmt(data.buckets[idx].byType[types[i]] ?? 0)) });
    values.push(zeroless(stacked[i]));
  }
  const fatal = (key) => zeroless(data.buckets.map((b) => b[key]));
  series.push({ label: `${t("fatalities")} (${t("high")})`, stroke: "#5d6d7e", width: 1, dash: [4, 3], scale: "fatalities", points: { show: false } });
  series.push({ label: `${t("fatalities")} (${t("low")})`, stroke: "#5d6d7e", width: 1, dash: [4, 3], scale: "fatalities", points: { show: false } });
  series.push({ label: t("fatalities"), stroke: "#17202a", width: 2, scale: "fatalities", points: { show: true, size: 5 } });
  values.push(fatal("high"), fatal("low"), fatal("best"));
  const highIndex = values.length - 3;
  const opts = {
    width, height: 260,
    series,
    bands: [{ series: [highIndex, highIndex + 1], fill: "rgba(93,109,126,0.18)" }],
    scales: { x: { time: true }, events: { ...distr, range: (u, min, max) => [scale === "log" ? 1 : 0, Math.max(1, max) * 1.1] }, fatalities: { ...distr, range: (u, min, max) => [scale === "log" ? 1 : 0, Math.max(1, max) * 1.1] } },
    axes: [
      { space: 90, values: (u, splits) => splits.map((v) => axisLabel(v, u.scales.x.max - u.scales.x.min)) },
      { scale: "events", label: data.unit === "incidents" ? t("unitIncidents") : t("events"), values: (u, splits) => splits.map(fmt) },
      { scale: "fatalities", side: 1, label: t("fatalities"), grid: { show: false }, values: (u, splits) => splits.map(fmt) },
    ],
    cursor: { drag: { x: withBrush, y: false, setScale: false } },
    legend: { live: true },
    hooks: {
      setSelect: [(u) => {
        if (!withBrush || u.select.width < 3) return;
        // The brush sets the date filter (and the URL): the days under the selection.
        const from = new Date(u.posToVal(u.select.left, "x") * 1000).toISOString().slice(0, 10);
        const to = new Date(u.posToVal(u.select.left + u.select.width, "x") * 1000).toISOString().slice(0, 10);
        navigate({ from, to, offset: null });
      }],
    },
  };
  const plot = new uPlot(opts, values, container);
  activePlots.push(plot);
}

/** A tick label as precise as the visible span needs: years, months or days. */
function axisLabel(seconds, span) {
  const date = new Date(seconds * 1000);
  const options = span > 3 * 365 * 86400 ? { year: "numeric" } : span > 90 * 86400 ? { month: "short", year: "numeric" } : { day: "numeric", month: "short" };
  return new Intl.DateTimeFormat(locale(), { ...options, timeZone: "UTC" }).format(date);
}

function bucketLabel(seconds, bucket) {
  const iso = new Date(seconds * 1000).toISOString().slice(0, 10);
  return bucket === "month" ? formatMonth(iso) : formatDay(iso);
}

// ---------- the events table ----------

const COLUMN_TITLE = {
  date: "colDate", event: "colEvent", location: "colLocation", admin1: "colAdmin1", country: "colCountry", fatalities: "colFatalities",
  status: "colStatus", claims: "colClaims", confidence: "colConfidence", article: "colArticle",
};

function cellOf(column, e) {
  switch (column) {
    case "date": return el("td", { class: "nowrap" }, dateText(e));
    case "event": return el("td", {}, typeBadge(e.eventType, e.subEventType));
    case "location": return el("td", {}, e.location ?? "–");
    case "admin1": return el("td", {}, e.admin1 ?? "–");
    case "country": return el("td", {}, e.country ? el("a", { href: link(`/country/${e.country}`), title: countryName(e.country) }, e.country) : "–");
    case "fatalities": return el("td", { class: "num" }, fatalitiesText(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh));
    case "status": return el("td", {}, el("span", { class: ["status", `s-${e.status}`] }, statusText(e.status)));
    case "claims": return el("td", { class: "num" }, fmt(e.claimCount));
    case "confidence": return el("td", { class: "num" }, `${Math.round(e.confidence * 100)}%`);
    default: return el("td", { class: "doc-title" }, e.title ?? e.documentKey);
  }
}

function sortKey(column, e) {
  switch (column) {
    case "date": return e.dateStart ?? "";
    case "event": return e.subEventType;
    case "location": return e.location ?? "";
    case "admin1": return e.admin1 ?? "";
    case "country": return e.country ?? "";
    case "fatalities": return e.fatalitiesBest ?? e.fatalitiesLow ?? -1;
    case "status": return e.status;
    case "claims": return e.claimCount;
    case "confidence": return e.confidence;
    default: return e.title ?? e.documentKey;
  }
}

function eventsTable(page, filters, offset, params) {
  const chosen = (params.get("cols") ?? "").split(",").filter((c) => COLUMNS.includes(c));
  const columns = chosen.length ? chosen : DEFAULT_COLUMNS;
  const [sortColumn, sortOrder] = (params.get("sort") ?? "").split(":");
  const items = [...page.items];
  if (COLUMNS.includes(sortColumn)) {
    const sign = sortOrder === "desc" ? -1 : 1;
    items.sort((a, b) => {
      const [x, y] = [sortKey(sortColumn, a), sortKey(sortColumn, b)];
      return sign * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), locale()));
    });
  }
  const pageParams = (to) => { const p = new URLSearchParams(params); p.delete("map"); if (to > 0) p.set("offset", String(to)); else p.delete("offset"); return p; };
  const rows = items.map((e) => {
    const row = el("tr", { class: "event-row", "data-event-id": e.id, tabindex: 0, "aria-label": `${e.subEventType}, ${e.location ?? ""}, ${dateText(e)}` },
      columns.map((c) => cellOf(c, e)));
    const open = (event) => { if (event.target.closest("a")) return; location.hash = link(`/event/${e.id}`); };
    row.addEventListener("click", open);
    row.addEventListener("keydown", (k) => { if (k.key === "Enter") open(k); });
    return row;
  });
  const last = Math.min(page.offset + page.items.length, page.total);
  const headers = columns.map((c) => {
    const current = sortColumn === c ? (sortOrder === "desc" ? "descending" : "ascending") : null;
    const next = sortColumn === c && sortOrder !== "desc" ? "desc" : "asc";
    return el("th", { scope: "col", "aria-sort": current ?? "none" },
      el("button", { type: "button", class: "sort", "data-column": c, title: t("sortBy", t(COLUMN_TITLE[c])), onclick: () => navigate({ sort: `${c}:${next}` }) },
        t(COLUMN_TITLE[c]), current ? (current === "ascending" ? " ▲" : " ▼") : ""));
  });
  const chooser = el("details", { class: "columns" },
    el("summary", {}, t("columns")),
    el("fieldset", {}, el("legend", { class: "visually-hidden" }, t("columns")), COLUMNS.map((c) => el("label", {},
      el("input", {
        type: "checkbox", name: "col", value: c, checked: columns.includes(c) ? "checked" : null,
        onchange: () => {
          const picked = [...document.querySelectorAll(".columns input[name=col]:checked")].map((i) => i.value);
          navigate({ cols: picked.length && picked.join(",") !== DEFAULT_COLUMNS.join(",") ? picked.join(",") : null });
        },
      }), " ", t(COLUMN_TITLE[c])))));
  const query = filters.toString();
  return el("section", { class: "card", "aria-labelledby": "events-title" },
    el("div", { class: "table-head" },
      el("h2", { id: "events-title" }, t("eventsTitle")),
      el("div", { class: "pager" },
        el("span", { class: "muted", id: "events-count" }, page.total === 0 ? t("noEvents") : `${fmt(page.offset + 1)}–${fmt(last)} ${t("of")} ${fmt(page.total)}`),
        offset > 0 ? el("a", { class: "button secondary", href: link("/", pageParams(Math.max(0, offset - PAGE_SIZE))) }, t("newer")) : null,
        last < page.total ? el("a", { class: "button secondary", href: link("/", pageParams(offset + PAGE_SIZE)) }, t("older")) : null,
        el("a", { class: "button secondary", id: "table-export-csv", href: `/api/export?format=acled-csv${query ? "&" + query : ""}` }, t("exportCsv")),
        el("a", { class: "button secondary", id: "table-export-geojson", href: `/api/export?format=geojson${query ? "&" + query : ""}` }, t("exportGeojson")),
        chooser)),
    sortColumn ? el("p", { class: "muted small" }, t("sortNote")) : null,
    el("div", { class: "table-scroll" },
      el("table", { class: "events", id: "events-table" },
        el("thead", {}, el("tr", {}, headers)),
        el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: columns.length, class: "muted empty" }, t("noMatch")))))));
}

// ---------- the incidents table ----------

function incidentsTable(page) {
  const rows = page.incidents.map((i) => {
    const row = el("tr", { class: "incident-row", "data-incident-id": i.id, tabindex: 0, "aria-label": `${i.subEventType ?? i.eventType}, ${i.location ?? ""}, ${dateText(i)}` },
      el("td", { class: "nowrap" }, dateText(i)),
      el("td", {}, typeBadge(i.eventType, i.subEventType)),
      el("td", {}, i.location ?? "–"),
      el("td", {}, i.country ? el("a", { href: link(`/country/${i.country}`), title: countryName(i.country) }, i.country) : "–"),
      el("td", { class: "num" }, fatalitiesText(i.fatalitiesLow, i.fatalitiesBest, i.fatalitiesHigh)),
      el("td", { class: "num" }, fmt(i.reports)),
      el("td", {}, el("a", { href: link(`/incident/${i.id}`) }, t("openIncident"))));
    const open = (event) => { if (event.target.closest("a")) return; location.hash = link(`/incident/${i.id}`); };
    row.addEventListener("click", open);
    row.addEventListener("keydown", (k) => { if (k.key === "Enter") open(k); });
    return row;
  });
  const headers = ["colDate", "colEvent", "colLocation", "colCountry", "colFatalities", "colReports", "incident"];
  return el("section", { class: "card", "aria-labelledby": "incidents-title" },
    el("div", { class: "table-head" },
      el("h2", { id: "incidents-title" }, t("incidentsTitle")),
      el("span", { class: "muted", id: "incidents-count" }, `${fmt(Math.min(page.total, page.incidents.length))} ${t("of")} ${fmt(page.total)}`)),
    el("p", { class: "muted small" }, t("incidentsNote")),
    el("div", { class: "table-scroll" },
      el("table", { class: "events", id: "incidents-table" },
        el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, t(h))))),
        el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: headers.length, class: "muted empty" }, t("noIncident")))))));
}

// ---------- country page ----------

async function showCountry(view, iso3, params) {
  const filters = filterParams(params);
  filters.set("country", iso3);
  const query = filters.toString();
  const bucket = ["day", "week", "month"].includes(params.get("bucket")) ? params.get("bucket") : "month";
  const [stats, timelineData] = await Promise.all([api(`/api/stats?${query}`), api(`/api/timeline?${query}&bucket=${bucket}`)]);
  clear(view);
  const name = countryName(iso3);
  const byFamily = FAMILIES.map((type) => ({ key: type, events: timelineData.buckets.reduce((sum, b) => sum + (b.byType[type] ?? 0), 0) })).filter((f) => f.events > 0);
  const most = Math.max(1, ...byFamily.map((f) => f.events));
  const overview = new URLSearchParams(filters);
  view.appendChild(el("nav", { class: "crumbs", "aria-label": t("overview") }, el("a", { href: link("/") }, t("overview")), " › ", `${t("countryPage")}: ${name}`));
  view.appendChild(el("h1", { class: "page-title", id: "country-title" }, `${name} (${iso3})`));
  view.appendChild(statCards(stats));
  view.appendChild(el("div", { class: "grid-2" },
    el("section", { class: "card", "aria-labelledby": "family-title" },
      el("h2", { id: "family-title" }, t("byFamily")),
      byFamily.length === 0 ? el("p", { class: "muted" }, t("noMatch")) :
        el("div", { class: "bars", id: "by-family" }, byFamily.map((f) => el("div", { class: "bar-row" },
          el("div", { class: "bar-label" }, el("a", { href: link("/", new URLSearchParams({ ...Object.fromEntries(overview), type: f.key })) }, family(f.key))),
          el("div", { class: "bar-track", "aria-hidden": "true" }, barSpan(`bar-best ${TYPE_CLASS[f.key]}`, 0, f.events, most)),
          el("div", { class: "bar-value" }, fmt(f.events)))))),
    el("section", { class: "card", "aria-labelledby": "country-sides-title" },
      el("h2", { id: "country-sides-title" }, t("fatalitiesBySide"), " ", el("span", { class: "muted" }, t("claimedCurrent"))),
      sideBars(stats.bySide, null))));
  view.appendChild(timelineCard({ ...timelineData, bucket }, params, false));
  view.appendChild(el("p", {}, el("a", { class: "button", href: link("/", overview) }, t("eventsIn", name))));
}

// ---------- event view ----------

/** The incident an event reports, or null (204: none, or not assigned yet; never an error in the console). */
async function incidentOfEvent(id) {
  const response = await fetch(`/api/events/${id}/incident`, { headers: { Accept: "application/json" } });
  return response.status === 200 ? response.json() : null;
}

async function showEvent(view, id) {
  const incidentPromise = incidentOfEvent(id).catch(() => null);
  const detail = await api(`/api/events/${id}`);
  const incident = await incidentPromise;
  const e = detail.summary;
  const record = detail.record;
  clear(view);
  const docLink = link(`/document/${e.documentId}`, new URLSearchParams({ event: String(e.id) }));
  view.appendChild(el("nav", { class: "crumbs", "aria-label": t("overview") }, el("a", { href: link("/") }, t("overview")), " › ", `${t("event")} ${e.id}`));
  view.appendChild(el("section", { class: "card event-head" },
    el("div", { class: "event-title" }, typeBadge(e.eventType, e.subEventType), el("h1", {}, `${e.subEventType} — ${e.location ?? t("unknownPlace")}`)),
    el("dl", { class: "facts" },
      fact(t("colDate"), `${dateText(e)}${record.date?.text ? ` (“${record.date.text}”)` : ""}`),
      fact(t("eventType"), family(e.eventType)),
      fact(t("status"), el("span", { class: ["status", `s-${e.status}`] }, statusText(e.status))),
      fact(t("place"), [e.location ?? "–", e.admin1 ? `, ${e.admin1}` : "", e.country ? ` (${countryName(e.country)})` : "", e.lat !== null ? ` · ${e.lat.toFixed(2)}, ${e.lon.toFixed(2)}` : ""].join("")),
      fact(t("fatalities"), fatalitiesText(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh)),
      fact(t("confidence"), `${Math.round((record.confidence ?? 0) * 100)}%`),
      fact(t("article"), el("a", { href: docLink, id: "open-article" }, detail.document.title ?? detail.document.id)),
      fact(t("published"), [detail.document.published ?? t("unknown"), detail.document.source ? ` · ${detail.document.source}` : ""].join("")),
      incident ? fact(t("incident"), [el("a", { href: link(`/incident/${incident.id}`), id: "open-incident" }, `${incident.subEventType ?? incident.eventType} — ${incident.location ?? t("unknownPlace")}`),
        ` (${t("partOf", incident.documents)})`]) : null)));

  view.appendChild(el("section", { class: "card" },
    el("h2", {}, `${t("claims")} (${record.claims.length})`),
    record.claims.length === 0 ? el("p", { class: "muted" }, t("noClaim")) :
      el("ul", { class: "claims", id: "claims" }, record.claims.map((c) => claimItem(c, record.claims)))));

  if (detail.contradictions.length > 0) {
    view.appendChild(el("section", { class: "card" },
      el("h2", {}, t("contradictions")),
      detail.contradictions.map((pair) => el("div", { class: "versus" },
        claimCard(pair.first), el("div", { class: "vs" }, "vs"), claimCard(pair.second)))));
  }

  view.appendChild(el("section", { class: "card" },
    el("h2", {}, `${t("casualtyFigures")} (${record.casualties.length})`),
    record.casualties.length === 0 ? el("p", { class: "muted" }, t("noCasualty")) :
      el("div", { class: "table-scroll" }, el("table", { class: "events casualties" },
        el("thead", {}, el("tr", {}, ["outcome", "count", "victims", "status", "claimedBy", "via"].map((h) => el("th", { scope: "col" }, t(h))))),
        el("tbody", {}, record.casualties.map((c) => el("tr", {},
          el("td", {}, c.outcome),
          el("td", { class: "num" }, countText(c.count)),
          el("td", {}, [c.victims.category, c.victims.side ? ` · ${c.victims.side}` : "", c.victims.text ? ` (“${c.victims.text}”)` : ""].join("")),
          el("td", {}, el("span", { class: ["status", `s-${c.status}`] }, statusText(c.status))),
          el("td", {}, c.attribution?.claimant ?? t("unattributed")),
          el("td", {}, (c.attribution?.via ?? []).join(", ") || "–"))))))));

  view.appendChild(el("section", { class: "card" },
    el("h2", {}, t("actors")),
    record.actors.length === 0 ? el("p", { class: "muted" }, t("noActor")) :
      el("ul", { class: "chips" }, record.actors.map((a) => el("li", { class: "chip" }, el("strong", {}, a.name), ` ${a.role} · ${a.kind}${a.country ? " · " + a.country : ""}`)))));

  view.appendChild(el("section", { class: "card" },
    el("h2", {}, t("evidence")),
    el("p", {}, el("a", { class: "button", href: docLink }, t("openArticle")))));
}

function fact(label, value) {
  return [el("dt", {}, label), el("dd", {}, value)];
}

function countText(count) {
  if (!count) return t("notGiven");
  if (count.value !== null && count.value !== undefined && !count.approximate) return fmt(count.value);
  const range = count.max === null || count.max === undefined ? `≥ ${fmt(count.min)}` : `${fmt(count.min)}–${fmt(count.max)}`;
  return `${range} (“${count.text}”)`;
}

function claimItem(claim, all) {
  const contradicted = (claim.contradicts ?? []).map((id) => all.find((c) => c.id === id)).filter(Boolean);
  return el("li", { class: ["claim", contradicted.length ? "contested" : null], "data-claim-id": claim.id },
    el("blockquote", {}, claim.text),
    el("div", { class: "claim-meta" },
      el("span", { class: "claimant" }, claim.claimant ?? t("unattributed")),
      (claim.via ?? []).length ? el("span", { class: "via" }, `via ${claim.via.join(", ")}`) : null,
      contradicted.length ? el("span", { class: "contradicts" }, `${t("contradictedBy")}: ${contradicted.map((c) => c.claimant ?? c.id).join(", ")}`) : null));
}

function claimCard(claim) {
  return el("div", { class: "claim-card" },
    el("div", { class: "claimant" }, claim.claimant ?? t("unattributed")),
    (claim.via ?? []).length ? el("div", { class: "via" }, `via ${claim.via.join(", ")}`) : null,
    el("blockquote", {}, claim.text));
}

// ---------- incident view ----------

/** A casualty claim's figure in a line: "12 killed · civilian". */
function figureText(claim) {
  const c = claim.casualty;
  return `${countText(c.count)} ${c.outcome} · ${c.victims.category}${c.victims.side ? ` · ${c.victims.side}` : ""}`;
}

function publishedText(published) {
  if (!published) return t("dateUnknown");
  return /^\d{4}-\d{2}-\d{2}$/.test(published) ? formatDay(published) : published;
}

/**
 * One incident: its reports in the order they were published with each source's figures side by side, the toll's
 * revisions, the claims that contradict each other, and every claim with a link to its evidence highlighted in
 * the article it was read in.
 */
async function showIncident(view, id) {
  const detail = await api(`/api/incidents/${encodeURIComponent(id)}`);
  const incident = detail.incident;
  clear(view);
  // The stored event and document of each report (document id, event id), to link a report and its claims to them.
  const key = (document, event) => `${document}\u0000${event}`;
  const stored = new Map(detail.events.map((e) => [key(e.document, e.event), e]));
  const reportOf = new Map(incident.reports.map((r) => [key(r.document, r.event), r]));
  const claimsById = new Map(incident.claims.map((c) => [c.id, c]));
  const sourceName = (report) => report?.source ?? report?.document ?? "?";
  const evidenceHref = (source) => {
    const s = stored.get(key(source.document, source.event));
    if (!s) return null;
    const params = new URLSearchParams({ event: String(s.eventId) });
    if (source.end > source.start) params.set("span", `${source.start}-${source.end}`);
    return link(`/document/${s.documentId}`, params);
  };
  const evidenceLinks = (claim) => el("ul", { class: "evidence-links" }, claim.reports.map((source) => {
    const href = evidenceHref(source);
    const text = `${t("evidenceIn", sourceName(reportOf.get(key(source.document, source.event))))} (${publishedText(source.published)})`;
    return el("li", {}, href ? el("a", { href, class: "evidence-link", "data-document": source.document }, text) : text);
  }));

  // In the order they were published (the API lists them so; sorted again, stably, so the view never depends on it).
  const reports = incident.reports.map((r, index) => ({ r, index }))
    .sort((a, b) => (a.r.published ?? "\uffff").localeCompare(b.r.published ?? "\uffff") || a.index - b.index)
    .map((x) => x.r);
  const documents = new Set(incident.reports.map((r) => r.document)).size;
  const place = incident.location;

  view.appendChild(el("nav", { class: "crumbs", "aria-label": t("overview") }, el("a", { href: link("/") }, t("overview")), " › ", `${t("incident")} ${incident.id}`));
  view.appendChild(el("section", { class: "card event-head" },
    el("div", { class: "event-title" }, typeBadge(incident.eventType, incident.subEventType),
      el("h1", { id: "incident-title" }, `${incident.subEventType} — ${place?.name ?? t("unknownPlace")}`)),
    el("dl", { class: "facts" },
      fact(t("colDate"), dateText(incidentDates(incident))),
      fact(t("eventType"), family(incident.eventType)),
      fact(t("status"), el("span", { class: ["status", `s-${incident.status}`] }, statusText(incident.status))),
      fact(t("place"), [place?.name ?? "–", place?.admin1 ? `, ${place.admin1}` : "", place?.country ? ` (${countryName(place.country)})` : "",
        typeof place?.lat === "number" ? ` · ${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}` : ""].join("")),
      fact(t("fatalities"), el("span", { id: "incident-fatalities" }, fatalitiesText(incident.fatalities?.low ?? null, incident.fatalities?.best ?? null, incident.fatalities?.high ?? null))),
      fact(t("colReports"), `${fmt(incident.reports.length)} · ${t("partOf", documents)}`),
      fact(t("firstReport"), publishedText(incident.firstReport)),
      fact(t("lastReport"), publishedText(incident.lastReport)),
      incident.about ? fact(t("aboutIncident"), el("a", { href: link(`/incident/${incident.about}`) }, `${t("incident")} ${incident.about}`)) : null)));

  // Each source's figures side by side: one row a report, with the casualty claims it carries.
  const figuresOf = (report) => incident.claims.filter((c) => c.casualty && c.reports.some((s) => s.document === report.document && s.event === report.event));
  view.appendChild(el("section", { class: "card", "aria-labelledby": "reports-title" },
    el("h2", { id: "reports-title" }, `${t("reportsTitle")} (${reports.length})`),
    el("div", { class: "table-scroll" }, el("table", { class: "events", id: "incident-reports" },
      el("thead", {}, el("tr", {}, ["published", "colSource", "colArticle", "colFigures", "event"].map((h) => el("th", { scope: "col" }, t(h))))),
      el("tbody", {}, reports.map((r) => {
        const s = stored.get(key(r.document, r.event));
        const figures = figuresOf(r);
        return el("tr", { class: "report-row", "data-document": r.document, "data-published": r.published ?? "" },
          el("td", { class: "nowrap" }, publishedText(r.published)),
          // The outlet's own page, only over http(s): a stored URL is untrusted and could be javascript: or data:.
          el("td", {}, /^https?:\/\//i.test(r.url ?? "") ? el("a", { href: r.url, rel: "noopener noreferrer", target: "_blank" }, sourceName(r)) : sourceName(r)),
          el("td", { class: "doc-title" }, s ? el("a", { href: link(`/document/${s.documentId}`, new URLSearchParams({ event: String(s.eventId) })) }, r.document) : r.document),
          el("td", {}, figures.length === 0 ? el("span", { class: "muted" }, t("noFigure")) :
            el("ul", { class: "figures" }, figures.map((c) => el("li", { class: ["figure", c.counted ? "counted" : null, c.revisedBy ? "revised" : null], "data-claim-id": c.id },
              el("strong", {}, figureText(c)), ` · ${c.claimant ?? t("unattributed")}`)))),
          el("td", {}, s ? el("a", { href: link(`/event/${s.eventId}`) }, `${t("event")} ${s.eventId}`) : "–"));
      }))))));

  // The toll's history: each claimant's figures in time order, the last one standing.
  view.appendChild(el("section", { class: "card", "aria-labelledby": "revisions-title" },
    el("h2", { id: "revisions-title" }, t("revisionsTitle")),
    incident.revisions.length === 0 ? el("p", { class: "muted" }, t("noRevision")) :
      el("div", { id: "revisions" }, incident.revisions.map((revision) => el("div", { class: "revision" },
        el("p", { class: "revision-head" }, el("strong", {}, revision.claimant ?? t("unattributed")), ` · ${revision.outcome} · ${revision.category}${revision.side ? ` · ${revision.side}` : ""}`),
        el("ol", { class: "revision-steps" }, revision.claims.map((claimId, step) => {
          const claim = claimsById.get(claimId);
          if (!claim) return null;
          const last = step === revision.claims.length - 1;
          const first = claim.reports[0];
          const href = first ? evidenceHref(first) : null;
          return el("li", { class: ["revision-step", last ? "stands" : "revised"], "data-claim-id": claim.id },
            el("span", { class: "revision-figure" }, claim.casualty ? countText(claim.casualty.count) : claim.text),
            ` ${publishedText(first?.published)} · ${sourceName(first ? reportOf.get(key(first.document, first.event)) : null)} `,
            el("span", { class: "chip" }, last ? t("stands") : t("revised")), " ",
            href ? el("a", { href, class: "evidence-link" }, t("evidence")) : null);
        })))))));

  // Contradictions across documents: each pair once.
  const pairs = [];
  for (const claim of incident.claims) {
    for (const other of claim.contradicts ?? []) if (claim.id < other && claimsById.has(other)) pairs.push([claim, claimsById.get(other)]);
  }
  const incidentClaimCard = (claim) => el("div", { class: "claim-card", "data-claim-id": claim.id },
    el("div", { class: "claimant" }, claim.claimant ?? t("unattributed")),
    claim.casualty ? el("div", { class: "figure" }, el("strong", {}, figureText(claim))) : null,
    el("blockquote", {}, claim.text),
    evidenceLinks(claim));
  view.appendChild(el("section", { class: "card", "aria-labelledby": "incident-contradictions-title" },
    el("h2", { id: "incident-contradictions-title" }, t("contradictions")),
    pairs.length === 0 ? el("p", { class: "muted" }, t("noContradiction")) :
      el("div", { id: "incident-contradictions" }, pairs.map(([a, b]) => el("div", { class: "versus" }, incidentClaimCard(a), el("div", { class: "vs" }, "vs"), incidentClaimCard(b))))));

  // Every claim, each relay of it counted once, with the sources that carry it and a link to each one's evidence.
  view.appendChild(el("section", { class: "card", "aria-labelledby": "incident-claims-title" },
    el("h2", { id: "incident-claims-title" }, `${t("incidentClaims")} (${incident.claims.length})`),
    incident.claims.length === 0 ? el("p", { class: "muted" }, t("noClaim")) :
      el("ul", { class: "claims", id: "incident-claims" }, incident.claims.map((claim) => {
        const revisedBy = claim.revisedBy ? claimsById.get(claim.revisedBy) : null;
        const contradicted = (claim.contradicts ?? []).map((c) => claimsById.get(c)).filter(Boolean);
        return el("li", { class: ["claim", contradicted.length ? "contested" : null], "data-claim-id": claim.id },
          el("blockquote", {}, claim.text),
          el("div", { class: "claim-meta" },
            el("span", { class: "claimant" }, claim.claimant ?? t("unattributed")),
            (claim.via ?? []).length ? el("span", { class: "via" }, `via ${claim.via.join(", ")}`) : null,
            claim.casualty ? el("span", { class: "figure" }, figureText(claim)) : null,
            claim.counted ? el("span", { class: "counted" }, t("counted")) : null,
            revisedBy ? el("span", { class: "revised" }, t("revisedTo", revisedBy.casualty ? countText(revisedBy.casualty.count) : revisedBy.id)) : null,
            contradicted.length ? el("span", { class: "contradicts" }, `${t("contradictedBy")}: ${contradicted.map((c) => c.claimant ?? c.id).join(", ")}`) : null),
          evidenceLinks(claim));
      }))));

  if (incident.actors.length > 0) {
    view.appendChild(el("section", { class: "card" },
      el("h2", {}, t("actors")),
      el("ul", { class: "chips" }, incident.actors.map((a) => el("li", { class: "chip" }, el("strong", {}, a.name), ` ${a.role} · ${a.kind}${a.country ? " · " + a.country : ""}`)))));
  }
}

// ---------- article view ----------

async function showDocument(view, id, focusEvent, spanParam) {
  const doc = await api(`/api/documents/${id}`);
  clear(view);
  const focus = focusEvent && /^\d+$/.test(focusEvent) ? Number(focusEvent) : null;
  // One claim's evidence (span=start-end, from the incident view), marked on top of the event's spans.
  const range = /^(\d+)-(\d+)$/.exec(spanParam ?? "");
  const target = range && Number(range[1]) < Number(range[2]) && Number(range[2]) <= doc.text.length ? { start: Number(range[1]), end: Number(range[2]) } : null;
  const counts = {};
  for (const s of doc.spans) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  const article = el("article", { class: "article-text", id: "article-text", lang: doc.info.language });
  renderHighlighted(article, doc.text, doc.spans, focus, target);

  const legend = el("div", { class: "span-legend" }, SPAN_KINDS.filter((k) => counts[k]).map((kind) => {
    const toggle = el("button", { type: "button", class: ["kind-toggle", `k-${kind}`], "aria-pressed": "true" }, `${kind} (${counts[kind]})`);
    toggle.addEventListener("click", () => {
      const hidden = article.classList.toggle(`hide-${kind}`);
      toggle.setAttribute("aria-pressed", hidden ? "false" : "true");
    });
    return toggle;
  }));

  view.appendChild(el("nav", { class: "crumbs", "aria-label": t("overview") }, el("a", { href: link("/") }, t("overview")), " › ",
    focus ? [el("a", { href: link(`/event/${focus}`) }, `${t("event")} ${focus}`), " › "] : null, t("article")));
  view.appendChild(el("div", { class: "grid-article" },
    el("section", { class: "card" },
      el("h1", { class: "article-title" }, doc.info.title ?? doc.info.id),
      el("p", { class: "muted" }, [doc.info.published ?? t("dateUnknown"), doc.info.language, doc.info.source, doc.info.id].filter(Boolean).join(" · ")),
      legend,
      article,
      doc.warnings.length ? el("ul", { class: "warnings" }, doc.warnings.map((w) => el("li", {}, w))) : null),
    el("aside", { class: "card" },
      el("h2", {}, `${t("eventsInArticle")} (${doc.events.length})`),
      doc.events.length === 0 ? el("p", { class: "muted" }, t("noneExtracted")) :
        el("ul", { class: "doc-events" }, doc.events.map((e) => el("li", { class: e.id === focus ? "focus" : null },
          el("a", { href: link(`/event/${e.id}`) }, typeBadge(e.eventType, e.subEventType)),
          ` ${dateText(e)} · ${e.location ?? "?"} · ${t("fatalities")} ${fatalitiesText(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh)}`))))));
  const first = article.querySelector(".target") ?? article.querySelector(".focus");
  if (first) first.scrollIntoView({ block: "center" });
}

// Splits the text at every span boundary; each piece is a text node inside a <mark> whose classes
// name every kind that covers it (CSS gives the narrowest kinds the strongest colour).
function renderHighlighted(container, text, spans, focus, target = null) {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  if (target) { cuts.add(target.start); cuts.add(target.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    const targeted = target !== null && target.start <= a && target.end >= b;
    if (covering.length === 0 && targeted) { container.appendChild(el("mark", { class: "target" }, piece)); continue; }
    if (covering.length === 0) { container.appendChild(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const focused = focus !== null && covering.some((s) => s.eventId === focus);
    const title = covering.map((s) => `${s.kind}${s.label ? ": " + s.label : ""}`).join("\n");
    container.appendChild(el("mark", { class: ["hl", ...kinds.map((k) => `k-${k}`), focused ? "focus" : null, targeted ? "target" : null], title, "data-kinds": kinds.join(" ") }, piece));
  }
}

// ---------- start ----------

async function start() {
  setupChrome();
  // The country names load beside the first view (not before it); the filter box and lists follow when they come.
  namesLoaded = api("/api/countries").then((list) => {
    countries = list;
    countryByIso3 = new Map(countries.map((c) => [c.iso3, c]));
    fillCountryList();
    fillFilterForm(currentRoute().params);
  }, () => {});
  window.addEventListener("hashchange", () => {
    // The map writes its position with replaceState (no event); any other change is a new view.
    if (location.hash !== lastRendered) route();
  });
  startLive({ t, onEvents: (message) => refreshLive(message).catch(() => {}) });
  const { parts } = currentRoute();
  // The country page names its country: it waits for the names.
  if (parts[0] === "country") await namesLoaded;
  await route();
}

start();
