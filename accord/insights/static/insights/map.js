// The world map: reads the data endpoint named in data-src and draws it with plotly, offline:
// the world TopoJSON comes from Accord's own static files (data-topojson), never from a CDN.
// Countries are shaded by integer classes of partners (the server's "classes": more partners,
// darker), the colour bar names each class; a click on a country or a marker opens its list.
(function () {
  "use strict";
  var FONT = 'system-ui, "Noto Sans", "WenQuanYi Micro Hei", sans-serif';
  var NONE = "#eef2f6";

  function stepScale(classes) {
    // one flat band of colour per class over z = 0 … n-1 (zmin -0.5, zmax n-0.5)
    var n = Math.max(classes.length, 1), scale = [];
    classes.forEach(function (c, i) {
      scale.push([i / n, c.colour], [(i + 1) / n, c.colour]);
    });
    return scale.length ? scale : [[0, NONE], [1, NONE]];
  }

  function draw(el, data) {
    var countries = data.countries;
    var markers = data.markers;
    var classes = data.classes || [];
    var label = el.dataset.partnersLabel || "Partners";
    var choropleth = {
      type: "choropleth",
      locationmode: "ISO-3",
      locations: countries.map(function (c) { return c.iso3; }),
      z: countries.map(function (c) { return c["class"]; }),
      zmin: -0.5,
      zmax: classes.length - 0.5,
      text: countries.map(function (c) { return c.name; }),
      customdata: countries.map(function (c) { return [c.url, c.partners]; }),
      colorscale: stepScale(classes),
      marker: { line: { color: "#52606d", width: 0.5 } },
      colorbar: {
        title: { text: label }, tickmode: "array", ticks: "",
        tickvals: classes.map(function (c, i) { return i; }),
        ticktext: classes.map(function (c) { return c.label; }),
        len: 0.8, thickness: 18
      },
      hovertemplate: "%{text}: %{customdata[1]} " + label.toLowerCase() + "<extra></extra>",
      name: "countries"
    };
    var points = {
      type: "scattergeo",
      mode: "markers",
      lat: markers.map(function (m) { return m.lat; }),
      lon: markers.map(function (m) { return m.lon; }),
      text: markers.map(function (m) { return m.local_name ? m.name + " · " + m.local_name : m.name; }),
      customdata: markers.map(function (m) { return m.url; }),
      marker: { size: 6, color: "#d94801", symbol: "circle", line: { color: "#ffffff", width: 0.8 } },
      hovertemplate: "%{text}<extra></extra>",
      name: "partners"
    };
    if (narrow(el)) {  // a phone: the colour bar goes under the map, so the map keeps the width
      Object.assign(choropleth.colorbar, { orientation: "h", x: 0.5, xanchor: "center", y: 0, yanchor: "top",
                                           len: 0.9, thickness: 14, title: { text: label, side: "top" } });
    }
    var layout = {
      margin: { l: 0, r: 0, t: 0, b: narrow(el) ? 70 : 0 },
      height: mapHeight(el),
      font: { family: FONT },
      showlegend: false,
      geo: { projection: { type: "natural earth", scale: 1 }, fitbounds: false, showframe: false,
             lonaxis: { range: [-180, 180] }, lataxis: { range: [-90, 90] },
             showcountries: true, countrycolor: "#c0c8d2", showland: true, landcolor: NONE,
             showocean: false, resolution: 110 }
    };
    var config = { topojsonURL: el.dataset.topojson, responsive: true, displaylogo: false };
    window.Plotly.newPlot(el, [choropleth, points], layout, config).then(function () {
      el.dataset.drawn = String(countries.length);
      el.on("plotly_click", function (event) {
        var data = event.points && event.points[0] && event.points[0].customdata;
        var url = Array.isArray(data) ? data[0] : data;
        if (url) { window.location.href = url; }
      });
    });
    window.addEventListener("resize", function () {
      window.Plotly.relayout(el, { height: mapHeight(el) });
    });
    var note = document.getElementById("map-note");
    if (note && data.markers_total > markers.length) {
      note.textContent = markers.length + " / " + data.markers_total;
    }
  }

  function narrow(el) {
    return (el.clientWidth || 800) < 600;
  }

  function mapHeight(el) {
    // the whole world in the width available: natural earth is about twice as wide as it is high
    var width = el.clientWidth || 800;
    return narrow(el) ? Math.round(width / 1.8) + 70 : Math.max(220, Math.round((width - 90) / 1.8));
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
