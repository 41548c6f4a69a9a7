/*
 * Directory filters: topic, city and counselling language, without reloading the page.
 * The choice is kept in the address (?topic=…&city=…&language=…) so it can be shared.
 * Without JavaScript the form stays hidden and every entry is listed.
 */
(function () {
  "use strict";
  /* Map links: geo: opens the map app on Android; iPhones and iPads open Apple Maps' address */
  if (/iPhone|iPad|iPod|Macintosh/.test(navigator.userAgent) && "ontouchend" in document) {
    Array.prototype.forEach.call(document.querySelectorAll("a[data-map-query]"), function (link) {
      link.href = "https://maps.apple.com/?q=" + encodeURIComponent(link.getAttribute("data-map-query"));
    });
  }
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
  /* lists of cards (a state's page also lists the nationwide services by name: always shown) */
  var lists = Array.prototype.slice.call(document.querySelectorAll(".ww-directory"))
    .filter(function (list) { return list.querySelector(".ww-card"); });
  var count = form.querySelector("[data-ww-count]");
  var none = form.querySelector("[data-ww-none]");
  /* a state's own page has no state field */
  var fields = ["state", "topic", "city", "language"].filter(function (name) { return form[name]; });
  var lang = document.documentElement.lang;

  /* Plural forms as the build chooses them (wegweiser/render/locale.py): CLDR's rule for the
     language (Intl.PluralRules); labels list the forms in the order one, few, many, other */
  function countText(n) {
    var forms = count.getAttribute("data-forms").split("|");
    var order = ["one", "few", "many", "other"], present = order, category = "other";
    try {
      var rules = new Intl.PluralRules(lang);
      present = order.filter(function (c) { return c === "other" || rules.resolvedOptions().pluralCategories.indexOf(c) !== -1; });
      category = rules.select(n);
    } catch (error) { present = ["one", "other"]; category = n === 1 ? "one" : "other"; }
    if (present.length === forms.length + 1) {   /* Russian: "other" (fractions) reads like "few" */
      present = present.filter(function (c) { return c !== "other"; });
      if (category === "other") category = present.indexOf("few") !== -1 ? "few" : present[present.length - 1];
    }
    var i = present.length === forms.length ? present.indexOf(category) : (category === "one" ? 0 : forms.length - 1);
    return forms[Math.max(0, i)].replace("{n}", n);
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
    var state = form.state ? form.state.value : "";
    var topic = form.topic.value, city = form.city.value, language = form.language.value;
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
