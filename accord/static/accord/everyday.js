// Everyday moves on every page (no inline scripts under the strict CSP):
// "/" jumps to the header's search box, and buttons marked data-confirm ask first in a <dialog>.
(function () {
  "use strict";

  function typing(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var box = document.getElementById("global-search");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  // <button data-confirm="What will happen" data-confirm-title="Terminate this agreement?"
  //         data-confirm-label="Terminate"> asks before its form is sent; Cancel and Esc keep things as they were.
  var dialog = null;
  var pending = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.id = "confirm-dialog";
    dialog.className = "confirm";
    dialog.setAttribute("aria-labelledby", "confirm-title");
    dialog.setAttribute("aria-describedby", "confirm-text");
    dialog.innerHTML =
      '<form method="dialog"><h2 id="confirm-title"></h2><p id="confirm-text"></p>' +
      '<div class="actions"><button value="confirm" class="danger" id="confirm-yes"></button>' +
      '<button value="cancel" class="secondary" id="confirm-no"></button></div></form>';
    document.body.appendChild(dialog);
    dialog.addEventListener("close", function () {
      var button = pending;
      pending = null;
      if (button && dialog.returnValue === "confirm") {
        button.form.requestSubmit(button);  // a submit event, not a click: it is not asked again
      } else if (button) {
        button.focus();
      }
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-confirm]");
    if (!button || !button.form) {
      return;
    }
    event.preventDefault();
    if (!dialog) {
      build();
    }
    pending = button;
    dialog.returnValue = "";
    dialog.querySelector("#confirm-title").textContent = button.dataset.confirmTitle || button.textContent.trim();
    dialog.querySelector("#confirm-text").textContent = button.dataset.confirm;
    dialog.querySelector("#confirm-yes").textContent = button.dataset.confirmLabel || button.textContent.trim();
    dialog.querySelector("#confirm-no").textContent = document.body.dataset.cancelLabel || "Cancel";
    dialog.showModal();
    dialog.querySelector("#confirm-no").focus();
  });
})();
