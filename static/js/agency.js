/* « Le courrier »: picking an agency in the directory fills its address when
   the address field is empty (or still holds the previous pick's address).
   Without this file, the server does the same when the step is saved. */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var select = document.querySelector("select[data-agency-directory]");
    if (!select || !select.form) return;
    var address = select.form.querySelector("textarea[name$='agency_address']");
    if (!address) return;
    var filled = "";
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      var fromDirectory = option ? option.getAttribute("data-address") || "" : "";
      var untouched = address.value.trim() === "" || address.value === filled;
      if (untouched) {
        address.value = fromDirectory;
        filled = fromDirectory;
      }
    });
  });
})();
