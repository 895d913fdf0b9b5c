// The article page opened at a statement (Statement.get_article_url: ?s=<id>#statement-<id>)
// highlights the statement's words in the text, marks its entry in the list and scrolls to its
// sentence: a reader following a link wants the words in their context. An editor who just
// corrected the statement from its entry comes back to the entry instead (the form's submit
// leaves a note for the next page). Without JavaScript the #statement-<id> anchor scrolls to the
// entry. Links made before there was one anchor (#s-<id>) still work.
(function () {
  "use strict";
  var LANDING = "newsapp.land-at-entry";
  function select(id, scrollTo) {
    var marks = document.querySelectorAll('mark.statement[data-statement="' + id + '"]');
    var item = document.getElementById("statement-" + id);
    if (!marks.length && !item) return;
    document.querySelectorAll("mark.statement.selected").forEach(function (el) {
      el.classList.remove("selected");
    });
    marks.forEach(function (el) { el.classList.add("selected"); });
    if (item) item.classList.add("is-selected");
    if ((scrollTo === "entry" || !marks.length) && item) item.scrollIntoView({ block: "center" });
    else if (marks.length) marks[0].scrollIntoView({ block: "center" });
  }
  // read once, on this page's load: the note is for the page the correction lands on only
  var noted = null;
  try {
    noted = window.sessionStorage.getItem(LANDING);
    window.sessionStorage.removeItem(LANDING);
  } catch (e) { /* storage refused: readers' behaviour */ }
  function fromLocation() {
    var hash = /^#(?:statement|s)-(\d+)$/.exec(window.location.hash);
    var query = /[?&]s=(\d+)/.exec(window.location.search);
    var id = hash ? hash[1] : query ? query[1] : null;
    if (id) select(id, noted === id ? "entry" : "sentence");
    noted = null;
  }
  document.addEventListener("submit", function (event) {
    var item = event.target.closest && event.target.closest("li.statement-item[id^='statement-']");
    if (!item) return;
    try { window.sessionStorage.setItem(LANDING, item.id.slice("statement-".length)); } catch (e) { /* ignore */ }
  });
  // a failed correction re-renders the page at the form's #anchor, where the browser skips
  // `autofocus`: focus the field the server marked
  function focusError() {
    var field = document.querySelector("form [autofocus]");
    if (field && document.activeElement !== field) field.focus();
  }
  // after the browser's own jump to the anchor, centre the sentence instead
  window.addEventListener("load", function () {
    window.setTimeout(function () { fromLocation(); focusError(); }, 0);
  });
  window.addEventListener("hashchange", fromLocation);
})();
