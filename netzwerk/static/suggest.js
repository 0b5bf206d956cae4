// Type-ahead for the link forms: fills the input's <datalist> with entries from the app's own
// JSON endpoint (no CDN, no inline script: the CSP allows only 'self'), and remembers the uid
// of the suggestion picked. Without this script the typed name is resolved on the server.
"use strict";
(function () {
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var uidField = document.getElementById(input.dataset.uidField);
    var found = {};
    var timer = null;
    var asked = "";

    function remember() {
      uidField.value = found[input.value] || "";
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < 2 || text === asked) { return; }
      asked = text;
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (rows) {
          if (text !== input.value.trim()) { return; }  // a newer request is under way
          found = {};
          list.textContent = "";
          rows.forEach(function (row) {
            var option = document.createElement("option");
            option.value = row.name;  // text only: a name is never read as HTML
            found[row.name] = row.uid;
            list.appendChild(option);
          });
          remember();
        })
        .catch(function () { /* the server resolves the typed name instead */ });
    }

    input.addEventListener("input", function () {
      remember();
      clearTimeout(timer);
      timer = setTimeout(ask, 150);
    });
    input.addEventListener("change", remember);
  }

  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
