// Accord's page behaviour: no inline scripts, so a strict Content-Security-Policy can forbid them.
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-autosubmit]")) {
    event.target.form.submit();
  }
});

// Partner search suggestions (filled by htmx into #typeahead): Escape closes them.
document.addEventListener("keydown", function (event) {
  if (event.key === "Escape" && event.target.id === "id_q") {
    var list = document.getElementById("typeahead");
    if (list) {
      list.innerHTML = "";
    }
  }
});
