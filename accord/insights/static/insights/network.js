// The cooperation network: nodes and edges from data-src, positions computed by the server.
(function () {
  "use strict";
  var FONT = 'system-ui, "Noto Sans", "WenQuanYi Micro Hei", sans-serif';

  // plotly reads <b>, <a href>, <br> ... in labels as markup: names are shown as text, never as markup
  function plain(text) {
    return String(text == null ? "" : text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function label(item) {
    return plain(item.local_name ? item.name + " · " + item.local_name : item.name);
  }
  var COLOURS = { home: "#b3261e", partner: "#0b5394", network: "#2f7d32" };

  function draw(el, data) {
    var at = {};
    data.nodes.forEach(function (n) { at[n.id] = n; });
    var traces = ["cooperation", "membership"].map(function (kind) {
      var x = [], y = [];
      data.edges.forEach(function (e) {
        if (e.kind !== kind || !at[e.source] || !at[e.target]) { return; }
        x.push(at[e.source].x, at[e.target].x, null);
        y.push(at[e.source].y, at[e.target].y, null);
      });
      return { type: "scatter", mode: "lines", x: x, y: y, hoverinfo: "skip", name: kind,
               line: { width: kind === "cooperation" ? 0.8 : 0.6, color: kind === "cooperation" ? "#9fb3c8" : "#8fce92",
                       dash: kind === "membership" ? "dot" : "solid" } };
    });
    ["home", "partner", "network"].forEach(function (kind) {
      var nodes = data.nodes.filter(function (n) { return n.kind === kind; });
      traces.push({
        type: "scatter", mode: kind === "partner" ? "markers" : "markers+text", name: kind,
        x: nodes.map(function (n) { return n.x; }), y: nodes.map(function (n) { return n.y; }),
        text: nodes.map(label),
        textposition: "top center",
        customdata: nodes.map(function (n) { return n.url; }),
        marker: { size: nodes.map(function (n) { return n.size; }), color: COLOURS[kind], line: { color: "#fff", width: 1 } },
        hovertemplate: "%{text}<extra></extra>"
      });
    });
    var axis = { visible: false, zeroline: false, showgrid: false };
    var layout = { height: 640, margin: { l: 10, r: 10, t: 10, b: 10 }, font: { family: FONT }, showlegend: false,
                   xaxis: axis, yaxis: Object.assign({ scaleanchor: "x" }, axis), hovermode: "closest" };
    window.Plotly.newPlot(el, traces, layout, { responsive: true, displaylogo: false }).then(function () {
      el.dataset.drawn = String(data.nodes.length);
      el.on("plotly_click", function (event) {
        var url = event.points && event.points[0] && event.points[0].customdata;
        if (url) { window.location.href = url; }
      });
    });
  }

  function start() {
    var el = document.getElementById("insights-network");
    if (!el || !window.Plotly) { return; }
    fetch(el.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) { draw(el, data); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
