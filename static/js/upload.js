// Busy state of the upload form: once it is sent, its button is disabled and says
// "Uploading…" (a batch of PDFs takes a while to read, and a second click would send it
// again). Without JavaScript the form is an ordinary form and works the same, minus this.
(function () {
  "use strict";
  function reset(form) {
    var button = form.querySelector("button[type=submit]");
    if (!button || !button.dataset.label) return;
    button.disabled = false;
    button.textContent = button.dataset.label;
    form.removeAttribute("aria-busy");
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-busy]") || event.defaultPrevented) return;
    var button = form.querySelector("button[type=submit]");
    if (!button) return;
    button.dataset.label = button.textContent;
    button.textContent = form.dataset.busy;
    form.setAttribute("aria-busy", "true");
    // disabled after this event: a button disabled before the form is sent is left out of it
    window.setTimeout(function () { button.disabled = true; }, 0);
  });
  // back from the next page (the browser's page cache keeps the disabled button): usable again
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-busy]").forEach(reset);
  });
})();
