// The Sources page: each source `sitrep watch` follows into this database, and how it fares (last success,
// last error and failures in a row, articles stored today). The helpers are the dashboard's own (app.js).

/** Renders the page into `view`; failing sources first, as they are what a reader comes here for. */
export async function showSources(view, { api, el, t, clear, fmt, link, locale }) {
  const answer = await api("/api/sources");
  const when = (iso) => (iso ? new Date(iso).toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  const state = (s) => (s.consecutiveFailures > 0 ? "failing" : s.lastSuccess ? "ok" : "new");
  const order = { failing: 0, new: 1, ok: 2 };
  const sources = [...answer.sources].sort((a, b) => order[state(a)] - order[state(b)] || (a.name ?? a.sourceKey).localeCompare(b.name ?? b.sourceKey, locale()));
  clear(view);
  view.appendChild(el("nav", { class: "crumbs", "aria-label": t("overview") }, el("a", { href: link("/") }, t("overview")), " › ", t("sources")));
  view.appendChild(el("h1", { class: "page-title", id: "sources-title" }, t("sourcesTitle")));
  const statusText = (s) => (state(s) === "failing" ? t("statusFailing", s.consecutiveFailures) : state(s) === "ok" ? t("statusOk") : t("statusNew"));
  const rows = sources.map((s) => el("tr", { class: "source-row", "data-source": s.sourceKey },
    el("td", {}, el("div", {}, s.name ?? s.sourceKey), el("div", { class: "muted small" }, s.sourceKey)),
    el("td", {}, el("span", { class: ["source-status", `source-${state(s)}`] }, statusText(s))),
    el("td", {}, when(s.lastSuccess)),
    el("td", {}, s.lastError ? [el("div", {}, when(s.lastErrorAt)), el("div", { class: "muted small source-error" }, s.lastError)] : "–"),
    el("td", { class: "num" }, fmt(s.documentsToday))));
  view.appendChild(el("section", { class: "card", "aria-labelledby": "sources-title" },
    el("p", { class: "muted" }, t("sourcesIntro")),
    sources.length === 0 ? el("p", { class: "muted", id: "no-sources" }, t("noSources")) :
      el("div", { class: "table-scroll" },
        el("table", { class: "events sources", id: "sources-table" },
          el("thead", {}, el("tr", {},
            [t("source"), t("sourceStatus"), t("lastSuccess"), t("lastError"), t("documentsToday")].map((h, i) => el("th", { scope: "col", class: i === 4 ? "num" : null }, h)))),
          el("tbody", {}, rows))),
    el("p", { class: "muted small" }, t("sourcesAsOf", when(answer.asOf)))));
}
