// The analysis page while a recomputation runs: reload after a few seconds, so the progress and
// then the new result appear by themselves (no inline script: the CSP allows only 'self').
"use strict";
(function () {
  var status = document.querySelector("[data-refresh-seconds]");
  if (status) {
    setTimeout(function () { window.location.reload(); }, 1000 * Number(status.dataset.refreshSeconds));
  }
})();
