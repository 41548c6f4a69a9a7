/* Wegweiser: printing. Everything here also works, less completely, without the script: the
   print stylesheet opens the steps, hides the chrome and shows the address and QR code made at
   build time. The script adds what only the reader's browser knows:
   - the date of printing, in the head of the first page and the foot of every page;
   - on a sheet page, the state (and city) chosen with ?state=…&city=…, shown alone before
     printing – paper cannot filter, so the choice is made on the screen first;
   - the "Print" button of chapters and sheets;
   - every <details> opened while printing (and closed again afterwards);
   - the address of an outside link, short, beside its text on paper. */
(function () {
  "use strict";

  var head = document.querySelector("[data-ww-print-head]");
  if (!head) return;

  function cssString(text) {
    return '"' + String(text).replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]+/g, " ") + '"';
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // ---- A sheet page: the chosen state (and city) alone ----
  var checked = head.getAttribute("data-checked");
  var address = head.getAttribute("data-address");
  var sections = document.querySelectorAll(".ww-sheet__section");
  if (sections.length) {
    var params = new URLSearchParams(window.location.search);
    var state = params.get("state") || "";
    var city = params.get("city") || "";
    var chosen = null;
    Array.prototype.forEach.call(sections, function (section) {
      if (state && section.getAttribute("data-ww-state") === state && section.getAttribute("data-ww-city") === city) {
        chosen = section;
      }
    });
    if (chosen) {
      Array.prototype.forEach.call(sections, function (section) { section.hidden = section !== chosen; });
      chosen.closest(".ww-sheet").setAttribute("data-ww-chosen", "");
      checked = chosen.getAttribute("data-ww-checked") || checked;
      var url = chosen.querySelector(".ww-sheet__head [data-ww-address]");
      if (url) address = url.textContent;
      var select = document.querySelector("[data-ww-sheet-chooser] select");
      if (select) select.value = state;
    }
  }

  // ---- The running head and foot of every printed page ----
  var printed = today();
  var stamp = head.querySelector("[data-ww-printed]");
  if (stamp) {
    stamp.querySelector("time").textContent = printed;
    stamp.querySelector("time").setAttribute("datetime", printed);
    stamp.hidden = false;
  }
  var running = [head.getAttribute("data-site"), head.getAttribute("data-title"), head.getAttribute("data-language")];
  if (checked) running.push(head.getAttribute("data-label-checked") + ": " + checked);
  var style = document.createElement("style");
  style.media = "print";
  style.textContent = "@page {" +
    " @top-left { content: " + cssString(running.join(" · ")) + "; }" +
    " @top-right { content: " + cssString(address) + "; }" +
    " @bottom-left { content: " + cssString(head.getAttribute("data-label-printed") + ": " + printed) + "; }" +
    " @bottom-right { content: " + cssString(head.getAttribute("data-label-page") + " ") + " counter(page) \" / \" counter(pages); }" +
    " }";
  document.head.appendChild(style);

  // ---- The "Print" button ----
  var button = document.querySelector("[data-ww-print-button]");
  if (button && typeof window.print === "function") {
    button.hidden = false;
    button.querySelector("button").addEventListener("click", function () { window.print(); });
  }

  // ---- Every step open on paper ----
  var opened = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });

  // ---- Outside links: their address, short, beside the text on paper ----
  var skip = ".ww-card, .ww-office, .ww-step__helpers, .ww-facts, .ww-sheet, .ww-print-head, .md-footer, .md-nav";
  Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href^='http']"), function (link) {
    if (link.closest(skip)) return;
    var short = link.href.replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/$/, "");
    if (link.textContent.indexOf(short.split("/")[0]) !== -1) return;  // the text shows it already
    link.setAttribute("data-ww-short", short);
  });
})();
