// de165 behaviour that would otherwise need inline script (forbidden by our CSP).
(function () {
  "use strict";
  function applyWidths(root) {
    // Progress bars carry their value in data-width; CSSOM writes are allowed under the CSP.
    root.querySelectorAll("[data-width]").forEach(function (el) {
      el.style.width = el.getAttribute("data-width") + "%";
    });
  }
  document.addEventListener("DOMContentLoaded", function () { applyWidths(document); });
  document.addEventListener("htmx:afterSwap", function (evt) { applyWidths(evt.target); });
  // Submit a filter form when one of its selects changes.
  document.addEventListener("change", function (evt) {
    var form = evt.target.closest("form[data-autosubmit]");
    if (form && evt.target.tagName === "SELECT") { form.requestSubmit(); }
  });
  // Confirm destructive actions: <button data-confirm="...">.
  document.addEventListener("click", function (evt) {
    var el = evt.target.closest("[data-confirm]");
    if (el && !window.confirm(el.getAttribute("data-confirm"))) { evt.preventDefault(); }
  });
})();
