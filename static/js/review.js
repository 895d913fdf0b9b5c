// The review queue: a correction refused by the server answers 400 with its item re-rendered,
// the error next to its field; htmx does not swap error answers by default, so let it swap
// those of the queue's items.
(function () {
  "use strict";
  document.addEventListener("htmx:beforeSwap", function (event) {
    var elt = event.detail.elt;
    if (event.detail.xhr.status === 400 && elt.closest && elt.closest(".review-item")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
