/* Forms, progressively enhanced (everything works without this file).
   - A refused form: focus moves to its error summary, read out by screen
     readers; a link of the summary focuses its field and shows its question.
   - After « Ajouter une ligne »: focus on the first field of the new row. */
(function () {
  "use strict";

  function questionOf(input) {
    var fieldset = input.closest("fieldset");
    var label = document.querySelector('label[for="' + input.id + '"]');
    var choice = input.type === "radio" || input.type === "checkbox";
    if (fieldset && choice) {
      return fieldset.querySelector("legend") || fieldset;
    }
    return label || input;
  }

  function goTo(id) {
    var input = document.getElementById(id);
    if (!input) return false;
    questionOf(input).scrollIntoView();
    input.focus({ preventScroll: true });
    return true;
  }

  function firstField(container) {
    return container.querySelector(
      "input:not([type=hidden]):not([type=checkbox]), select, textarea"
    );
  }

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
      summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        if (link && goTo(link.getAttribute("href").slice(1))) {
          event.preventDefault();
        }
      });
      return;
    }
    var rows = document.querySelector("[data-focus-new-row]");
    if (rows) {
      var all = rows.querySelectorAll(".formset-row");
      var field = all.length ? firstField(all[all.length - 1]) : null;
      if (field) field.focus();
    }
  });
})();
