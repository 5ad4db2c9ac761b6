// « Copier le texte »: a button with data-copy="<id of a textarea or input>"
// copies its value. Without JavaScript the button stays hidden and the text
// can be selected by hand (the field is read-only, not disabled).
(function () {
  "use strict";
  function copy(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector("[data-copy-status]");
    if (!source) { return; }
    function done(message) { if (status) { status.textContent = message; } }
    function fallback() {
      source.focus();
      source.select();
      try {
        done(document.execCommand("copy") ? "Texte copié." : "Sélectionnez le texte et copiez-le.");
      } catch (error) {
        done("Sélectionnez le texte et copiez-le.");
      }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(function () { done("Texte copié."); }, fallback);
    } else {
      fallback();
    }
  }
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { copy(button); });
  });
})();
