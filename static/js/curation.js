// Editors' pages. A failed correction opens the page at the form's #anchor, where the browser
// skips `autofocus`: focus the field the server marked, so the keyboard and screen reader land
// on the error too.
//
// On the article page, "use the selection" fills a statement's span form with the offsets of
// the text selected in the article body (or in the headline, for a statement made there). The
// server renders the body's text unchanged inside its marks, so a selection's offset is the
// length of the text before it in #article-body (#article-title): the offsets the server keeps.
(function () {
  "use strict";
  window.addEventListener("load", function () {
    window.setTimeout(function () {
      var field = document.querySelector("form [autofocus]");
      if (field && document.activeElement !== field) field.focus();
    }, 0);
  });

  var last = null; // {container id, start, end, text}: the newest selection inside a text

  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    ["article-body", "article-title"].forEach(function (id) {
      var container = document.getElementById(id);
      if (!container || !container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
      var start = offsetIn(container, range.startContainer, range.startOffset);
      var end = offsetIn(container, range.endContainer, range.endOffset);
      last = { container: id, start: start, end: end, text: range.toString() };
    });
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".use-selection") : null;
    if (!button) return;
    event.preventDefault();
    var editor = button.closest(".span-editor");
    var form = document.getElementById(button.getAttribute("data-form"));
    var preview = editor.querySelector(".span-preview");
    var wanted = editor.getAttribute("data-in-title") === "true" ? "article-title" : "article-body";
    if (!last || last.container !== wanted) {
      preview.textContent = wanted === "article-title"
        ? "Select words in the headline first."
        : "Select words in the article text first.";
      return;
    }
    form.querySelector('input[name="start"]').value = last.start;
    form.querySelector('input[name="end"]').value = last.end;
    preview.textContent = "“" + last.text.trim() + "” (" + last.start + "–" + last.end + ")";
  });
})();
