// The world map: reads the data endpoint named in data-src and draws it with plotly, offline:
// the world TopoJSON comes from Accord's own static files (data-topojson), never from a CDN.
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

  function draw(el, data) {
    var countries = data.countries;
    var markers = data.markers;
    var choropleth = {
      type: "choropleth",
      locationmode: "ISO-3",
      locations: countries.map(function (c) { return c.iso3; }),
      z: countries.map(function (c) { return c.partners; }),
      text: countries.map(function (c) { return plain(c.name); }),
      customdata: countries.map(function (c) { return c.url; }),
      colorscale: "Blues",
      marker: { line: { color: "#8392a5", width: 0.4 } },
      colorbar: { title: { text: el.dataset.partnersLabel || "Partners" } },
      hovertemplate: "%{text}: %{z}<extra></extra>",
      name: "countries"
    };
    var points = {
      type: "scattergeo",
      mode: "markers",
      lat: markers.map(function (m) { return m.lat; }),
      lon: markers.map(function (m) { return m.lon; }),
      text: markers.map(label),
      customdata: markers.map(function (m) { return m.url; }),
      marker: { size: 6, color: "#d94801", line: { color: "#ffffff", width: 0.5 } },
      hovertemplate: "%{text}<extra></extra>",
      name: "partners"
    };
    var layout = {
      margin: { l: 0, r: 0, t: 0, b: 0 },
      height: 560,
      font: { family: FONT },
      showlegend: false,
      geo: { projection: { type: "natural earth" }, showframe: false, showcountries: true, countrycolor: "#c0c8d2",
             showland: true, landcolor: "#f4f6f8", resolution: 110 }
    };
    var config = { topojsonURL: el.dataset.topojson, responsive: true, displaylogo: false };
    window.Plotly.newPlot(el, [choropleth, points], layout, config).then(function () {
      el.dataset.drawn = String(countries.length);
      el.on("plotly_click", function (event) {
        var url = event.points && event.points[0] && event.points[0].customdata;
        if (url) { window.location.href = url; }
      });
    });
    var note = document.getElementById("map-note");
    if (note && data.markers_total > markers.length) {
      note.textContent = markers.length + " / " + data.markers_total;
    }
  }

  function start() {
    var el = document.getElementById("insights-map");
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
