// de165 behaviour that would otherwise need inline script (forbidden by our CSP).
(function () {
  "use strict";
  function applyWidths(root) {
    // Progress bars carry their value in data-width; CSSOM writes are allowed under the CSP.
    root.querySelectorAll("[data-width]").forEach(function (el) {
      el.style.width = el.getAttribute("data-width") + "%";
    });
  }
  // Searchable pickers (vendored Tom Select): <select data-picker> over long lists of cadres or
  // agencies; typing filters without accents ("nguyen" finds "Nguyễn"), a multiple select shows
  // each choice with a remove button.
  function applyPickers(root) {
    if (typeof window.TomSelect === "undefined") { return; }
    root.querySelectorAll("select[data-picker]").forEach(function (el) {
      if (el.tomselect) { return; }
      var options = {
        maxOptions: 100,
        allowEmptyOption: true,
        placeholder: el.getAttribute("data-placeholder") || "",
        render: { no_results: function () {
          return '<div class="no-results">' + (el.getAttribute("data-no-results") || "") + "</div>";
        } }
      };
      // A single select searches in its dropdown, so the current choice stays readable.
      options.plugins = el.multiple ? ["remove_button"] : ["dropdown_input"];
      // After a choice, the search box empties for the next name.
      if (el.multiple) { options.onItemAdd = function () { this.setTextboxValue(""); this.refreshOptions(false); }; }
      new window.TomSelect(el, options);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { applyWidths(document); applyPickers(document); });
  document.addEventListener("htmx:afterSwap", function (evt) { applyWidths(evt.target); applyPickers(evt.target); });
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
