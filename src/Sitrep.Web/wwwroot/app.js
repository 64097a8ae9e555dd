// Sitrep dashboard. Plain ES module, no dependencies.
// Every piece of data (article text, names, claims) is untrusted: it reaches the page only as
// text nodes or attribute values (textContent, setAttribute), never as markup.

const SVG_NS = "http://www.w3.org/2000/svg";

const TAXONOMY = {
  "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
  "Statements": ["Appeal", "Support", "Accusation", "Denial", "Claim of responsibility", "Threat", "Diplomatic contact"],
};

const TYPE_CLASS = {
  "Battles": "t-battles",
  "Explosions/Remote violence": "t-explosions",
  "Violence against civilians": "t-violence",
  "Protests": "t-protests",
  "Riots": "t-riots",
  "Strategic developments": "t-strategic",
  "Statements": "t-statements",
};

const SPAN_KINDS = ["event", "place", "actor", "casualty", "attribution", "claim", "number", "date", "weapon", "trigger"];
const PAGE_SIZE = 25;
const MAP_LIMIT = 500;

// ---------- DOM helpers (the only way this file creates elements) ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
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

function fmt(n) {
  return n === null || n === undefined ? "–" : Number(n).toLocaleString("en-US");
}

function fatalitiesText(low, best, high) {
  if (best === null && low === null && high === null) return "–";
  if (low === high || high === null) return fmt(best ?? low);
  return `${fmt(best ?? low)} (${fmt(low)}–${fmt(high)})`;
}

function dateText(event) {
  if (!event.dateStart) return "undated";
  if (event.datePrecision === "day" || event.dateStart === event.dateEnd) return event.dateStart;
  if (event.datePrecision === "month") return event.dateStart.slice(0, 7);
  return `${event.dateStart} … ${event.dateEnd}`;
}

function typeBadge(eventType, subEventType) {
  return el("span", { class: ["badge", TYPE_CLASS[eventType] ?? "t-other"], title: eventType }, subEventType || eventType);
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    // Errors come as RFC 9457 problem documents; their detail names the filter that was refused.
    let reason = `HTTP ${response.status}`;
    try {
      const problem = await response.json();
      if (problem.detail) reason = problem.detail;
    } catch {
      // not JSON: keep the status
    }
    throw new Error(`${path}: ${reason}`);
  }
  return response.json();
}

// ---------- filters and routing ----------

const FILTER_NAMES = ["from", "to", "country", "type", "status", "text"];

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

function fillFilterForm(params) {
  const form = document.getElementById("filters");
  for (const name of FILTER_NAMES) form.elements[name].value = params.get(name) ?? "";
  const query = filterParams(params).toString();
  document.getElementById("export-link").setAttribute("href", `/api/export?format=acled-csv${query ? "&" + query : ""}`);
  document.getElementById("export-geojson").setAttribute("href", `/api/export?format=geojson${query ? "&" + query : ""}`);
}

function setupFilters() {
  const select = document.getElementById("type-select");
  for (const [type, subTypes] of Object.entries(TAXONOMY)) {
    const group = el("optgroup", { label: type });
    group.appendChild(el("option", { value: type }, `${type} (all)`));
    for (const sub of subTypes) group.appendChild(el("option", { value: sub }, sub));
    select.appendChild(group);
  }
  const form = document.getElementById("filters");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, name === "country" ? value.toUpperCase() : value);
    }
    const query = params.toString();
    location.hash = `#/${query ? "?" + query : ""}`;
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    form.reset();
    location.hash = "#/";
  });
}

async function route() {
  const view = document.getElementById("view");
  const { parts, params } = currentRoute();
  fillFilterForm(params);
  clear(view);
  view.appendChild(el("div", { class: "loading" }, "Loading…"));
  try {
    if (parts[0] === "event" && /^\d+$/.test(parts[1] ?? "")) await showEvent(view, parts[1]);
    else if (parts[0] === "document" && /^\d+$/.test(parts[1] ?? "")) await showDocument(view, parts[1], params.get("event"));
    else await showOverview(view, params);
  } catch (error) {
    clear(view);
    view.appendChild(el("div", { class: "card error" }, `Could not load this view: ${error.message}`));
  }
  window.scrollTo(0, 0);
}

// ---------- overview: map, timeline, stats, table ----------

let worldPromise = null;
function loadWorld() {
  worldPromise ??= fetch("/geo/countries-110m.geojson").then((r) => r.json());
  return worldPromise;
}

async function showOverview(view, params) {
  const filters = filterParams(params);
  const query = filters.toString();
  const offset = Math.max(0, parseInt(params.get("offset") ?? "0", 10) || 0);
  const [stats, mapPage, tablePage, world] = await Promise.all([
    api(`/api/stats?${query}`),
    api(`/api/events?${query}&limit=${MAP_LIMIT}`),
    api(`/api/events?${query}&limit=${PAGE_SIZE}&offset=${offset}`),
    loadWorld(),
  ]);
  clear(view);
  view.appendChild(statCards(stats));
  view.appendChild(el("div", { class: "grid-2" },
    el("section", { class: "card map-card" },
      el("h2", {}, "Map ", el("span", { class: "muted" }, mapPage.total > MAP_LIMIT ? `(newest ${MAP_LIMIT} of ${fmt(mapPage.total)})` : `(${fmt(mapPage.total)} events)`)),
      worldMap(world, mapPage.items),
      el("p", { class: "legend" }, Object.entries(TYPE_CLASS).map(([type, cls]) => el("span", { class: "legend-item" }, el("i", { class: ["dot", cls] }), type)))),
    el("section", { class: "card" },
      el("h2", {}, "Fatalities by side ", el("span", { class: "muted" }, "(claimed, current killed)")),
      sideBars(stats.bySide),
      el("h2", {}, "By country"),
      sideBars(stats.byCountry))));
  view.appendChild(el("section", { class: "card" },
    el("h2", {}, "Fatalities over time ", el("span", { class: "muted" }, "best estimate, with the low–high band")),
    timeline(stats.byDay)));
  view.appendChild(eventsTable(tablePage, filters, offset));
}

function statCards(stats) {
  const card = (label, value, note) => el("div", { class: "stat" }, el("div", { class: "stat-value" }, value), el("div", { class: "stat-label" }, label), note ? el("div", { class: "stat-note" }, note) : null);
  return el("section", { class: "stats" },
    card("events", fmt(stats.events)),
    card("articles", fmt(stats.documents)),
    card("fatalities (best)", fmt(stats.total.best), `low ${fmt(stats.total.low)} · high ${fmt(stats.total.high)}`),
    card("countries", fmt(stats.byCountry.filter((c) => c.key !== "unknown").length)));
}

function worldMap(world, events) {
  const located = events.filter((e) => e.lat !== null && e.lon !== null);
  // Fit the view to the events (with margins), or show the world when none has coordinates.
  let [minLon, maxLon, minLat, maxLat] = [-170, 190, -58, 84];
  if (located.length > 0) {
    minLon = Math.min(...located.map((e) => e.lon));
    maxLon = Math.max(...located.map((e) => e.lon));
    minLat = Math.min(...located.map((e) => e.lat));
    maxLat = Math.max(...located.map((e) => e.lat));
    const padLon = Math.max(12, (maxLon - minLon) * 0.25);
    const padLat = Math.max(8, (maxLat - minLat) * 0.25);
    minLon -= padLon; maxLon += padLon; minLat -= padLat; maxLat += padLat;
  }
  let width = maxLon - minLon;
  let height = maxLat - minLat;
  // Keep a landscape frame.
  if (width < height * 1.6) { const grow = height * 1.6 - width; minLon -= grow / 2; width += grow; }
  else { const grow = width / 1.6 - height; minLat -= grow / 2; maxLat += grow / 2; height += grow; }

  const countriesWithEvents = new Set(located.map((e) => e.country).filter(Boolean));
  const map = svg("svg", { class: "map", viewBox: `${minLon} ${-maxLat} ${width} ${height}`, role: "img", "aria-label": "Map of events" });
  map.appendChild(svg("rect", { x: minLon, y: -maxLat, width, height, class: "sea" }));
  const land = svg("g", { class: "countries" });
  for (const feature of world.features) {
    const path = svg("path", { d: geometryPath(feature.geometry), class: ["country", countriesWithEvents.has(feature.properties.iso3) ? "has-events" : null] });
    path.appendChild(svg("title", {}, feature.properties.name));
    land.appendChild(path);
  }
  map.appendChild(land);
  const markers = svg("g", { class: "markers" });
  const unit = width / 160;
  // Area grows with fatalities, up to a cap: one huge (or misread) toll must not cover the map.
  const killed = (e) => e.fatalitiesBest ?? e.fatalitiesLow ?? 0;
  const most = Math.max(1, ...located.map(killed));
  // Largest first, so small markers stay on top and clickable.
  for (const e of [...located].sort((a, b) => killed(b) - killed(a))) {
    const radius = unit * (1.1 + 6 * Math.sqrt(killed(e) / Math.max(most, 25)));
    const marker = svg("circle", {
      cx: e.lon, cy: -e.lat, r: radius.toFixed(3),
      class: ["marker", TYPE_CLASS[e.eventType] ?? "t-other"], "data-event-id": e.id, tabindex: 0,
    });
    marker.appendChild(svg("title", {}, `${e.subEventType} — ${e.location ?? "?"}, ${dateText(e)} — fatalities ${fatalitiesText(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh)}`));
    const open = () => { location.hash = `#/event/${e.id}`; };
    marker.addEventListener("click", open);
    marker.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
    markers.appendChild(marker);
  }
  map.appendChild(markers);
  const wrap = el("div", { class: "map-wrap" }, map);
  if (located.length === 0) wrap.appendChild(el("div", { class: "map-empty" }, "No event with coordinates matches."));
  return wrap;
}

function geometryPath(geometry) {
  const ring = (points) => "M" + points.map(([lon, lat]) => `${lon},${-lat}`).join("L") + "Z";
  if (geometry.type === "Polygon") return geometry.coordinates.map(ring).join("");
  if (geometry.type === "MultiPolygon") return geometry.coordinates.flat().map(ring).join("");
  return "";
}

function sideBars(buckets) {
  if (!buckets.length) return el("p", { class: "muted" }, "No fatalities recorded for these filters.");
  const top = buckets.slice(0, 8);
  const max = Math.max(1, ...top.map((b) => b.high || b.best));
  return el("div", { class: "bars" }, top.map((b) =>
    el("div", { class: "bar-row" },
      el("div", { class: "bar-label", title: b.key }, b.key),
      el("div", { class: "bar-track" },
        barSpan("bar-range", b.low, b.high, max),
        barSpan("bar-best", 0, b.best, max)),
      el("div", { class: "bar-value" }, fatalitiesText(b.low, b.best, b.high)))));
}

function barSpan(cls, from, to, max) {
  const span = el("span", { class: cls });
  // Geometry through the CSSOM (allowed by the style policy), never through a style attribute.
  span.style.left = `${(100 * from) / max}%`;
  span.style.width = `${Math.max(0, (100 * (to - from)) / max)}%`;
  return span;
}

function timeline(days) {
  const points = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.key));
  if (points.length === 0) return el("p", { class: "muted" }, "No dated current events for these filters.");
  const W = 1000, H = 220, left = 48, right = 12, top = 12, bottom = 28;
  const time = (key) => Date.parse(key + "T00:00:00Z");
  const t0 = time(points[0].key);
  const t1 = Math.max(time(points[points.length - 1].key), t0 + 86400000);
  const max = Math.max(1, ...points.map((p) => p.high));
  const x = (key) => left + ((time(key) - t0) / (t1 - t0)) * (W - left - right);
  const y = (value) => H - bottom - (value / max) * (H - top - bottom);
  const chart = svg("svg", { class: "timeline", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Fatalities by day" });
  for (const tick of [0, 0.5, 1]) {
    const value = Math.round(max * tick);
    chart.appendChild(svg("line", { x1: left, x2: W - right, y1: y(value), y2: y(value), class: "grid" }));
    chart.appendChild(svg("text", { x: left - 6, y: y(value) + 4, class: "axis", "text-anchor": "end" }, fmt(value)));
  }
  const band = points.map((p) => `${x(p.key)},${y(p.high)}`).concat([...points].reverse().map((p) => `${x(p.key)},${y(p.low)}`));
  chart.appendChild(svg("polygon", { points: band.join(" "), class: "band" }));
  chart.appendChild(svg("polyline", { points: points.map((p) => `${x(p.key)},${y(p.best)}`).join(" "), class: "best" }));
  for (const p of points) {
    const dot = svg("circle", { cx: x(p.key), cy: y(p.best), r: 3.5, class: "day" });
    dot.appendChild(svg("title", {}, `${p.key}: ${fatalitiesText(p.low, p.best, p.high)} killed in ${p.events} events`));
    chart.appendChild(dot);
  }
  // Date labels at least 110 units apart; the first and last anchored inside the frame.
  let lastX = -Infinity;
  points.forEach((p, i) => {
    const px = x(p.key);
    const isLast = i === points.length - 1;
    if (px - lastX < 110 && !isLast) return;
    if (isLast && px - lastX < 110 && lastX > -Infinity) chart.lastChild.remove();
    const anchor = i === 0 ? "start" : isLast ? "end" : "middle";
    chart.appendChild(svg("text", { x: px, y: H - 8, class: "axis", "text-anchor": anchor }, p.key));
    lastX = px;
  });
  return chart;
}

function eventsTable(page, filters, offset) {
  const query = filters.toString();
  const pageLink = (to) => `#/?${query ? query + "&" : ""}offset=${to}`;
  const rows = page.items.map((e) => {
    const row = el("tr", { class: "event-row", "data-event-id": e.id, tabindex: 0 },
      el("td", { class: "nowrap" }, dateText(e)),
      el("td", {}, typeBadge(e.eventType, e.subEventType)),
      el("td", {}, e.location ?? "–"),
      el("td", {}, e.country ?? "–"),
      el("td", { class: "num" }, fatalitiesText(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh)),
      el("td", {}, el("span", { class: ["status", `s-${e.status}`] }, e.status)),
      el("td", { class: "num" }, fmt(e.claimCount)),
      el("td", { class: "doc-title" }, e.title ?? e.documentKey));
    const open = () => { location.hash = `#/event/${e.id}`; };
    row.addEventListener("click", open);
    row.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
    return row;
  });
  const last = Math.min(page.offset + page.items.length, page.total);
  return el("section", { class: "card" },
    el("div", { class: "table-head" },
      el("h2", {}, "Events"),
      el("div", { class: "pager" },
        el("span", { class: "muted", id: "events-count" }, page.total === 0 ? "no events" : `${fmt(page.offset + 1)}–${fmt(last)} of ${fmt(page.total)}`),
        offset > 0 ? el("a", { class: "button secondary", href: pageLink(Math.max(0, offset - PAGE_SIZE)) }, "‹ Newer") : null,
        last < page.total ? el("a", { class: "button secondary", href: pageLink(offset + PAGE_SIZE) }, "Older ›") : null)),
    el("table", { class: "events", id: "events-table" },
      el("thead", {}, el("tr", {}, ["Date", "Event", "Location", "Country", "Fatalities", "Status", "Claims", "Article"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: 8, class: "muted empty" }, "No event matches these filters.")))));
}

// ---------- event view ----------

async function showEvent(view, id) {
  const detail = await api(`/api/events/${id}`);
  const e = detail.summary;
  const record = detail.record;
  clear(view);
  const docLink = `#/document/${e.documentId}?event=${e.id}`;
  view.appendChild(el("nav", { class: "crumbs" }, el("a", { href: "#/" }, "Overview"), " › ", `Event ${e.id}`));
  view.appendChild(el("section", { class: "card event-head" },
    el("div", { class: "event-title" }, typeBadge(e.eventType, e.subEventType), el("h1", {}, `${e.subEventType} — ${e.location ?? "unknown place"}`)),
    el("dl", { class: "facts" },
      fact("Date", `${dateText(e)}${record.date?.text ? ` (“${record.date.text}”)` : ""}`),
      fact("Event type", e.eventType),
      fact("Status", el("span", { class: ["status", `s-${e.status}`] }, e.status)),
      fact("Place", [e.location ?? "–", e.admin1 ? `, ${e.admin1}` : "", e.country ? ` (${e.country})` : "", e.lat !== null ? ` · ${e.lat.toFixed(2)}, ${e.lon.toFixed(2)}` : ""].join("")),
      fact("Fatalities", fatalitiesText(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh)),
      fact("Confidence", `${Math.round((record.confidence ?? 0) * 100)}%`),
      fact("Article", el("a", { href: docLink, id: "open-article" }, detail.document.title ?? detail.document.id)),
      fact("Published", [detail.document.published ?? "unknown", detail.document.source ? ` · ${detail.document.source}` : ""].join("")))));

  view.appendChild(el("section", { class: "card" },
    el("h2", {}, `Claims (${record.claims.length})`),
    record.claims.length === 0 ? el("p", { class: "muted" }, "No claim was attributed for this event.") :
      el("ul", { class: "claims", id: "claims" }, record.claims.map((c) => claimItem(c, record.claims)))));

  if (detail.contradictions.length > 0) {
    view.appendChild(el("section", { class: "card" },
      el("h2", {}, "Contradictions"),
      detail.contradictions.map((pair) => el("div", { class: "versus" },
        claimCard(pair.first), el("div", { class: "vs" }, "vs"), claimCard(pair.second)))));
  }

  view.appendChild(el("section", { class: "card" },
    el("h2", {}, `Casualty figures (${record.casualties.length})`),
    record.casualties.length === 0 ? el("p", { class: "muted" }, "No casualty figure.") :
      el("table", { class: "events casualties" },
        el("thead", {}, el("tr", {}, ["Outcome", "Count", "Victims", "Status", "Claimed by", "Via"].map((h) => el("th", {}, h)))),
        el("tbody", {}, record.casualties.map((c) => el("tr", {},
          el("td", {}, c.outcome),
          el("td", { class: "num" }, countText(c.count)),
          el("td", {}, [c.victims.category, c.victims.side ? ` · ${c.victims.side}` : "", c.victims.text ? ` (“${c.victims.text}”)` : ""].join("")),
          el("td", {}, el("span", { class: ["status", `s-${c.status}`] }, c.status)),
          el("td", {}, c.attribution?.claimant ?? "unattributed"),
          el("td", {}, (c.attribution?.via ?? []).join(", ") || "–")))))));

  view.appendChild(el("section", { class: "card" },
    el("h2", {}, "Actors"),
    record.actors.length === 0 ? el("p", { class: "muted" }, "No actor named.") :
      el("ul", { class: "chips" }, record.actors.map((a) => el("li", { class: "chip" }, el("strong", {}, a.name), ` ${a.role} · ${a.kind}${a.country ? " · " + a.country : ""}`)))));

  view.appendChild(el("section", { class: "card" },
    el("h2", {}, "Evidence"),
    el("p", {}, el("a", { class: "button", href: docLink }, "Open the article with every span highlighted"))));
}

function fact(label, value) {
  return [el("dt", {}, label), el("dd", {}, value)];
}

function countText(count) {
  if (!count) return "not given";
  if (count.value !== null && count.value !== undefined && !count.approximate) return fmt(count.value);
  const range = count.max === null || count.max === undefined ? `≥ ${fmt(count.min)}` : `${fmt(count.min)}–${fmt(count.max)}`;
  return `${range} (“${count.text}”)`;
}

function claimItem(claim, all) {
  const contradicted = (claim.contradicts ?? []).map((id) => all.find((c) => c.id === id)).filter(Boolean);
  return el("li", { class: ["claim", contradicted.length ? "contested" : null], "data-claim-id": claim.id },
    el("blockquote", {}, claim.text),
    el("div", { class: "claim-meta" },
      el("span", { class: "claimant" }, claim.claimant ?? "unattributed"),
      (claim.via ?? []).length ? el("span", { class: "via" }, `via ${claim.via.join(", ")}`) : null,
      contradicted.length ? el("span", { class: "contradicts" }, `contradicted by: ${contradicted.map((c) => c.claimant ?? c.id).join(", ")}`) : null));
}

function claimCard(claim) {
  return el("div", { class: "claim-card" },
    el("div", { class: "claimant" }, claim.claimant ?? "unattributed"),
    (claim.via ?? []).length ? el("div", { class: "via" }, `via ${claim.via.join(", ")}`) : null,
    el("blockquote", {}, claim.text));
}

// ---------- article view ----------

async function showDocument(view, id, focusEvent) {
  const doc = await api(`/api/documents/${id}`);
  clear(view);
  const focus = focusEvent && /^\d+$/.test(focusEvent) ? Number(focusEvent) : null;
  const counts = {};
  for (const s of doc.spans) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  const article = el("article", { class: "article-text", id: "article-text", lang: doc.info.language });
  renderHighlighted(article, doc.text, doc.spans, focus);

  const legend = el("div", { class: "span-legend" }, SPAN_KINDS.filter((k) => counts[k]).map((kind) => {
    const toggle = el("button", { type: "button", class: ["kind-toggle", `k-${kind}`], "aria-pressed": "true" }, `${kind} (${counts[kind]})`);
    toggle.addEventListener("click", () => {
      const hidden = article.classList.toggle(`hide-${kind}`);
      toggle.setAttribute("aria-pressed", hidden ? "false" : "true");
    });
    return toggle;
  }));

  view.appendChild(el("nav", { class: "crumbs" }, el("a", { href: "#/" }, "Overview"), " › ",
    focus ? [el("a", { href: `#/event/${focus}` }, `Event ${focus}`), " › "] : null, "Article"));
  view.appendChild(el("div", { class: "grid-article" },
    el("section", { class: "card" },
      el("h1", { class: "article-title" }, doc.info.title ?? doc.info.id),
      el("p", { class: "muted" }, [doc.info.published ?? "date unknown", doc.info.language, doc.info.source, doc.info.id].filter(Boolean).join(" · ")),
      legend,
      article,
      doc.warnings.length ? el("ul", { class: "warnings" }, doc.warnings.map((w) => el("li", {}, w))) : null),
    el("aside", { class: "card" },
      el("h2", {}, `Events in this article (${doc.events.length})`),
      doc.events.length === 0 ? el("p", { class: "muted" }, "None extracted.") :
        el("ul", { class: "doc-events" }, doc.events.map((e) => el("li", { class: e.id === focus ? "focus" : null },
          el("a", { href: `#/event/${e.id}` }, typeBadge(e.eventType, e.subEventType)),
          ` ${dateText(e)} · ${e.location ?? "?"} · fatalities ${fatalitiesText(e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh)}`))))));
  const first = article.querySelector(".focus");
  if (first) first.scrollIntoView({ block: "center" });
}

// Splits the text at every span boundary; each piece is a text node inside a <mark> whose classes
// name every kind that covers it (CSS gives the narrowest kinds the strongest colour).
function renderHighlighted(container, text, spans, focus) {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (covering.length === 0) { container.appendChild(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const focused = focus !== null && covering.some((s) => s.eventId === focus);
    const title = covering.map((s) => `${s.kind}${s.label ? ": " + s.label : ""}`).join("\n");
    container.appendChild(el("mark", { class: ["hl", ...kinds.map((k) => `k-${k}`), focused ? "focus" : null], title, "data-kinds": kinds.join(" ") }, piece));
  }
}

// ---------- start ----------

setupFilters();
window.addEventListener("hashchange", route);
route();
