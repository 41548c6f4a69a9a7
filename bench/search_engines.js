/*
 * Benchmark: how long each engine takes to build one language's index in the browser's place
 * (Node, one CPU at full speed; a phone with the CPU 4× slower takes about 4× as long).
 * Decides whether a search library serves better than our own word index (bench/README.md).
 *
 *   npm pack lunr@2.3.9 minisearch@7.2.0 && tar xzf lunr-2.3.9.tgz && mv package lunr \
 *     && tar xzf minisearch-7.2.0.tgz && mv package minisearch        # in a scratch folder
 *   node bench/search_engines.js SITE SCRATCH              # SITE: a built site (bench/search_eval.py --site)
 *
 * Each engine indexes the same entries with the same folding and no stemming at build time
 * (the cheapest setup for lunr and MiniSearch; ours stems at query time too).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const [site, scratch] = process.argv.slice(2);
const lunr = require(path.join(scratch, "lunr", "lunr.js"));
const MiniSearch = require(path.join(scratch, "minisearch", "dist", "cjs", "index.cjs"));
global.self = global;
const ours = require(path.join(__dirname, "..", "overrides", "assets", "javascripts", "wegweiser", "search-worker.js"));
const RUNS = 7;
const SEP = /[^\p{L}\p{N}]+/u;

function median(list) { const s = list.slice().sort((a, b) => a - b); return s[s.length >> 1]; }
function time(fn) {
  const out = [];
  for (let i = 0; i < RUNS; i++) { const t = process.hrtime.bigint(); fn(); out.push(Number(process.hrtime.bigint() - t) / 1e6); }
  return median(out);
}

const rows = [];
for (const lang of ["de", "tr", "ru"]) {
  const script = fs.readFileSync(path.join(site, "search", `index.${lang}.js`), "utf8");
  (new Function(script)).call(global);
  const data = global.wegweiserIndex[lang];
  const docs = data.docs.map((d, i) => ({ id: i, title: d.title, text: d.text }));
  const fold = w => ours.fold(w.toLowerCase());
  const foldToken = token => token.update(fold);
  lunr.Pipeline.registerFunction(foldToken, "fold-" + lang);
  const lunrMs = time(() => lunr(function () {
    this.ref("id"); this.field("title", { boost: 10 }); this.field("text");
    this.pipeline.reset(); this.searchPipeline.reset(); this.metadataWhitelist = [];
    this.pipeline.add(foldToken);
    docs.forEach(d => this.add(d));
  }));
  const miniMs = time(() => {
    const m = new MiniSearch({ fields: ["title", "text"], tokenize: t => t.split(SEP), processTerm: t => (t ? fold(t) : null) });
    m.addAll(docs);
  });
  const oursMs = time(() => new ours.Search(lang, data, {}));
  rows.push(`| ${lang} | ${docs.length} | ${lunrMs.toFixed(0)} ms | ${miniMs.toFixed(0)} ms | ${oursMs.toFixed(0)} ms |`);
}
console.log("| language | entries | lunr 2.3.9 | MiniSearch 7.2.0 | ours |");
console.log("|---|---:|---:|---:|---:|");
rows.forEach(r => console.log(r));
