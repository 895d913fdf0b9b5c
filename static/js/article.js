// The article page opened at a statement: ?s=<id> (the server marks it .selected) or
// #statement-<id> (a link to the list entry) highlights that statement in the text and
// scrolls to it. Without JavaScript the #s-<id> anchor still scrolls.
(function () {
  "use strict";
  function select(id) {
    var mark = document.getElementById("s-" + id);
    if (!mark) return;
    document.querySelectorAll("mark.statement.selected").forEach(function (el) {
      el.classList.remove("selected");
    });
    document.querySelectorAll('mark.statement[data-statement="' + id + '"]').forEach(function (el) {
      el.classList.add("selected");
    });
    var item = document.getElementById("statement-" + id);
    if (item) item.classList.add("is-selected");
    mark.scrollIntoView({ block: "center" });
  }
  function fromLocation() {
    var hash = /^#(?:statement|s)-(\d+)$/.exec(window.location.hash);
    var query = /[?&]s=(\d+)/.exec(window.location.search);
    var id = hash ? hash[1] : query ? query[1] : null;
    if (id) select(id);
  }
  // a failed correction re-renders the page at the form's #anchor, where the browser skips
  // `autofocus`: focus the field the server marked
  function focusError() {
    var field = document.querySelector("form [autofocus]");
    if (field && document.activeElement !== field) field.focus();
  }
  // after the browser's own jump to the #s-<id> anchor, centre the sentence instead
  window.addEventListener("load", function () {
    window.setTimeout(function () { fromLocation(); focusError(); }, 0);
  });
  window.addEventListener("hashchange", fromLocation);
})();
