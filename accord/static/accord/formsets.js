// Rows of inline formsets (accord/records/templates/records/_formset.html) added and removed in place,
// before the record is saved: "Add row" copies the formset's empty form and raises TOTAL_FORMS; "Remove"
// takes away a row that is not saved yet (a saved row has its Delete box) and renumbers the rows after it.
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

  var NUMBERED = ["name", "id", "for", "aria-controls", "aria-labelledby", "aria-activedescendant"];

  function indexOf(row, prefix) {
    var named = row.querySelector('[name^="' + prefix + '-"]');
    var found = named && named.getAttribute("name").slice(prefix.length + 1).match(/^(\d+)-/);
    return found ? parseInt(found[1], 10) : -1;
  }

  // Give a row the form number `index`: its fields' names and ids, and its pickers' lists (in <body>).
  function renumber(row, prefix, index) {
    var pattern = new RegExp("^(id_)?" + prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "-\\d+-");
    var elements = [row].concat(Array.prototype.slice.call(row.querySelectorAll("*")));
    row.querySelectorAll("select.tomselected").forEach(function (select) {
      var list = select.tomselect && select.tomselect.dropdown;
      if (list) {
        elements = elements.concat([list], Array.prototype.slice.call(list.querySelectorAll("*")));
      }
    });
    elements.forEach(function (element) {
      NUMBERED.forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value && pattern.test(value)) {
          element.setAttribute(attribute, value.replace(pattern, "$1" + prefix + "-" + index + "-"));
        }
      });
    });
  }

  // A row not saved yet is taken out, and the rows after it move up one number, so that the formset
  // reads forms 0 .. TOTAL_FORMS - 1 with no gap (a missing form would count as a changed, empty one).
  function removeRow(button) {
    var row = button.closest("[data-formset-row]");
    var table = row && row.closest("table[data-formset]");
    if (!row || !table) {
      return;
    }
    var prefix = table.dataset.formset;
    var removed = indexOf(row, prefix);
    row.querySelectorAll("select.tomselected").forEach(function (select) {
      select.tomselect.destroy();
    });
    row.remove();
    table.querySelectorAll(":scope > tbody > [data-formset-row]").forEach(function (other) {
      var index = indexOf(other, prefix);
      if (removed >= 0 && index > removed) {
        renumber(other, prefix, index - 1);
      }
    });
    var total = field(prefix, "TOTAL_FORMS");
    if (total && removed >= 0) {
      total.value = String(Math.max(parseInt(total.value, 10) - 1, 0));
    }
    var add = document.querySelector('[data-formset-add="' + prefix + '"]');
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
