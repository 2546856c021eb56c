/* The archive's search worker.
 *
 * It speaks Material for MkDocs' search worker protocol (SETUP, READY, QUERY, RESULT),
 * so Material's search box and result list work unchanged, but it searches the sharded
 * bigram index built by hooks/clippings/search/: a query loads only the term shards its
 * tokens hash to and the document chunks of the results it shows. Pages not made from
 * seeds (the annotation guide, ...) come in Material's own small index with SETUP and
 * are searched here in memory, with the same rules.
 *
 * Tokenizing, token hashing, shard assignment and the postings' encoding must match
 * hooks/clippings/search/ (tokens.py, shards.py). The functions that make up that
 * contract are published as `archiveSearchContract` so that tests/test_search_contract.py
 * can check them, in Chromium, against what the Python index writer produces.
 */
"use strict";
(() => {
  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  /* The first number of a token's postings: positions follow, or counts by region. */
  const WITH_POSITIONS = 0, WITH_COUNTS = 1;
  const MAX_RESULTS = 100;
  const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+|[0-9a-z]+/gu;
  const LATIN = /^[0-9a-z]/;

  /* Where the index lies: beside this script in a worker, or in the page that the
     iframe-based worker shim (used from file://) runs this script in. */
  const script = self.document && document.currentScript
    ? document.currentScript.src
    : self.location.href;
  const base = new URL("../../../search/archive/", script);
  const fromFiles = base.protocol === "file:";

  let manifest = null;
  let version = String(Date.now());
  let pages = { documents: [], postings: new Map() };
  const shards = new Map();
  const chunks = new Map();
  const loading = new Map();

  const handlers = {
    archiveManifest: value => { manifest = value },
    archiveTerms: (number, shard) => shards.set(number, readShard(shard)),
    archiveDocuments: (number, documents) => chunks.set(number, documents)
  };
  Object.assign(self, handlers);

  /* Index files are calls like `archiveTerms(3, {...});`: run them with importScripts
     from file://, or fetch them (in parallel) and read their JSON arguments. */
  function load(path) {
    if (!loading.has(path)) {
      const url = `${new URL(path, base)}?v=${version}`;
      const done = fromFiles
        ? Promise.resolve(importScripts(url))
        : fetch(url)
          .then(response => {
            if (!response.ok)
              throw new Error(`${url}: ${response.status}`);
            return response.text();
          })
          .then(text => {
            const open = text.indexOf("(");
            const name = text.slice(0, open);
            handlers[name](...JSON.parse(`[${text.slice(open + 1, text.lastIndexOf(")"))}]`));
          });
      loading.set(path, done.catch(error => {
        loading.delete(path);
        throw error;
      }));
    }
    return loading.get(path);
  }

  function normalise(text) {
    return text.normalize("NFKC").toLowerCase();
  }

  function tokenize(text, start = 0) {
    const tokens = [];
    for (const [run] of normalise(text).matchAll(RUN)) {
      const characters = Array.from(run);
      if (characters.length > 1 && !LATIN.test(run))
        for (let i = 0; i + 1 < characters.length; i++)
          tokens.push(characters[i] + characters[i + 1]);
      else
        tokens.push(run);
    }
    return { tokens, positions: tokens.map((_, i) => start + i) };
  }

  /* FNV-1a, then MurmurHash3's finaliser: see token_hash in shards.py. */
  function tokenHash(token) {
    let value = 0x811c9dc5;
    for (const character of token)
      value = Math.imul(value ^ character.codePointAt(0), 0x01000193);
    value ^= value >>> 16;
    value = Math.imul(value, 0x85ebca6b);
    value ^= value >>> 13;
    value = Math.imul(value, 0xc2b2ae35);
    return (value ^ (value >>> 16)) >>> 0;
  }

  /* Occurrence counts by region: 0 title, 1 other metadata, 2 body. */
  function region(position) {
    const [metaStart, bodyStart] = manifest.regions;
    return position < metaStart ? 0 : position < bodyStart ? 1 : 2;
  }

  function counted(positions) {
    const counts = [0, 0, 0];
    for (const position of positions)
      counts[region(position)]++;
    return counts;
  }

  /* A term shard is `token data token data …`, data being base64. */
  function readShard(text) {
    const shard = new Map();
    const parts = text ? text.split(" ") : [];
    for (let i = 0; i + 1 < parts.length; i += 2)
      shard.set(parts[i], parts[i + 1]);
    return shard;
  }

  /* LEB128: seven bits a byte, low bits first; a byte below 128 ends a number. */
  function readVarints(base64) {
    const bytes = atob(base64);
    const numbers = [];
    let value = 0, scale = 1;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes.charCodeAt(i);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        numbers.push(value);
        value = 0;
        scale = 1;
      } else {
        scale *= 128;
      }
    }
    return numbers;
  }

  /* Postings of one token: document number -> { positions (or null), counts }. */
  function decode(base64) {
    const numbers = readVarints(base64);
    const postings = new Map();
    let doc = 0, i = 1;
    if (numbers[0] === WITH_COUNTS) {
      for (; i + 3 < numbers.length; i += 4) {
        doc += numbers[i];
        const [body, meta, title] = numbers.slice(i + 1, i + 4);
        postings.set(doc, { positions: null, counts: [title, meta, body] });
      }
    } else {
      while (i < numbers.length) {
        doc += numbers[i];
        const count = numbers[i + 1];
        const positions = [];
        let position = 0;
        for (let k = 0; k < count; k++)
          positions.push(position += numbers[i + 2 + k]);
        postings.set(doc, { positions, counts: counted(positions) });
        i += 2 + count;
      }
    }
    return postings;
  }

  function shardOf(token, shardCount) {
    return tokenHash(token) % shardCount;
  }

  /* Material's index holds the pages not made from seeds, one entry per section. */
  function indexPages(docs) {
    const documents = [];
    const byLocation = new Map();
    for (const doc of docs) {
      const location = doc.location.split("#")[0];
      const text = doc.text.replace(/<[^>]+>/g, " ").replace(/\u200b/g, "");
      if (!byLocation.has(location)) {
        byLocation.set(location, documents.length);
        documents.push({ location, title: doc.title.replace(/\u200b/g, ""), text: "" });
      }
      documents[byLocation.get(location)].text += ` ${text}`;
    }
    const postings = new Map();
    documents.forEach((document, number) => {
      const title = tokenize(document.title);
      const body = tokenize(document.text, manifest.regions[1]);
      const tokens = [...title.tokens, ...body.tokens];
      const positions = [...title.positions, ...body.positions];
      tokens.forEach((token, i) => {
        if (!postings.has(token))
          postings.set(token, new Map());
        const key = `page${number}`;
        const posting = postings.get(token).get(key) || { positions: [], counts: [0, 0, 0] };
        posting.positions.push(positions[i]);
        posting.counts[region(positions[i])]++;
        postings.get(token).set(key, posting);
      });
      document.summary = document.text.trim().slice(0, 80);
    });
    return { documents, postings };
  }

  /* A query's terms: its space-separated words, each a phrase of tokens at offsets. A
     lone Han character at a phrase's edge is dropped, since the index holds it only
     inside bigrams ("GPT-5的" must still find "GPT-5的预训练"). */
  function parse(query) {
    const terms = [];
    for (const text of query.trim().split(/\s+/)) {
      let { tokens, positions } = tokenize(text);
      const lone = i => !LATIN.test(tokens[i]) && Array.from(tokens[i]).length === 1;
      let first = 0, last = tokens.length - 1;
      if (tokens.length > 1 && lone(first)) first++;
      if (last > first && lone(last)) last--;
      tokens = tokens.slice(first, last + 1);
      positions = positions.slice(first, last + 1);
      if (tokens.length)
        terms.push({ text, tokens: tokens.map((token, i) => ({ token, offset: positions[i] })) });
    }
    return terms;
  }

  function postingsOf(token) {
    const found = new Map();
    const shard = shards.get(shardOf(token, manifest.shards));
    if (shard && shard.has(token))
      for (const [doc, posting] of decode(shard.get(token)))
        found.set(doc, posting);
    for (const [doc, posting] of pages.postings.get(token) || [])
      found.set(doc, posting);
    return found;
  }

  /* Documents holding every token of a term, with the term's phrase hits in each by
     region (all zero when the tokens are there but not side by side). */
  function match(term) {
    const lists = term.tokens.map(({ token }) => postingsOf(token));
    const hits = new Map();
    if (lists.some(list => list.size === 0))
      return hits;
    const smallest = lists.reduce((a, b) => (a.size <= b.size ? a : b));
    for (const doc of smallest.keys()) {
      const postings = lists.map(list => list.get(doc));
      if (postings.some(posting => !posting))
        continue;
      const placed = term.tokens
        .map((token, i) => ({ offset: token.offset, posting: postings[i] }))
        .filter(({ posting }) => posting.positions);
      if (placed.length === 0) {
        /* Only very common tokens: the rarest one's counts stand for the phrase. */
        hits.set(doc, postings
          .map(posting => posting.counts)
          .reduce((a, b) => a.map((count, i) => Math.min(count, b[i]))));
        continue;
      }
      const anchor = placed.reduce((a, b) =>
        a.posting.positions.length <= b.posting.positions.length ? a : b);
      const others = placed
        .filter(other => other !== anchor)
        .map(other => ({ offset: other.offset, at: new Set(other.posting.positions) }));
      const counts = [0, 0, 0];
      for (const position of anchor.posting.positions) {
        const start = position - anchor.offset;
        if (others.every(other => other.at.has(start + other.offset)))
          counts[region(start)]++;
      }
      hits.set(doc, counts);
    }
    return hits;
  }

  /* A phrase in the title outweighs one in the metadata (author, account, place, tags),
     which outweighs any number of times in the body; tokens found apart come last. */
  function relevance([title, meta, body]) {
    if (title + meta + body === 0)
      return 0.5;
    return 2 + (title > 0 ? 3 : 0) + (meta > 0 ? 2 : 0) + body / (body + 2);
  }

  function escape(text) {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
  }

  function highlight(text, terms) {
    let html = escape(text);
    for (const term of terms) {
      const pattern = escape(term.text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      html = html.replace(new RegExp(pattern, "gi"), found => `<mark>${found}</mark>`);
    }
    return html;
  }

  async function describe(doc) {
    if (typeof doc === "string") {
      const page = pages.documents[Number(doc.slice(4))];
      return { location: page.location, title: page.title, text: page.summary };
    }
    const chunk = Math.floor(doc / manifest.chunk);
    await load(`documents/${chunk}.js`);
    const [location, title, summary, tags] = chunks.get(chunk)[doc % manifest.chunk];
    return { location, title, text: summary, tags };
  }

  async function search(query) {
    const terms = parse(query);
    if (!terms.length)
      return { items: [] };
    const tokens = new Set(terms.flatMap(term => term.tokens.map(({ token }) => token)));
    await Promise.all([...tokens].map(token => load(`terms/${shardOf(token, manifest.shards)}.js`)));

    /* Score: terms matched first, then the sum over terms of idf times relevance. */
    const total = manifest.documents + pages.documents.length;
    const scores = new Map();
    for (const term of terms) {
      const hits = match(term);
      const phrases = [...hits.values()].filter(counts => relevance(counts) > 1).length;
      const idf = Math.log(1 + total / Math.max(1, phrases || hits.size));
      for (const [doc, counts] of hits) {
        const score = scores.get(doc) || { matched: new Set(), value: 0 };
        score.matched.add(term.text);
        score.value += idf * relevance(counts);
        scores.set(doc, score);
      }
    }
    const order = doc => (typeof doc === "number" ? doc : total + Number(doc.slice(4)));
    const ranked = [...scores]
      .map(([doc, { matched, value }]) => ({ doc, matched, score: matched.size * 1000 + value }))
      .sort((a, b) => b.score - a.score || order(a.doc) - order(b.doc))
      .slice(0, MAX_RESULTS);
    const items = await Promise.all(ranked.map(async ({ doc, matched, score }) => {
      const found = await describe(doc);
      const shown = terms.filter(term => matched.has(term.text));
      return [{
        location: found.location,
        title: highlight(found.title, shown),
        text: highlight(found.text || "", shown),
        tags: found.tags && found.tags.length ? found.tags.map(escape) : undefined,
        score,
        terms: Object.fromEntries(terms.map(term => [term.text, matched.has(term.text)]))
      }];
    }));
    return { items };
  }

  self.archiveSearchContract = Object.freeze({
    normalise, tokenize, tokenHash, shardOf, readShard, decode
  });

  /* Answer only the latest query: results of an earlier one may arrive later. */
  let latest = 0;
  addEventListener("message", async ({ data }) => {
    if (data.type === SETUP) {
      await load("manifest.js");
      version = manifest.version;
      pages = indexPages(data.data.docs);
      postMessage({ type: READY });
    } else if (data.type === QUERY) {
      const ticket = ++latest;
      let result = { items: [] };
      try {
        result = await search(data.data);
      } catch (error) {
        console.warn("search index unavailable:", error);
      }
      if (ticket === latest)
        postMessage({ type: RESULT, data: result });
    }
  });
})();
