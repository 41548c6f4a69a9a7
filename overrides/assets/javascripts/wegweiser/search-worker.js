/*
 * Wegweiser search worker: finds what readers type, in the page's language.
 *
 * Material for MkDocs lets a site replace its search worker (the "search" URL in the page's
 * __config, see overrides/main.html) as long as the worker speaks the same messages:
 * SETUP (0) -> READY (1), QUERY (2) -> RESULT (3). This worker
 *   - is told the page's language by its own URL (?lang=tr),
 *   - loads search/index.<lang>.js and the Snowball stemmers Material ships (the list is
 *     written in at build time, the same list the service worker caches) on the first query
 *     only, inside a promise chain: a missing file rejects instead of hanging,
 *   - keeps a small word index of its own (built in a few hundred milliseconds on a slow phone;
 *     bench/README.md has the figures against lunr and MiniSearch),
 *   - looks every query word up as typed, folded (case, Turkish İ/ı, umlauts, ae/oe/ue,
 *     accents), in its other forms (stemmed; Turkish suffixes, verb endings and consonant
 *     changes undone), as the beginning of a longer word, with one or two typing mistakes,
 *     through data/search.yaml's groups of words that mean the same, and across scripts
 *     (финанцамт finds Finanzamt, Gewerbe finds гевербе),
 *   - leaves out stop words, ranks pages that hold every word (in one section first) above
 *     pages that hold some, and puts the directory first for a place name.
 * Results are grouped per page, sections under their page, as Material expects; all text is
 * HTML-escaped.
 */
/* global importScripts */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

/* Stemmer scripts per language, site-root paths; written in by hooks/search_index.py */
var STEMMERS = null;

var TITLE_WEIGHT_PAGE = 4, TITLE_WEIGHT_SECTION = 2.5, K1 = 1.2, B = 0.75;
var SYNONYM_WEIGHT = 0.85, OPTIONAL_WEIGHT = 0.2, MAX_PAGES = 20, MAX_SECTIONS = 6, MAX_CANDIDATES = 400;

/* ---- Where am I, which language? ---- */

function locate(scope) {
  var src = scope.location && scope.location.href;
  /* Under file://, Material runs workers in an iframe (iframe-worker): read the script tag */
  if (typeof scope.document !== "undefined" && scope.document.querySelectorAll) {
    var scripts = scope.document.querySelectorAll("script[src]");
    for (var i = 0; i < scripts.length; i++)
      if (scripts[i].src.indexOf("search-worker.js") !== -1) src = scripts[i].src;
  }
  var match = /[?&]lang=([a-z-]+)/.exec(src || "");
  var base = (src || "").split("?")[0].replace(/[^/]*$/, "");
  return { language: match ? match[1] : null, root: base + "../../../" };
}

/* ---- Loading scripts: a promise that rejects when a file is missing ---- */

function loadScripts(scope, urls) {
  if (typeof scope.document !== "undefined" && scope.document.createElement) {
    /* the iframe standing in for a worker: script tags, run in order, fetched at once */
    return Promise.all(urls.map(function (url) {
      return new Promise(function (resolve, reject) {
        var el = scope.document.createElement("script");
        el.async = false;
        el.src = url;
        el.onload = function () { resolve(); };
        el.onerror = function () { reject(new Error("could not load " + url)); };
        (scope.document.head || scope.document.body).appendChild(el);
      });
    }));
  }
  return new Promise(function (resolve) {
    importScripts.apply(scope, urls);   /* throws (and so rejects) when a file is missing */
    resolve();
  });
}

/* The stemmer scripts expect lunr; they only register functions with it */
function lunrStandIn(scope) {
  if (!scope.lunr)
    scope.lunr = {
      version: "2.3.9",
      Pipeline: { registerFunction: function () {} },
      generateStopWordFilter: function () { return function (token) { return token; }; }
    };
  return scope.lunr;
}

/* ---- Words ---- */

var SEPARATOR = /[^\p{L}\p{N}]+/u;
var CYRILLIC = /[\u0400-\u04ff]/;
var LATIN = /[a-z\u00df-\u024f]/;

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

var WORD = /[\p{L}\p{N}]+/gu;

function words(lang, text) {
  return lowerFor(lang, text).match(WORD) || [];
}
var tokens = words;

/* Turkish: suffixes taken off one after another (folded: ı→i, ş→s, ç→c, ğ→g, ö→o, ü→u) */
var TR_SUFFIXES = [
  /* plural, possessive, case */
  "larindan", "lerinden", "larinin", "lerinin", "larina", "lerine", "larini", "lerini",
  "larin", "lerin", "lari", "leri", "lar", "ler", "imiz", "umuz", "iniz", "unuz", "miz", "muz",
  "niz", "nuz", "ndaki", "ndeki", "ndan", "nden", "daki", "deki", "dan", "den", "tan", "ten",
  "nda", "nde", "da", "de", "ta", "te", "nin", "nun", "yla", "yle", "la", "le", "ki",
  "in", "un", "si", "su", "yi", "yu", "ya", "ye", "na", "ne", "ni", "nu", "im", "um",
  "i", "u", "a", "e", "m", "n",
  /* derived nouns and adjectives */
  "cilik", "culuk", "lik", "luk", "ci", "cu", "li", "lu", "siz", "suz", "ca", "ce",
  /* verbs: infinitive, ability, tense, person, must, while, participles */
  "mak", "mek", "masi", "mesi", "ma", "me", "abilir", "ebilir", "yabilir", "yebilir", "abil", "ebil",
  "iyor", "uyor", "yor", "acak", "ecek", "yacak", "yecek", "mis", "mus", "mali", "meli",
  "di", "du", "ti", "tu", "sa", "se", "ken", "arak", "erek", "ip", "up", "an", "en", "yan", "yen",
  "dik", "duk", "tik", "tuk", "ir", "ur", "ar", "er", "sin", "sun", "siniz", "sunuz", "iz", "uz",
  "yim", "yum", "yiz", "yuz",
  /* causative, passive, becoming; light verbs after a noun (kaydet-, kaydol-) */
  "tir", "tur", "dir", "dur", "il", "ul", "las", "les", "lan", "len", "et", "ol"
];
/* Roots that lose a vowel or double a consonant before a suffix (kayıt -> kaydı) */
var TR_ROOTS = {
  kayd: "kayit", fikr: "fikir", sehr: "sehir", ism: "isim", hakk: "hak", nakd: "nakit",
  vakt: "vakit", akl: "akil", sabr: "sabir", hukm: "hukum", resm: "resim", agz: "agiz",
  zamm: "zam", kalb: "kalp", sirr: "sir", hiss: "his", izn: "izin", ogl: "ogul", burn: "burun"
};
var TR_SOFTEN = { t: "d", p: "b", k: "g", c: "c" };
var HARDEN = { d: "t", b: "p", g: "k" };

var TR_BY_LAST = {};      /* suffixes by their last letter: only those can end a word */
TR_SUFFIXES.forEach(function (suffix) { (TR_BY_LAST[suffix.slice(-1)] = TR_BY_LAST[suffix.slice(-1)] || []).push(suffix); });

function turkishForms(folded) {
  var seen = {}, forms = [], stems = [folded];
  for (var round = 0; round < 4 && stems.length; round++) {
    var next = [];
    stems.forEach(function (stem) {
      (TR_BY_LAST[stem.slice(-1)] || []).forEach(function (suffix) {
        if (stem.length - suffix.length >= 3 && stem.slice(-suffix.length) === suffix) {
          var cut = stem.slice(0, -suffix.length);
          if (!seen[cut]) { seen[cut] = true; next.push(cut); forms.push(cut); }
        }
      });
    });
    stems = next;
  }
  forms.slice().forEach(function (stem) {
    if (TR_ROOTS[stem]) forms.push(TR_ROOTS[stem]);
    var last = stem.slice(-1);
    if (HARDEN[last]) forms.push(stem.slice(0, -1) + HARDEN[last]);
  });
  return forms;
}

/* ---- Latin and Cyrillic spellings of one word: a rough key of how it sounds ---- */

var CYR = {
  "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "s", "з": "s",
  "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
  "с": "s", "т": "t", "у": "u", "ф": "v", "х": "g", "ц": "C", "ч": "C", "ш": "s", "щ": "s",
  "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "u", "я": "a", "і": "i", "ї": "i", "є": "e"
};
var GERMAN_SOUND = /tsch|sch|ch|ck|qu|ph|th|dt|tz|ie|ei|ey|ai|ay|eu|äu|[zßäöüwfhcxyj]/g;
var GERMAN = {
  tsch: "C", sch: "s", ch: "g", ck: "k", qu: "kv", ph: "v", th: "t", dt: "t", tz: "C", z: "C",
  ie: "i", ei: "ai", ey: "ai", ai: "ai", ay: "ai", eu: "oi", "äu": "oi", "ß": "s", "ä": "e", "ö": "e",
  "ü": "u", w: "v", f: "v", h: "g", c: "k", x: "ks", y: "i", j: "i"
};

function soundKey(word) {
  var key;
  if (CYRILLIC.test(word))
    key = word.replace(/[еэя]й/g, "ai").replace(/[\u0400-\u04ff]/g, function (c) { return c in CYR ? CYR[c] : c; });
  else
    key = word.replace(GERMAN_SOUND, function (s) { return GERMAN[s]; });
  return key.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/(.)\1+/g, "$1");
}

/* Optimal string alignment distance, or max + 1 once it is certain to exceed max */
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  var prev2 = null, prev = [], cur;
  for (var j = 0; j <= b.length; j++) prev[j] = j;
  for (var i = 1; i <= a.length; i++) {
    cur = [i];
    var best = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev; prev = cur;
  }
  return prev[b.length];
}

/* ---- The search of one language ---- */

function Search(lang, data, stemmers) {
  this.lang = lang;
  this.stemmers = stemmers || {};
  this.formsMemo = {};
  this.expandMemo = {};
  this.build(data);
}

Search.prototype.stem = function (lang, word) {
  var stemmer = this.stemmers[lang] && this.stemmers[lang].stemmer;
  if (!stemmer) return word;
  try { return String(stemmer(word)); } catch (e) { return word; }
};

/* Every form under which a word counts as the same word (all folded) */
Search.prototype.forms = function (word) {
  if (this.formsMemo[word]) return this.formsMemo[word];
  var folded = fold(word), set = {};
  set[folded] = true;
  set[fold(this.stem(this.lang, word))] = true;
  /* German office terms stand on every page: stem Latin words the German way too */
  if (this.lang !== "de" && LATIN.test(word) && !CYRILLIC.test(word))
    set[fold(this.stem("de", word))] = true;
  if (this.lang === "tr")
    turkishForms(folded).forEach(function (f) { set[f] = true; });
  var list = Object.keys(set).filter(function (f) { return f === folded || f.length >= 3; });
  this.formsMemo[word] = list;
  return list;
};

Search.prototype.build = function (data) {
  var self = this, postings = new Map(), total = 0, counted = 0;
  var directory = data.directory || null;
  this.docs = data.docs;
  this.pages = {};          /* page location -> {docs: [index…], weight} */
  this.lengths = [];
  data.docs.forEach(function (doc, i) {
    var page = doc.location.split("#")[0];
    doc.page = page;
    (self.pages[page] = self.pages[page] || { docs: [], weight: (data.weights || {})[page] || 1 }).docs.push(i);
    /* per document: word -> times in the title * 65536 + times in the text */
    var local = new Map(), titleWords = tokens(self.lang, doc.title), textWords = tokens(self.lang, doc.text), k;
    for (k = 0; k < titleWords.length; k++) local.set(titleWords[k], (local.get(titleWords[k]) || 0) + 65536);
    for (k = 0; k < textWords.length; k++) local.set(textWords[k], (local.get(textWords[k]) || 0) + 1);
    local.forEach(function (counts, word) {
      var list = postings.get(word);
      if (!list) postings.set(word, list = []);
      list.push(i, counts);
    });
    self.lengths[i] = textWords.length;
    /* the usual length is that of the guide's sections: the directory's many short entries
       would otherwise make every chapter look long, and rank chapters differently as the
       directory grows */
    if (!directory || page.indexOf(directory) !== 0) { total += textWords.length; counted++; }
  });
  this.postings = postings; /* word -> [doc, counts, doc, counts, …] */
  this.average = total / Math.max(1, counted) || 1;
  /* folded word -> words; sorted folded words for prefix look-ups */
  this.byFold = {};
  postings.forEach(function (list, w) {
    var f = fold(w);
    (self.byFold[f] = self.byFold[f] || []).push(w);
  });
  this.folds = Object.keys(this.byFold).sort();
  this.stop = {};
  (data.stop || []).forEach(function (w) { self.stop[fold(lowerFor(self.lang, w))] = true; });
  this.groups = (data.synonyms || []).map(function (group) {
    return group.map(function (member) { return words(self.lang, member); }).filter(function (m) { return m.length; });
  });
  this.places = {};
  this.placeKeys = {};
  (data.places || []).forEach(function (name) {
    var first = words(self.lang, name)[0];
    if (!first) return;
    self.places[fold(first)] = true;
    self.placeKeys[soundKey(first)] = true;
  });
  this.directory = data.directory || null;
  /* pages whose sections are separate entries (the glossary): a page counts its best only */
  this.separate = {};
  (data.separate || []).forEach(function (page) { self.separate[page] = true; });
};

/* Words of the index that answer one query word: word -> weight (1 = as typed). A word that
   stands for the typed one (from a group of data/search.yaml) is only taken in its forms. */
Search.prototype.expand = function (word, strict) {
  var memo = (strict ? "=" : "~") + word;
  if (this.expandMemo[memo]) return this.expandMemo[memo];
  var self = this, found = {}, folded = fold(word);
  function add(w, weight) { if (!(found[w] >= weight)) found[w] = weight; }
  (this.byFold[folded] || []).forEach(function (w) { add(w, 1); });

  if (folded.length >= 3) {
    var own = this.forms(word), wanted = {};
    own.forEach(function (f) { wanted[f] = true; });
    var prefixes = {};
    own.forEach(function (f) {
      if (f.length < 3) return;
      prefixes[f] = true;
      if (self.lang === "tr") {            /* kayıt -> kayd…, kitap -> kitab… */
        var last = f.slice(-1);
        if (TR_SOFTEN[last]) prefixes[f.slice(0, -1) + TR_SOFTEN[last]] = true;
        Object.keys(TR_ROOTS).forEach(function (short) { if (TR_ROOTS[short] === f) prefixes[short] = true; });
      }
    });
    Object.keys(prefixes).forEach(function (prefix) {
      self.withPrefix(prefix).forEach(function (f) {
        self.byFold[f].forEach(function (w) {
          if (found[w] === 1) return;
          var shared = self.forms(w).filter(function (x) { return wanted[x]; });
          if (shared.length) {
            /* a long shared form is the same word; a short one (kur-, yap-) only perhaps */
            var longest = Math.max.apply(null, shared.map(function (x) { return x.length; }));
            if (longest >= 5 || longest >= folded.length) add(w, 0.9);
            else if (!strict) add(w, longest === 4 ? 0.6 : 0.35);
          } else if (strict) {
            return;
          } else if (f.indexOf(folded) === 0) {
            add(w, 0.6);                   /* typed so far: "Gewerbeanm" */
          } else if (prefix.length >= 5 && prefix !== folded) {
            add(w, 0.4);                   /* the first part of a compound: Steuer -> Steuerberater */
          }
        });
      });
    });
  }

  if (strict) return (this.expandMemo[memo] = found);
  var good = Object.keys(found).some(function (w) { return found[w] >= 0.6; });
  /* typing mistakes: one in a word of 5 letters or more, two from 8 letters on */
  var max = folded.length >= 8 ? 2 : folded.length >= 5 ? 1 : 0;
  if (!good && max) {
    this.folds.forEach(function (f) {
      if (f[0] !== folded[0] || Math.abs(f.length - folded.length) > max) return;
      var d = distance(folded, f, max);
      if (d <= max) self.byFold[f].forEach(function (w) { add(w, d === 1 ? 0.55 : 0.4); });
    });
  }

  /* the other script: финанцамт -> finanzamt, gewerbe -> гевербе */
  var cyrillic = CYRILLIC.test(word);
  var key = soundKey(word), keyMax = key.length >= 6 ? 1 : 0;
  if (key.length >= 4 && (cyrillic || LATIN.test(word))) {
    this.otherScript(cyrillic).forEach(function (entry) {
      if (Math.abs(entry.key.length - key.length) > keyMax) return;
      var d = entry.key === key ? 0 : distance(key, entry.key, keyMax);
      if (d <= keyMax) add(entry.word, d === 0 ? 0.85 : 0.5);
    });
  }
  this.expandMemo[memo] = found;
  return found;
};

/* Folded index words that begin with a prefix (at most MAX_CANDIDATES) */
Search.prototype.withPrefix = function (prefix) {
  var list = this.folds, lo = 0, hi = list.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < prefix) lo = mid + 1; else hi = mid; }
  var out = [];
  for (var i = lo; i < list.length && out.length < MAX_CANDIDATES && list[i].indexOf(prefix) === 0; i++) out.push(list[i]);
  return out;
};

/* Index words in Latin letters (for a Cyrillic query word) or in Cyrillic, with their keys */
Search.prototype.otherScript = function (cyrillicQuery) {
  var name = cyrillicQuery ? "latinKeys" : "cyrillicKeys";
  if (!this[name]) {
    var self = this;
    this[name] = Array.from(this.postings.keys()).filter(function (w) {
      return w.length >= 4 && (cyrillicQuery ? LATIN.test(w) && !CYRILLIC.test(w) : CYRILLIC.test(w));
    }).map(function (w) { return { word: w, key: soundKey(w) }; });
  }
  return this[name];
};

/* What one index word is worth in each document that holds it */
Search.prototype.termScore = function (word) {
  this.scoreMemo = this.scoreMemo || {};
  if (this.scoreMemo[word]) return this.scoreMemo[word];
  var list = this.postings.get(word) || [], scores = this.scoreMemo[word] = {};
  var n = list.length / 2, N = this.docs.length;
  var idf = Math.log(1 + (N - n + 0.5) / (n + 0.5));
  for (var k = 0; k < list.length; k += 2) {
    var doc = list[k], inTitle = list[k + 1] >= 65536, tf = list[k + 1] % 65536, length = this.lengths[doc] || 0;
    var isPage = this.docs[doc].location.indexOf("#") === -1;
    var text = tf ? tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / this.average)) : 0;
    scores[doc] = idf * ((inTitle ? (isPage ? TITLE_WEIGHT_PAGE : TITLE_WEIGHT_SECTION) : 0) + text);
  }
  return scores;
};

/* Split the query into slots: a phrase of data/search.yaml, or one word; stop words go */
Search.prototype.slots = function (query) {
  var self = this, tokens = words(this.lang, query), slots = [], i = 0;
  var foldedTokens = tokens.map(fold);
  function same(token, member) {
    if (fold(token) === fold(member)) return true;
    if (token.length < 4 || member.length < 4) return false;
    if (CYRILLIC.test(token) !== CYRILLIC.test(member)) {   /* финанцамт: Finanzamt */
      var a = soundKey(token), b = soundKey(member);
      return a === b || (a.length >= 6 && distance(a, b, 1) <= 1);
    }
    if (fold(token)[0] !== fold(member)[0]) return false;  /* forms and typos keep the first letter */
    if (token.length >= 8 && member.length >= 8 && distance(fold(token), fold(member), 1) <= 1)
      return true;                                          /* Buchhaltunng: Buchhaltung */
    if (fold(token).slice(0, 3) !== fold(member).slice(0, 3)) return false;
    var mine = self.forms(token);
    return self.forms(member).some(function (f) { return f.length >= 4 && mine.indexOf(f) !== -1; });
  }
  while (i < tokens.length) {
    var best = null, bestLength = 0;
    this.groups.forEach(function (group, g) {
      group.forEach(function (member) {
        if (member.length <= bestLength || i + member.length > tokens.length) return;
        for (var k = 0; k < member.length; k++) if (!same(tokens[i + k], member[k])) return;
        best = g; bestLength = member.length;
      });
    });
    var length = best === null ? 1 : bestLength;
    var typed = tokens.slice(i, i + length);
    var alternatives = [{ words: typed, weight: 1 }];
    if (best !== null)
      this.groups[best].forEach(function (member) {
        if (member.join(" ") !== typed.join(" ")) alternatives.push({ words: member, weight: SYNONYM_WEIGHT });
      });
    slots.push({
      label: query.split(SEPARATOR).filter(Boolean).slice(i, i + length).join(" ") || typed.join(" "),
      stop: length === 1 && !!this.stop[foldedTokens[i]],
      alternatives: alternatives
    });
    i += length;
  }
  /* stop words only add a little to pages that hold them ("kim" in "Kim yardım eder?") */
  if (slots.some(function (s) { return !s.stop; }))
    slots.forEach(function (s) { s.optional = s.stop; });
  return slots;
};

/* Documents that answer one slot: doc -> {score, words} */
Search.prototype.matchSlot = function (slot) {
  var self = this, result = {};
  slot.alternatives.forEach(function (alternative) {
    var perWord = alternative.words.map(function (word) {
      var found = {}, scores = {};
      if (slot.optional) (self.byFold[fold(word)] || []).forEach(function (w) { found[w] = OPTIONAL_WEIGHT; });
      else found = self.expand(word, alternative.weight < 1);
      Object.keys(found).forEach(function (w) {
        var ts = self.termScore(w);
        Object.keys(ts).forEach(function (doc) {
          var s = ts[doc] * found[w];
          if (!scores[doc] || s > scores[doc].score) scores[doc] = { score: s, word: w };
        });
      });
      return scores;
    });
    Object.keys(perWord[0]).forEach(function (doc) {
      if (!perWord.every(function (scores) { return scores[doc]; })) return;
      var sum = 0, hit = [];
      perWord.forEach(function (scores) { sum += scores[doc].score; hit.push(scores[doc].word); });
      var score = sum / perWord.length * alternative.weight;
      var all = result[doc] ? result[doc].all : {};
      hit.forEach(function (w) { all[w] = true; });
      if (!result[doc] || score > result[doc].score) result[doc] = { score: score, words: hit, doc: Number(doc), all: all };
    });
  });
  return result;
};

/* A place of the directory: as typed, by its sound (Дрезден), or with a typing mistake (Osnabrük) */
Search.prototype.isPlace = function (slot) {
  var self = this;
  return slot.alternatives.some(function (a) {
    if (a.words.length !== 1) return false;
    var word = a.words[0];
    if (self.places[fold(word)] || self.placeKeys[soundKey(word)]) return true;
    var found = a.weight < 1 ? {} : self.expand(word);
    return Object.keys(found).some(function (w) { return found[w] >= 0.5 && self.places[fold(w)]; });
  });
};

Search.prototype.search = function (query) {
  var self = this, slots = this.slots(query);
  if (!slots.length) return { items: [] };
  var matches = slots.map(function (slot) { return self.matchSlot(slot); });
  var required = slots.filter(function (slot) { return !slot.optional; }).length;
  var place = slots.map(function (slot) { return self.isPlace(slot); });
  var pages = {};
  matches.forEach(function (match, s) {
    Object.keys(match).forEach(function (doc) {
      var page = self.docs[doc].page;
      var entry = pages[page] || (pages[page] = { page: page, slots: [], sums: [], docs: {}, words: {} });
      if (!entry.slots[s] || match[doc].score > entry.slots[s].score) entry.slots[s] = match[doc];
      entry.sums[s] = (entry.sums[s] || 0) + match[doc].score;
      if (!slots[s].optional) Object.keys(match[doc].all).forEach(function (w) { entry.words[w] = true; });
      var hit = entry.docs[doc] || (entry.docs[doc] = { slots: 0, required: 0, score: 0 });
      hit.slots++;
      if (!slots[s].optional) hit.required++;
      hit.score += match[doc].score;
    });
  });
  var ranked = Object.keys(pages).map(function (key) {
    var entry = pages[key], sum = 0, matched = 0, separate = self.separate[key];
    /* the best section counts, and up to twice as much again when other sections say it too */
    entry.slots.forEach(function (m, s) {
      if (!m) return;
      sum += m.score + (separate || slots[s].optional ? 0 : 0.5 * Math.min(entry.sums[s] - m.score, 2 * m.score));
      if (!slots[s].optional) matched++;
    });
    var together = required > 1 && Object.keys(entry.docs).some(function (doc) { return entry.docs[doc].required === required; });
    entry.matched = matched;
    entry.complete = matched === required;
    entry.score = sum * (self.pages[key] ? self.pages[key].weight : 1) * (together ? 1.5 : 1);
    entry.first = key === self.directory && place.some(function (p, s) { return p && entry.slots[s]; });
    return entry;
  }).filter(function (entry) { return entry.matched > 0; }).sort(function (a, b) {
    return (b.first - a.first) || (b.complete - a.complete) || (b.matched - a.matched) || (b.score - a.score);
  }).slice(0, MAX_PAGES);
  this.lastRanked = ranked;

  var total = ranked.length;
  return {
    items: ranked.map(function (entry, g) {
      return self.item(entry, slots, total - g);
    })
  };
};

/* One result group: the page first, then its sections, best first, as Material shows them */
Search.prototype.item = function (entry, slots, rank) {
  var self = this, pageDoc = null, sections = [], matchedWords = entry.words, terms = {};
  this.pages[entry.page].docs.forEach(function (doc) {
    if (self.docs[doc].location.indexOf("#") === -1 && pageDoc === null) pageDoc = doc;
  });
  Object.keys(entry.docs).forEach(function (doc) {
    doc = Number(doc);
    if (doc !== pageDoc) sections.push(doc);
  });
  slots.forEach(function (slot, s) {
    var m = entry.slots[s];
    if (m && !slot.optional) m.words.forEach(function (w) { terms[w] = true; });
    else if (!m && !slot.optional) terms[slot.label] = false;
  });
  sections.sort(function (a, b) {
    return (entry.docs[b].slots - entry.docs[a].slots) || (entry.docs[b].score - entry.docs[a].score) || a - b;
  });
  var seen = {}, list = [];
  if (pageDoc !== null) { list.push(this.render(pageDoc, matchedWords, rank)); seen[this.docs[pageDoc].location] = true; }
  sections.slice(0, MAX_SECTIONS).forEach(function (doc, k) {
    var location = self.docs[doc].location;
    if (seen[location]) return;
    seen[location] = true;
    list.push(self.render(doc, matchedWords, k < 3 ? rank : rank - 0.5));
  });
  list.forEach(function (item) { item.terms = terms; });
  return list;
};

Search.prototype.render = function (doc, matchedWords, score) {
  var d = this.docs[doc];
  return {
    location: d.location,
    title: this.highlight(d.title, matchedWords),
    text: this.highlight(this.teaser(d.text, matchedWords), matchedWords),
    score: score
  };
};

Search.prototype.teaser = function (text, matchedWords) {
  var self = this, at = -1, position = 0;
  text.split(/([^\p{L}\p{N}]+)/u).some(function (part) {
    if (matchedWords[lowerFor(self.lang, part)]) { at = position; return true; }
    position += part.length;
    return false;
  });
  var start = Math.max(0, at - 60);
  if (start > 0) { var space = text.indexOf(" ", start); if (space !== -1 && space < at) start = space + 1; }
  var slice = text.slice(start, start + 240);
  return (start > 0 ? "… " : "") + slice + (start + 240 < text.length ? " …" : "");
};

Search.prototype.highlight = function (text, matchedWords) {
  var self = this;
  return text.split(/([^\p{L}\p{N}]+)/u).map(function (part) {
    return matchedWords[lowerFor(self.lang, part)] ? "<mark>" + escapeHTML(part) + "</mark>" : escapeHTML(part);
  }).join("");
};

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/* ---- The worker: messages ---- */

function SearchWorker(scope) {
  var here = locate(scope);
  this.scope = scope;
  this.language = here.language;
  this.root = here.root;
  this.loading = null;
}

/* Load the stemmers and the index of the page's language, once */
SearchWorker.prototype.load = function () {
  var self = this, lang = this.language;
  if (this.loading) return this.loading;
  this.loading = Promise.resolve().then(function () {
    if (!lang) throw new Error("no language: the worker's URL needs ?lang=");
    if (!STEMMERS || !STEMMERS[lang]) throw new Error("no stemmer list for " + lang + " (hooks/search_index.py)");
    var lunr = lunrStandIn(self.scope);
    var urls = STEMMERS[lang].map(function (path) { return self.root + path; });
    urls.push(self.root + "search/index." + lang + ".js");
    return loadScripts(self.scope, urls).then(function () {
      var data = self.scope.wegweiserIndex && self.scope.wegweiserIndex[lang];
      if (!data) throw new Error("search/index." + lang + ".js holds no index for " + lang);
      return new Search(lang, data, lunr);
    });
  });
  return this.loading;
};

SearchWorker.prototype.handle = function (message) {
  switch (message.type) {
    case SETUP:
      return Promise.resolve({ type: READY });
    case QUERY:
      /* Material sends the empty query when search is set up: no need for the index yet */
      var query = String(message.data || "");
      if (!query.split(SEPARATOR).filter(Boolean).length)
        return Promise.resolve({ type: RESULT, data: { items: [] } });
      return this.load().then(function (search) {
        return { type: RESULT, data: search.search(query) };
      }).catch(function (err) {
        console.warn("wegweiser search:", err);
        return { type: RESULT, data: { items: [] } };
      });
    default:
      return Promise.reject(new TypeError("Invalid message type"));
  }
};

if (typeof module !== "undefined" && module.exports) {
  /* Node (tests, benchmarks): the parts without a browser */
  module.exports = { Search: Search, fold: fold, soundKey: soundKey, distance: distance, turkishForms: turkishForms,
                     lunrStandIn: lunrStandIn };
} else {
  var worker = new SearchWorker(self);
  addEventListener("message", function (ev) {
    worker.handle(ev.data).then(function (reply) { postMessage(reply); });
  });
}
