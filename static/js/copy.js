/* A « Copier » button for a read-only field (the calendar link, the
   SignalConso text): <button data-copy="field id" data-copy-status="status id"
   data-copied="message">. Hidden without JavaScript: the field itself can
   still be selected and copied by hand. */
(function () {
  "use strict";

  function copy(input) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(input.value);
    }
    input.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var input = document.getElementById(button.getAttribute("data-copy"));
      var status = document.getElementById(button.getAttribute("data-copy-status"));
      if (!input) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(input).then(
          function () {
            if (status) status.textContent = button.getAttribute("data-copied") || "Copié.";
          },
          function () {
            input.select();
            if (status) status.textContent = "La copie n'a pas marché : le texte est sélectionné, copiez-le vous-même.";
          }
        );
      });
    });
  });
})();
