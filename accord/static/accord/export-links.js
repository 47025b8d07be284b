// Keep the CSV/XLSX export links of a filtered list in step with the filters that htmx applies
// without reloading the page: each link is the current query plus export=<format>.
(function () {
  function refresh() {
    var params = new URLSearchParams(window.location.search);
    params.delete("page");
    document.querySelectorAll("a[data-export]").forEach(function (link) {
      params.set("export", link.dataset.export);
      link.setAttribute("href", "?" + params.toString());
    });
  }
  document.addEventListener("htmx:pushedIntoHistory", refresh);
  document.addEventListener("htmx:replacedInHistory", refresh);
  document.addEventListener("DOMContentLoaded", refresh);
})();
