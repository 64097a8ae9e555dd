// Live updates: the dashboard follows /api/live (Server-Sent Events). When a watcher or an ingest stores new
// events, the view that shows them is read again in place, without a reload. The browser's EventSource
// reconnects by itself after a dropped connection and sends the last event id, so nothing is missed.

/**
 * Opens the stream and keeps the indicator in the top bar (a `[data-i18n]` node, so a change of language
 * retranslates it) true to its state. `onEvents` gets each message of new events ({ count, events, lastId }).
 */
export function startLive({ t, onEvents }) {
  if (typeof EventSource !== "function") return;
  const indicator = document.createElement("span");
  indicator.id = "live-status";
  indicator.className = "live-status";
  indicator.setAttribute("role", "status");
  const show = (state) => {
    indicator.dataset.state = state;
    indicator.setAttribute("data-i18n", state === "on" ? "liveOn" : "liveOff");
    indicator.textContent = t(indicator.getAttribute("data-i18n"));
    indicator.title = t("liveTitle");
  };
  show("off");
  document.getElementById("topnav").prepend(indicator);

  const stream = new EventSource("/api/live");
  stream.addEventListener("ready", () => show("on"));
  stream.addEventListener("ping", () => show("on"));
  stream.addEventListener("events", (message) => {
    show("on");
    onEvents(JSON.parse(message.data));
  });
  stream.addEventListener("error", () => show("off"));
  window.addEventListener("pagehide", () => stream.close());
}
