/*
 * Wide tables scroll sideways on a phone. Material wraps them in .md-typeset__scrollwrap;
 * a scrolling region must be reachable by keyboard (WCAG 2.1.1), so it gets a tab stop.
 */
(function () {
  "use strict";
  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        var caption = wrap.querySelector("th");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "table");
      } else {
        wrap.removeAttribute("tabindex");
      }
    });
  }
  /* Material wraps the tables from its own script: run after it, and when the width changes */
  window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
})();
