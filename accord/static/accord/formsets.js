// Rows of inline formsets (accord/records/templates/records/_formset.html) added and removed in place,
// before the record is saved: "Add row" copies the formset's empty form and raises TOTAL_FORMS; "Remove"
// takes away a row that is not saved yet (a saved row has its Delete box). A removed row leaves a gap in
// the numbering, which Django's formsets read as an empty, unchanged form.
(function () {
  "use strict";

  function field(prefix, name) {
    return document.getElementById("id_" + prefix + "-" + name);
  }

  function addRow(button) {
    var prefix = button.dataset.formsetAdd;
    var total = field(prefix, "TOTAL_FORMS");
    var max = field(prefix, "MAX_NUM_FORMS");
    var template = document.querySelector('template[data-formset-template="' + prefix + '"]');
    var body = document.querySelector('table[data-formset="' + prefix + '"] > tbody');
    if (!total || !template || !body) {
      return;
    }
    var index = parseInt(total.value, 10);
    if (max && index >= parseInt(max.value, 10)) {
      return;
    }
    var copy = document.createElement("template");
    copy.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    var row = copy.content.firstElementChild;
    body.appendChild(row);
    total.value = String(index + 1);
    if (window.accordPicker) {
      window.accordPicker.setupWithin(row);
    }
    var first = row.querySelector("input:not([type=hidden]):not([tabindex='-1']), select:not(.tomselected), textarea");
    if (first) {
      first.focus();
    }
  }

  function removeRow(button) {
    var row = button.closest("[data-formset-row]");
    var table = row && row.closest("table[data-formset]");
    if (!row || !table) {
      return;
    }
    row.remove();
    var add = document.querySelector('[data-formset-add="' + table.dataset.formset + '"]');
    if (add) {
      add.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-formset-add]");
    if (add) {
      addRow(add);
      return;
    }
    var remove = event.target.closest("[data-formset-remove]");
    if (remove) {
      removeRow(remove);
    }
  });
})();
