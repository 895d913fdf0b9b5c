// A failed correction re-renders the page at the form's #anchor (the form posts there). A
// page opened at a fragment skips `autofocus`, so focus the field the server marked once the
// browser has jumped to the anchor: the keyboard and screen reader land on the error too.
(function () {
  "use strict";
  window.addEventListener("load", function () {
    window.setTimeout(function () {
      var field = document.querySelector("form [autofocus]");
      if (field && document.activeElement !== field) field.focus();
    }, 0);
  });
})();
