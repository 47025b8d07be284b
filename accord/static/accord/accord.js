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

// Narrow screens: the header's menu button shows and hides the navigation; the list filters start
// folded (a drawer) and stay open on wide screens, where their summary is hidden.
var narrow = window.matchMedia("(max-width: 760px)");

function setNav(open) {
  var toggle = document.querySelector(".nav-toggle");
  var nav = document.getElementById("mainnav");
  if (!toggle || !nav) {
    return;
  }
  nav.classList.toggle("open", open);
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
}

function fitDrawers() {
  document.querySelectorAll("details.filter-drawer").forEach(function (drawer) {
    drawer.open = !narrow.matches;
  });
}

document.addEventListener("DOMContentLoaded", fitDrawers);
narrow.addEventListener("change", fitDrawers);

document.addEventListener("click", function (event) {
  var toggle = event.target.closest(".nav-toggle");
  if (toggle) {
    setNav(toggle.getAttribute("aria-expanded") !== "true");
    return;
  }
  // a click elsewhere closes open menus (and the folded navigation)
  document.querySelectorAll("details.menu[open]").forEach(function (menu) {
    if (!menu.contains(event.target)) {
      menu.open = false;
    }
  });
  if (!event.target.closest("#mainnav")) {
    setNav(false);
  }
});

document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") {
    return;
  }
  var open = document.querySelectorAll("details.menu[open]");
  open.forEach(function (menu) {
    menu.open = false;
    menu.querySelector("summary").focus();
  });
  var toggle = document.querySelector(".nav-toggle[aria-expanded=true]");
  if (toggle) {
    setNav(false);
    toggle.focus();
  }
});
