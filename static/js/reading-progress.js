// The reading's progress page: asks the server where the reading is, shows
// it, and moves on by itself when it is finished. Without JavaScript the page
// refreshes itself (noscript) and the « Continuer » link does the same.
(function () {
  "use strict";
  var box = document.getElementById("lecture");
  if (!box || !window.fetch) { return; }
  var label = document.getElementById("lecture-etat");
  var bar = document.getElementById("lecture-barre");
  var url = box.getAttribute("data-status-url");
  var delay = 1000;

  function show(state) {
    if (state.label && label.textContent !== state.label) { label.textContent = state.label; }
    if (state.pages_total) {
      bar.max = state.pages_total;
      bar.value = state.pages_done || 0;
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (state) {
        show(state);
        if (state.finished) {
          window.location.assign(state.next);
          return;
        }
        delay = 1000;
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 10000);
        window.setTimeout(poll, delay);
      });
  }

  window.setTimeout(poll, delay);
})();
