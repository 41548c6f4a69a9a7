/*
 * Register the service worker and ask it to keep every page of this page's language, so the
 * guide works offline after one visit. Nothing happens under file:// (the download works
 * without it) or where the browser has no service workers.
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  var script = document.currentScript;
  var root = new URL("../../../", script.src);
  var lang = document.documentElement.lang;
  navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname })
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (registration) {
      registration.active.postMessage({ type: "cache-language", lang: lang });
    })
    .catch(function (error) { console.warn("offline mode unavailable:", error); });
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "cached")
      document.documentElement.setAttribute("data-offline-ready", event.data.lang);
  });
})();
