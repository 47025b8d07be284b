// The institution picker (accord/registry/widgets.py): a tom-select combobox over the registry's lookup
// service. The <select> keeps the chosen institution ids, so the form posts what it always posted.
// Office staff (<body data-picker-add="url">) may add a partner the registry lacks: the server answers
// similar partners first, and only the same name added again creates a new record.
(function () {
  "use strict";

  var LIMIT = 12;

  function texts(select) {
    try {
      return JSON.parse(select.dataset.texts || "{}");
    } catch (error) {
      return {};
    }
  }

  function named(template, name, escape) {
    return escape(template || "%(name)s").replace("%(name)s", "<strong>" + escape(name) + "</strong>");
  }

  function csrfToken(select) {
    var field = (select.form || document).querySelector("input[name=csrfmiddlewaretoken]");
    if (field) {
      return field.value;
    }
    var cookie = document.cookie.match(/(?:^|; )csrftoken=([^;]*)/);
    return cookie ? decodeURIComponent(cookie[1]) : "";
  }

  function describe(data, escape) {
    var facts = [data.local_name, data.country_name, data.kind_label].filter(Boolean).map(escape).join(" · ");
    return '<div class="picker-option"><span class="picker-name">' + escape(data.name) + "</span>" +
      (facts ? '<span class="picker-facts">' + facts + "</span>" : "") + "</div>";
  }

  // The column header of a picker in a formset table: its screen-reader label.
  function columnLabel(select) {
    var cell = select.closest("td");
    var table = cell && cell.closest("table");
    var header = table && table.querySelectorAll("thead th")[cell.cellIndex];
    return header ? header.textContent.trim() : "";
  }

  function setup(select) {
    if (select.tomselect || typeof window.TomSelect !== "function") {
      return;
    }
    var words = texts(select);
    var addUrl = document.body.dataset.pickerAdd;
    var ranks = new Map(); // institution id -> its place in the lookup's latest answer
    var confirming = null; // the name the server answered with similar partners
    var adding = 0; // raised by each "Add …": a lookup answer asked for before it is out of date
    var status = document.createElement("p");
    status.className = "picker-status";
    status.setAttribute("role", "status");
    status.hidden = true;

    function say(message, isError) {
      status.textContent = message || "";
      status.hidden = !message;
      status.classList.toggle("error", Boolean(isError));
    }

    function rank(matches) {
      ranks = new Map();
      matches.forEach(function (match, index) {
        ranks.set(String(match.id), index);
      });
    }

    var settings = {
      valueField: "id",
      labelField: "name",
      searchField: [],
      dataAttr: "data-data",
      maxItems: select.multiple ? null : 1,
      maxOptions: LIMIT + 10,
      placeholder: select.dataset.placeholder || "",
      loadThrottle: 150,
      closeAfterSelect: true,
      dropdownParent: "body", // above formset tables that scroll in their own box on phones
      plugins: select.multiple ? {remove_button: {title: words.remove || "Remove"}} : {},
      // the lookup service has ranked the matches already (any spelling): show its answer, in its order
      score: function () {
        return function (item) {
          var place = ranks.get(String(item.id));
          return place === undefined ? 0 : 1000 - place;
        };
      },
      sortField: [{field: "$score", direction: "desc"}],
      shouldLoad: function (query) {
        return query.trim().length > 0;
      },
      load: function (query, callback) {
        var picker = this;
        var asked = adding;
        picker.loadedSearches = {}; // ask the lookup every time: the registry changes
        fetch(select.dataset.lookupUrl + "?limit=" + LIMIT + "&q=" + encodeURIComponent(query), {
          headers: {Accept: "application/json"},
          credentials: "same-origin",
        })
          .then(function (response) {
            return response.ok ? response.json() : Promise.reject(new Error(String(response.status)));
          })
          .then(function (answer) {
            if (picker.inputValue() !== query || asked !== adding || confirming === query.trim()) {
              // the user typed on, or chose "Add …" (and is shown the similar partners): out of date
              callback();
              return;
            }
            confirming = null;
            say("");
            rank(answer.matches);
            callback(answer.matches);
          })
          .catch(function () {
            callback();
          });
      },
      createFilter: function (input) {
        return input.trim().length > 1;
      },
      create: addUrl ? function (input, done) {
        var picker = this;
        var name = input.trim();
        adding += 1;
        var body = new URLSearchParams({name: name});
        if (confirming === name) {
          body.set("confirm", "1");
        }
        fetch(addUrl, {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: {"X-CSRFToken": csrfToken(select), Accept: "application/json"},
        })
          .then(function (response) {
            return response.json().then(function (answer) {
              return {ok: response.ok, answer: answer};
            });
          })
          .then(function (result) {
            var answer = result.answer;
            if (result.ok && answer.created) {
              confirming = null;
              rank([answer.created]);
              done(answer.created);
              say((words.added || "%(name)s").replace("%(name)s", answer.created.name));
            } else if (result.ok && answer.similar) {
              confirming = name;
              say(answer.message);
              rank(answer.similar);
              picker.addOptions(answer.similar);
              picker.setTextboxValue(name);
              picker.lastQuery = null;
              picker.refreshOptions(true);
              picker.focus();
            } else {
              say(answer.error || words.failed, true);
            }
          })
          .catch(function () {
            say(words.failed, true);
          });
      } : false,
      render: {
        option: describe,
        item: function (data, escape) {
          var facts = [data.country_name].filter(Boolean).map(escape).join("");
          return "<div>" + escape(data.name) + (facts ? ' <span class="picker-facts">' + facts + "</span>" : "") +
            "</div>";
        },
        option_create: function (data, escape) {
          var label = named(words.add, data.input, escape);
          return '<div class="create">' + label + "</div>";
        },
        no_results: function () {
          var empty = document.createElement("div");
          empty.className = "no-results";
          empty.textContent = words.none || "";
          return empty;
        },
        loading: function () {
          var loading = document.createElement("div");
          loading.className = "picker-loading";
          loading.textContent = words.searching || "";
          return loading;
        },
        not_loading: function () {
          var hint = document.createElement("div");
          hint.className = "no-results";
          hint.textContent = words.type || "";
          return hint;
        },
      },
    };

    var picker = new window.TomSelect(select, settings);
    var input = picker.control_input;
    input.setAttribute("aria-autocomplete", "list");
    if (!input.hasAttribute("aria-labelledby")) {
      input.setAttribute("aria-label", columnLabel(select) || select.getAttribute("aria-label") || "");
    }
    picker.wrapper.insertAdjacentElement("afterend", status);
    picker.on("item_add", function () {
      confirming = null;
    });
  }

  function setupWithin(root) {
    (root || document).querySelectorAll("select[data-picker]").forEach(setup);
  }

  window.accordPicker = {setupWithin: setupWithin};
  document.addEventListener("DOMContentLoaded", function () {
    setupWithin(document);
  });
  // pages and fragments htmx brings in
  document.addEventListener("htmx:load", function (event) {
    setupWithin(event.target);
  });
})();
