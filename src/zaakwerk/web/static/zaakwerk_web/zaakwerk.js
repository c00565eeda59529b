// Small enhancements for every page; the pages work without them. Loaded as a file, never
// inline (Content-Security-Policy: script-src 'self').
(function () {
  "use strict";

  // A new error summary takes the focus, so keyboard and screen-reader users hear what went
  // wrong; once, so a later swap elsewhere on the page does not pull the focus back to it.
  function focusErrorSummary() {
    var summary = document.querySelector("[data-zw-focus]");
    if (summary) {
      summary.removeAttribute("data-zw-focus");
      summary.focus();
      return true;
    }
    return false;
  }

  document.addEventListener("DOMContentLoaded", focusErrorSummary);

  // When htmx replaced the part that held the focus (a page link, say), the focus moves to the
  // new content ([data-zw-swap-focus]) instead of falling back to the start of the page.
  document.addEventListener("htmx:afterSettle", function () {
    if (focusErrorSummary()) {
      return;
    }
    var focused = document.activeElement;
    if (focused && focused !== document.body && focused.isConnected) {
      return;
    }
    var region = document.querySelector("[data-zw-swap-focus]");
    if (region) {
      region.setAttribute("tabindex", "-1");
      region.focus();
    }
  });
})();
