// The article page opened at a statement: ?s=<id> (the server marks it .selected) or #s-<id>
// highlights that statement in the text and scrolls to its sentence; #statement-<id> (the list
// entry, where an editor lands after correcting it) highlights the sentence too but stays at the
// list entry. Without JavaScript the anchors still scroll.
(function () {
  "use strict";
  function select(id, scrollTo) {
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
    if (scrollTo === "entry" && item) item.scrollIntoView({ block: "center" });
    else mark.scrollIntoView({ block: "center" });
  }
  function fromLocation() {
    var hash = /^#(statement|s)-(\d+)$/.exec(window.location.hash);
    var query = /[?&]s=(\d+)/.exec(window.location.search);
    if (hash) select(hash[2], hash[1] === "statement" ? "entry" : "sentence");
    else if (query) select(query[1], "sentence");
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
