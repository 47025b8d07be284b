// The dashboard's charts, drawn with plotly (served by Accord) from the JSON the page carries
// (#dashboard-charts, and #trend-chart in the trend fragment that htmx loads). Every mark opens the
// list behind it; series differ by pattern, symbol and dash as well as colour, and every bar says
// its value, so the charts read without colour. The tables stay in <details> under each chart.
(function () {
  "use strict";
  var FONT = 'system-ui, "Noto Sans", "WenQuanYi Micro Hei", sans-serif';
  var COLOURS = ["#0b5394", "#d94801", "#2f7d32", "#6a3d9a"];
  var CONFIG = { responsive: true, displaylogo: false, displayModeBar: false };

  function follow(el) {
    el.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      var url = point && point.customdata;
      if (url) { window.location.href = url; }
    });
  }

  function step(values) {
    // a whole-number tick step giving at most about six ticks: 1, 2, 5, 10, 20, 50, …
    var top = Math.max.apply(null, values.concat([1]));
    var raw = top / 6, power = 1;
    while (power * 10 <= raw) { power *= 10; }
    var choices = [1, 2, 5, 10];
    for (var i = 0; i < choices.length; i++) {
      if (choices[i] * power >= raw) { return Math.max(1, choices[i] * power); }
    }
    return 10 * power;
  }

  function all(chart) {
    return chart.series.reduce(function (acc, s) { return acc.concat(s.values); }, []);
  }

  function bars(el, chart) {
    var rows = chart.series[0].labels.length;
    var traces = chart.series.map(function (s, i) {
      return {
        type: "bar", orientation: "h", name: s.name,
        y: s.labels, x: s.values, customdata: s.urls,
        text: s.values.map(String), textposition: "outside", cliponaxis: false,
        marker: { color: COLOURS[i % COLOURS.length], line: { color: "#1f2933", width: 0.6 },
                  pattern: { shape: s.pattern || "", fillmode: "overlay", fgcolor: "#ffffff", size: 6 } },
        hovertemplate: "%{y}: %{x}<extra>" + s.name + "</extra>"
      };
    });
    var layout = {
      height: Math.max(160, 60 + rows * 26 * chart.series.length), barmode: "group",
      margin: { l: 10, r: 40, t: 10, b: 30 }, font: { family: FONT, size: 12 },
      showlegend: chart.series.length > 1, legend: { orientation: "h", y: -0.15 },
      xaxis: { title: { text: chart.unit }, rangemode: "tozero", tickformat: "d", dtick: step(all(chart)),
               automargin: true },
      yaxis: { autorange: "reversed", automargin: true }
    };
    return window.Plotly.newPlot(el, traces, layout, CONFIG);
  }

  function lines(el, chart) {
    var traces = chart.series.map(function (s, i) {
      return {
        type: "scatter", mode: "lines+markers", name: s.name,
        x: chart.years, y: s.values, customdata: s.urls,
        line: { color: COLOURS[i % COLOURS.length], dash: s.dash, width: 2.5 },
        marker: { symbol: s.symbol, size: 10, color: COLOURS[i % COLOURS.length], line: { color: "#fff", width: 1 } },
        hovertemplate: "%{x}: %{y}<extra>" + s.name + "</extra>"
      };
    });
    var layout = {
      height: 320, margin: { l: 10, r: 10, t: 10, b: 40 }, font: { family: FONT, size: 12 },
      legend: { orientation: "h", y: -0.2 }, hovermode: "closest",
      xaxis: { tickmode: "array", tickvals: chart.years, ticktext: chart.years.map(String), automargin: true },
      yaxis: { rangemode: "tozero", tickformat: "d", dtick: step(all(chart)), automargin: true }
    };
    return window.Plotly.newPlot(el, traces, layout, CONFIG);
  }

  function draw(el, chart) {
    if (!chart || !window.Plotly || el.dataset.drawn) { return; }
    var empty = chart.series.every(function (s) { return s.values.every(function (v) { return !v; }); });
    if (empty) {
      el.classList.add("empty");
      var note = document.createElement("p");
      note.className = "muted";
      note.textContent = el.dataset.empty || "";
      el.appendChild(note);
      el.dataset.drawn = "0";
      return;
    }
    (chart.type === "line" ? lines(el, chart) : bars(el, chart)).then(function () {
      el.dataset.drawn = String(chart.series.length);
      follow(el);
    });
  }

  function drawAll(root, charts) {
    root.querySelectorAll("[data-chart]").forEach(function (el) { draw(el, charts[el.dataset.chart]); });
  }

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function start() {
    var charts = read("dashboard-charts");
    if (charts) { drawAll(document, charts); }
    var trend = read("trend-chart");
    if (trend) { drawAll(document, { trend: trend }); }
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var trend = read("trend-chart");
    if (trend) { drawAll(event.target, { trend: trend }); }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
