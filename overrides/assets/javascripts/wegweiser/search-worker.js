/*
 * Wegweiser search worker: one index per language, stemmed by that language.
 *
 * Material for MkDocs lets a site replace its search worker (the "search" URL in the page's
 * __config, see overrides/main.html) as long as the worker speaks the same messages:
 * SETUP (0) -> READY (1), QUERY (2) -> RESULT (3). This worker
 *   - learns the page's language from its own URL (?lang=tr),
 *   - loads search/index.<lang>.js on the first query only (lazy, works under file://),
 *   - indexes every word in several normalised forms: folded (case, Turkish İ/ı, umlauts,
 *     ae/oe/ue, accents), stemmed by the page language's Snowball stemmer (shipped with
 *     Material), and for Turkish with suffixes and consonant changes undone,
 *   - looks each query word up in the same forms, plus as a prefix of what is typed.
 * Results are grouped per page as Material expects; all text is HTML-escaped.
 */
/* global lunr, importScripts */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

var language = "de";
var base = "";            /* URL of this script's folder, with a trailing slash */
var index = null;         /* lunr index of the page's language */
var docs = {};            /* location -> {location, title, text} */
var loading = null;       /* promise of the index being loaded */

/* ---- Where am I, which language? ---- */

(function locate() {
  var src = self.location && self.location.href;
  /* Under file://, Material runs workers in an iframe (iframe-worker): read the script tag */
  if (typeof parent !== "undefined" && parent !== self && typeof document !== "undefined") {
    var scripts = document.querySelectorAll("script[src]");
    for (var i = 0; i < scripts.length; i++)
      if (scripts[i].src.indexOf("search-worker.js") !== -1) src = scripts[i].src;
  }
  var match = /[?&]lang=([a-z-]+)/.exec(src || "");
  if (match) language = match[1];
  base = (src || "").split("?")[0].replace(/[^/]*$/, "");
})();

/* ---- Normalising words ---- */

function lowerFor(lang, text) {
  if (lang === "tr" || lang === "az")
    text = text.replace(/I/g, "\u0131").replace(/\u0130/g, "i");
  return text.toLowerCase();
}

/* Fold case, accents and spelling variants, the same way for the index and the query */
function fold(word) {
  return word
    .replace(/\u0131/g, "i")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/\u00df/g, "ss")
    .replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
}

var TR_SUFFIXES = [
  "larindan", "lerinden", "larinin", "lerinin", "larina", "lerine", "larini", "lerini",
  "larin", "lerin", "lari", "leri", "lar", "ler",
  "ndaki", "ndeki", "ndan", "nden", "daki", "deki", "dan", "den", "tan", "ten",
  "nda", "nde", "da", "de", "ta", "te",
  "nin", "nun", "yla", "yle", "la", "le",
  "in", "un", "si", "su", "yi", "yu", "ya", "ye", "na", "ne", "ni", "nu",
  "i", "u", "a", "e"
];
/* Roots that lose a vowel or double a consonant before a suffix (kayıt -> kaydı) */
var TR_ROOTS = {
  kayd: "kayit", fikr: "fikir", sehr: "sehir", ism: "isim", hakk: "hak", nakd: "nakit",
  vakt: "vakit", akl: "akil", sabr: "sabir", hukm: "hukum", resm: "resim", agz: "agiz",
  zamm: "zam", kalb: "kalp", sirr: "sir", hiss: "his"
};
var HARDEN = { d: "t", b: "p", g: "k" };

/* Turkish forms: suffixes taken off one after another, consonant changes undone */
function turkishForms(folded) {
  var forms = [], stems = [folded];
  for (var round = 0; round < 3; round++) {
    var next = [];
    stems.forEach(function (stem) {
      TR_SUFFIXES.forEach(function (suffix) {
        if (stem.length - suffix.length >= 3 && stem.slice(-suffix.length) === suffix)
          next.push(stem.slice(0, -suffix.length));
      });
    });
    if (!next.length) break;
    forms = forms.concat(next);
    stems = next;
  }
  var extra = [];
  forms.forEach(function (stem) {
    if (TR_ROOTS[stem]) extra.push(TR_ROOTS[stem]);
    var last = stem.slice(-1);
    if (HARDEN[last]) extra.push(stem.slice(0, -1) + HARDEN[last]);
  });
  return forms.concat(extra);
}

function stemWith(lang, word) {
  if (!lunr[lang] || !lunr[lang].stemmer) return word;
  return lunr[lang].stemmer(new lunr.Token(word)).toString();
}

/* Every form under which a word is indexed, and looked up */
function forms(word) {
  var lower = lowerFor(language, word);
  var folded = fold(lower);
  var set = {};
  set[folded] = true;
  set[fold(stemWith(language, lower))] = true;
  if (language === "tr")
    turkishForms(folded).forEach(function (f) { set[f] = true; });
  /* German office terms appear on every page: stem Latin words the German way too */
  if (language !== "de" && /^[a-z\u00e4\u00f6\u00fc\u00df]+$/.test(lower))
    set[fold(stemWith("de", lower))] = true;
  /* Very short stems ("ka" from "kaydı") would match far too much */
  return Object.keys(set).filter(function (f) { return f === folded || f.length >= 3; });
}

var SEPARATOR = /[^\p{L}\p{N}]+/u;

function words(text) {
  return text.split(SEPARATOR).filter(function (w) { return w.length > 0; });
}

/* ---- Loading the index (first query only) ---- */

function load() {
  if (loading) return loading;
  loading = Promise.resolve(importScripts(
    base + "lunr.min.js",
    base + "../lunr/min/lunr.stemmer.support.min.js",
    base + "../lunr/min/lunr.de.min.js",
    base + "../lunr/min/lunr." + language + ".min.js",
    base + "../../../search/index." + language + ".js"
  )).then(function () {
    if (language !== "de" && !lunr[language]) /* stemmer file ran before lunr was global */
      throw new Error("stemmer for " + language + " missing");
    var data = self.wegweiserIndex[language];
    lunr.tokenizer.separator = SEPARATOR;
    lunr.Pipeline.registerFunction(expand, "wegweiser-forms");
    index = lunr(function () {
      this.ref("location");
      this.field("title", { boost: 10 });
      this.field("text");
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.pipeline.add(expand);
      this.metadataWhitelist = [];
      var builder = this;
      data.docs.forEach(function (doc) {
        docs[doc.location] = doc;
        builder.add(doc);
      });
    });
  });
  return loading;
}

/* Pipeline step: one token in, all its forms out */
function expand(token) {
  return forms(token.toString()).map(function (form) {
    return token.clone(function () { return form; });
  });
}
expand.label = "wegweiser-forms";

/* ---- Searching ---- */

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* Scores of the pages that contain one query word in any of its forms */
function lookup(word) {
  var all = forms(word);
  var prefix = fold(lowerFor(language, word));
  var scores = {};
  index.query(function (q) {
    all.forEach(function (form) {
      q.term(form, { usePipeline: false, boost: 10 });
    });
    if (prefix.length >= 2)
      q.term(prefix, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
  }).forEach(function (hit) { scores[hit.ref] = hit.score; });
  return scores;
}

/* Mark the query words (in any form) in a text; the text is escaped first */
function highlight(text, queryWords) {
  var wanted = {};
  queryWords.forEach(function (w) { forms(w).forEach(function (f) { wanted[f] = true; }); });
  var prefixes = queryWords.map(function (w) { return fold(lowerFor(language, w)); });
  return text.split(/([^\p{L}\p{N}]+)/u).map(function (part) {
    if (!part || SEPARATOR.test(part)) return escapeHTML(part);
    var hit = forms(part).some(function (f) { return wanted[f]; }) ||
      prefixes.some(function (p) { return p.length >= 2 && fold(lowerFor(language, part)).indexOf(p) === 0; });
    return hit ? "<mark>" + escapeHTML(part) + "</mark>" : escapeHTML(part);
  }).join("");
}

function teaser(text, queryWords) {
  var lower = fold(lowerFor(language, text));
  var at = -1;
  queryWords.forEach(function (w) {
    var i = lower.indexOf(fold(lowerFor(language, w)).slice(0, 4));
    if (i !== -1 && (at === -1 || i < at)) at = i;
  });
  var start = Math.max(0, at - 60);
  var slice = text.slice(start, start + 240);
  return (start > 0 ? "… " : "") + slice + (start + 240 < text.length ? " …" : "");
}

function search(query) {
  var queryWords = words(query);
  if (!queryWords.length) return { items: [] };
  var total = null;
  queryWords.forEach(function (word) {
    var scores = lookup(word);
    if (total === null) { total = scores; return; }
    var both = {};
    Object.keys(total).forEach(function (ref) {
      if (ref in scores) both[ref] = total[ref] + scores[ref];
    });
    total = both;
  });
  /* Group sections under their page, best page first */
  var groups = {};
  Object.keys(total).forEach(function (ref) {
    var page = ref.split("#")[0];
    (groups[page] = groups[page] || []).push(ref);
  });
  var terms = {};
  queryWords.forEach(function (w) { terms[w] = true; });
  var items = Object.keys(groups).map(function (page) {
    var refs = groups[page];
    if (refs.indexOf(page) === -1 && docs[page]) refs.push(page);
    return refs.map(function (ref) {
      var doc = docs[ref];
      return {
        location: doc.location,
        title: highlight(doc.title, queryWords),
        text: highlight(teaser(doc.text, queryWords), queryWords),
        score: total[ref] || 0,
        terms: terms
      };
    }).sort(function (a, b) {
      /* the page itself first, then its sections by score */
      if (a.location === page) return -1;
      if (b.location === page) return 1;
      return b.score - a.score;
    });
  }).sort(function (a, b) {
    var best = function (list) { return Math.max.apply(null, list.map(function (d) { return d.score; })); };
    return best(b) - best(a);
  });
  return { items: items };
}

/* ---- Messages ---- */

function handle(message) {
  switch (message.type) {
    case SETUP:
      return Promise.resolve({ type: READY });
    case QUERY:
      /* Material sends the empty query when search is set up: no need for the index yet */
      if (!words(String(message.data || "")).length)
        return Promise.resolve({ type: RESULT, data: { items: [] } });
      return load().then(function () {
        return { type: RESULT, data: search(message.data) };
      }).catch(function (err) {
        console.warn("wegweiser search:", err);
        return { type: RESULT, data: { items: [] } };
      });
    default:
      return Promise.reject(new TypeError("Invalid message type"));
  }
}

addEventListener("message", function (ev) {
  handle(ev.data).then(function (reply) { postMessage(reply); });
});

/* For tests under Node: expose the word forms */
if (typeof module !== "undefined") module.exports = { forms: forms, fold: fold, setLanguage: function (l) { language = l; } };
