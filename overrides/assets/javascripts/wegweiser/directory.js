/*
 * Directory filters: topic, city and counselling language, without reloading the page.
 * The choice is kept in the address (?topic=…&city=…&language=…) so it can be shared.
 * Without JavaScript the form stays hidden and every entry is listed.
 */
(function () {
  "use strict";
  /* A large directory's main page lists a page per state: ?state=… (the "where do you live?"
     form, older links) opens that state's page, keeping the other filters */
  var statePages = document.querySelector("[data-ww-state-pages]");
  var asked = new URLSearchParams(location.search);
  if (statePages && asked.get("state")) {
    var links = statePages.querySelectorAll("a[data-state]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-state") !== asked.get("state")) continue;
      asked.delete("state");
      var rest = asked.toString();
      location.replace(links[i].href + (rest ? (links[i].href.indexOf("?") === -1 ? "?" : "&") + rest : ""));
      return;
    }
  }
  var form = document.querySelector("[data-ww-filter]");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".ww-card"));
  var lists = Array.prototype.slice.call(document.querySelectorAll(".ww-directory"));
  var count = form.querySelector("[data-ww-count]");
  var none = form.querySelector("[data-ww-none]");
  var fields = ["state", "topic", "city", "language"].filter(function (name) { return form[name]; });
  var lang = document.documentElement.lang;

  /* Same plural rule as the build (wegweiser.render.plural_index) */
  function countText(n) {
    var forms = count.getAttribute("data-forms").split("|"), i = 0;
    if (forms.length >= 3 && (lang === "ru" || lang === "uk"))
      i = (n % 10 === 1 && n % 100 !== 11) ? 0 : (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? 1 : 2;
    else if (forms.length >= 2)
      i = n === 1 ? 0 : 1;
    return forms[i].replace("{n}", n);
  }

  function has(list, value) {
    return (" " + list + " ").indexOf(" " + value + " ") !== -1;
  }

  /* Hide a heading when nothing under it (up to the next heading of its level or higher) shows */
  function updateHeadings() {
    lists.forEach(function (list) {
      var visible = list.querySelector(".ww-card:not([hidden])") !== null;
      list.hidden = !visible;
      var previous = list.previousElementSibling;
      if (previous && (previous.tagName === "H3" || (previous.tagName === "H2" && previous.id.indexOf("city-") === 0)))
        previous.hidden = !visible;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-content h2[id^='state-']"), function (h2) {
      var el = h2.nextElementSibling, visible = false;
      while (el && el.tagName !== "H2") {
        if (el.classList.contains("ww-directory") && !el.hidden) visible = true;
        el = el.nextElementSibling;
      }
      h2.hidden = !visible;
    });
  }

  function apply() {
    var topic = form.topic.value, city = form.city.value, language = form.language.value;
    var state = form.state ? form.state.value : "";
    var shown = 0;
    cards.forEach(function (card) {
      /* a state shows its own entries and the nationwide services */
      var ok = (!state || card.dataset.state === state || card.dataset.state === "bundesweit") &&
        (!topic || has(card.dataset.topics, topic)) &&
        (!city || card.dataset.city === city) &&
        (!language || has(card.dataset.languages, language));
      card.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = countText(shown);
    none.hidden = shown !== 0;
    updateHeadings();
  }

  function toUrl() {
    var params = new URLSearchParams(location.search);
    fields.forEach(function (name) {
      if (form[name].value) params.set(name, form[name].value); else params.delete(name);
    });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  var params = new URLSearchParams(location.search);
  fields.forEach(function (name) {
    var value = params.get(name);
    if (value && Array.prototype.some.call(form[name].options, function (o) { return o.value === value; }))
      form[name].value = value;
  });
  form.hidden = false;
  form.addEventListener("change", function () { apply(); toUrl(); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  apply();
})();
