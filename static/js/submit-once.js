/* Double submits (intrum_assistant/once.py): once a form that carries a
   submit token is sent, its buttons are disabled and another submit of it is
   ignored; a page restored from the back-forward cache gets them back.
   Progressive enhancement only: the server refuses a repeat by itself. */
(function () {
  "use strict";
  var TOKEN = 'input[name="submit_token"]';
  var BUTTONS = 'button:not([type="button"]):not([type="reset"]), input[type="submit"]';

  function setBusy(form, busy) {
    form.querySelectorAll(BUTTONS).forEach(function (button) {
      button.disabled = busy;
    });
    if (busy) {
      form.setAttribute("aria-busy", "true");
    } else {
      form.removeAttribute("aria-busy");
      delete form.dataset.submitted;
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.querySelector(TOKEN)) {
      return;
    }
    if (form.dataset.submitted) {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    form.dataset.submitted = "1";
    // After the browser has read which button was clicked (a disabled button
    // would not be sent with the form).
    window.setTimeout(function () { setBusy(form, true); }, 0);
  });

  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll("form[data-submitted]").forEach(function (form) {
      setBusy(form, false);
    });
  });
})();
