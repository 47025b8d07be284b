// The cooperation network: nodes and edges from data-src, positions and labels computed by the
// server (labels placed so that they overlap neither each other nor a node, on a square canvas of
// data.canvas pixels: the plot is drawn square with the same axes so they stay where they were put).
(function () {
  "use strict";
  var FONT = 'system-ui, "Noto Sans", "WenQuanYi Micro Hei", sans-serif';
  var COLOURS = { home: "#b3261e", partner: "#0b5394", network: "#2f7d32" };
  var SYMBOLS = { home: "star", partner: "circle", network: "diamond" };

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
               line: { width: kind === "cooperation" ? 0.6 : 0.8, color: kind === "cooperation" ? "#c5d3e2" : "#8fce92",
                       dash: kind === "membership" ? "dot" : "solid" } };
    });
    ["home", "network", "partner"].forEach(function (kind) {
      var nodes = data.nodes.filter(function (n) { return n.kind === kind; });
      traces.push({
        type: "scatter", mode: "markers", name: kind,
        x: nodes.map(function (n) { return n.x; }), y: nodes.map(function (n) { return n.y; }),
        text: nodes.map(function (n) { return n.local_name ? n.name + " · " + n.local_name : n.name; }),
        customdata: nodes.map(function (n) { return n.url; }),
        marker: { size: nodes.map(function (n) { return n.size; }), color: COLOURS[kind], symbol: SYMBOLS[kind],
                  line: { color: "#fff", width: 1 } },
        hovertemplate: "%{text}<extra></extra>"
      });
    });
    var side = Math.min(el.clientWidth || data.canvas, data.canvas);
    var narrow = side < data.canvas * 0.8;
    var annotations = data.nodes.filter(function (n) {
      // on a small screen the partners' labels would leave the plot: the table beside names them
      return n.label && (!narrow || n.kind !== "partner");
    }).map(function (n) {
      return { x: n.x, y: n.y, text: n.label.text, showarrow: false, xanchor: n.label.xanchor,
               yanchor: n.label.yanchor, xshift: n.label.xshift, yshift: n.label.yshift,
               font: { size: 11, color: n.kind === "network" ? "#1e5b20" : "#1f2933" },
               bgcolor: "rgba(255,255,255,0.85)", borderpad: 0 };
    });
    var range = [-data.extent, data.extent];
    var axis = { visible: false, zeroline: false, showgrid: false, range: range, fixedrange: false };
    var layout = { width: side, height: side, margin: { l: 0, r: 0, t: 0, b: 0 }, font: { family: FONT },
                   showlegend: false, annotations: annotations, hovermode: "closest",
                   xaxis: axis, yaxis: Object.assign({ scaleanchor: "x" }, axis) };
    window.Plotly.newPlot(el, traces, layout, { displaylogo: false }).then(function () {
      el.dataset.drawn = String(data.nodes.length);
      el.dataset.labels = String(annotations.length);
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
