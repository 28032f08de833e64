/* zhpress/search: the browser's search engine and Material's search box.
 *
 * Loaded by the inline loader of partials/search.html when the reader first
 * focuses the search box (or calls zhpress.search()); nothing before. It
 * reads the index written by zhpress/search/index.py, fetching only the
 * pieces a query needs, and fills Material's own result markup.
 *
 * A query is cut into terms at spaces; each term is normalised like the
 * index (Simplified character by character, lower case, no punctuation;
 * one space where punctuation or spaces part two Latin words or numbers).
 * A term of one character is looked up whole; of two, as one bigram; a
 * longer one as the cheapest set of bigrams covering it, whose positions are
 * intersected: every match is exact. Several terms must all occur in a page.
 * With no match and three or more CJK characters, the query is cut into
 * dictionary words and the pages holding all of them are shown under a
 * line that says so. Contributor text only ever reaches the page as text.
 */
(function () {
  "use strict";

  var SINGLE_COST = -30; // a character left alone when cutting a query into words
  var WORD_BASE = 26; // log2 of a corpus size: a word weighs log2(frequency) - 26
  var FIRST_GROUPS = 10; // result pages rendered at once, then more on scrolling
  var SECTIONS_SHOWN = 3; // sections of a page shown before "more on this page"
  var SNIPPET = 110; // characters of a snippet
  var DEBOUNCE = 60;
  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  var LETTER = /[\p{L}\p{N}]/u;
  var PARTING = /[\p{P}\p{Z}\p{S}\p{Cc}]/u; // dropped, but parts two words (normalize.py: parts_words)
  var SEPARATOR = " ";

  window.__zhpressSearch = function (config, root) {
    var indexBase = new URL(config.index, location.href);
    var siteBase = new URL(config.base, location.href);
    var fileCache = new Map();
    var manifest = null;
    var maps = null;

    // -- files -----------------------------------------------------------

    function inflate(buffer) {
      var bytes = new Uint8Array(buffer);
      if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
        return Promise.resolve(bytes); // the host already unpacked it
      }
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
    }

    /* A file of the index, unpacked. Every file but the manifest carries
       the build's id: a new build never mixes with pieces of an old one. */
    function file(name) {
      var cached = fileCache.get(name);
      if (cached) return cached;
      var url = new URL(name, indexBase);
      if (manifest) url.searchParams.set("v", manifest.build);
      var promise = fetch(url.href, manifest ? {} : { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error("zhpress/search: " + response.status + " " + url.pathname);
        return response.arrayBuffer();
      }).then(inflate);
      fileCache.set(name, promise);
      promise.catch(function () { fileCache.delete(name); });
      return promise;
    }

    function text(bytes) { return new TextDecoder().decode(bytes); }

    var ready = file("index.bin").then(function (bytes) {
      manifest = JSON.parse(text(bytes));
      var m = manifest.map;
      maps = { t2s: new Map(), fold: new Map(), drop: new Set(Array.from(m.drop)),
        hide: new Set(Array.from(m.hide || "")), unspaced: m.unspaced || [] };
      pairs(m.t2s, maps.t2s);
      pairs(m.fold, maps.fold);
      maps.exclude = new Set(manifest.exclude || []);
      // Pages indexed for one variant's readers only (index.py: `only`):
      // the others never see them, and they are stored as their readers see them.
      var reader = manifest.variants ? manifest.variants.indexOf(config.variant || manifest.variants[0]) : -1;
      maps.hidden = new Set(reader >= 0 && manifest.only ? manifest.only[1 - reader] || [] : []);
      maps.alone = new Set(manifest.only ? [].concat.apply([], manifest.only) : []);
      maps.folds = new Map(manifest.folds || []);
      var keys = Array.from(maps.folds.keys()).sort(function (a, b) { return b.length - a.length || (a < b ? -1 : 1); });
      maps.foldPattern = keys.length ? new RegExp(keys.map(function (k) {
        return k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }).join("|"), "gu") : null;
      return manifest;
    });

    function pairs(two, map) {
      var from = Array.from(two[0]), to = Array.from(two[1]);
      for (var i = 0; i < from.length; i++) map.set(from[i], to[i]);
    }

    // -- normalisation (zhpress/text/normalize.py) ------------------------

    function normChar(c) {
      if (maps.drop.has(c) || maps.hide.has(c)) return "";
      var v = maps.fold.get(c);
      if (v !== undefined) return v;
      v = maps.t2s.get(c);
      if (v !== undefined) return v;
      var code = c.codePointAt(0);
      var d = code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : c;
      var lower = d.toLowerCase();
      if (Array.from(lower).length === 1) d = lower;
      v = maps.t2s.get(d);
      if (v !== undefined) d = v;
      return LETTER.test(d) ? d : "";
    }

    /* Whether a dropped character parts two words (a space, punctuation)
       rather than sitting inside one (a combining mark). */
    function parts(c) {
      if (maps.drop.has(c)) return true;
      if (maps.hide.has(c)) return false;
      var code = c.codePointAt(0);
      return PARTING.test(code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : c);
    }

    /* Normalised text with every word the site converts as a phrase in its
       Simplified form (folds.py): 原型炼 (from 原型鍊) is 原型链. One length. */
    function fold(text) {
      return maps.foldPattern ? text.replace(maps.foldPattern, function (k) { return maps.folds.get(k); }) : text;
    }

    /* A letter of a script written without spaces (Han, kana): no separator beside it. */
    function unspaced(c) {
      var code = c.codePointAt(0);
      return maps.unspaced.some(function (r) { return code >= r[0] && code <= r[1]; });
    }

    /* Normalised text as a string, with the original [start, end) of each
       of its UTF-16 units. Parting characters between two spaced letters
       or digits become one separator (its span: the whole run). */
    function normalize(s) {
      var out = "", starts = [], ends = [], partedAt = -1, last = "";
      for (var i = 0; i < s.length;) {
        var code = s.codePointAt(i), c = String.fromCodePoint(code), n = normChar(c);
        if (!n) {
          if (partedAt < 0 && parts(c)) partedAt = i;
        } else {
          if (partedAt >= 0 && last && !unspaced(last) && !unspaced(n)) {
            out += SEPARATOR; starts.push(partedAt); ends.push(i);
          }
          partedAt = -1;
          last = n;
          for (var k = 0; k < n.length; k++) { starts.push(i); ends.push(i + c.length); }
          out += n;
        }
        i += c.length;
      }
      return { text: out, starts: starts, ends: ends };
    }

    // -- binary reading ----------------------------------------------------

    function Reader(bytes, at) { this.b = bytes; this.at = at || 0; }
    Reader.prototype.varint = function () {
      var value = 0, shift = 0, byte;
      do { byte = this.b[this.at++]; value += (byte & 0x7f) * Math.pow(2, shift); shift += 7; } while (byte & 0x80);
      return value;
    };
    Reader.prototype.planar = function (count) {
      var k = this.b[this.at++], out = new Uint32Array(count), b = this.b, base = this.at;
      for (var plane = 0; plane < k; plane++) {
        var shift = 8 * plane, offset = base + plane * count;
        for (var i = 0; i < count; i++) out[i] += b[offset + i] * Math.pow(2, shift);
      }
      this.at = base + k * count;
      return out;
    };

    function fnv(key) {
      var h = 0x811c9dc5;
      for (var c of key) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
      return h;
    }

    function parseBucket(bytes) {
      var r = new Reader(bytes), entries = new Map(), count = r.varint();
      for (var e = 0; e < count; e++) {
        var length = r.varint(), key = "";
        for (var i = 0; i < length; i++) key += String.fromCodePoint(r.varint());
        var flags = bytes[r.at++], bigram = length === 2, entry = { key: key, bigram: bigram };
        if (flags & 1) entry.body = field(r, bigram, flags & 2);
        if (flags & 4) entry.head = field(r, bigram, 0);
        entries.set(key, entry);
      }
      return entries;
    }

    function field(r, bigram, external) {
      var f = { df: r.varint(), n: r.varint(), bytes: r.b };
      if (external && bigram) {  // cut in chunks of sections (index.py: CHUNK_SECTIONS)
        f.file = r.varint();
        f.chunks = new Map();
        f.sizeS = f.sizeP = 0;
        for (var count = r.varint(), k = 0; k < count; k++) {
          var c = { id: r.varint(), df: r.varint(), n: r.varint(), sizeS: r.varint(), sizeP: r.varint() };
          f.chunks.set(c.id, c);
          f.sizeS += c.sizeS;
          f.sizeP += c.sizeP;
        }
      } else if (external) {
        f.file = r.varint();
        f.sizeS = r.varint();
        f.sizeP = 0;
      } else {
        f.sizeS = r.varint(); f.s = r.at; r.at += f.sizeS;
        if (bigram) { f.sizeP = r.varint(); f.p = r.at; r.at += f.sizeP; } else f.sizeP = 0;
      }
      return f;
    }

    function entryOf(key) {
      var bucket = fnv(key) % manifest.buckets;
      return file("b/" + bucket + ".bin").then(function (bytes) {
        if (!bytes.parsed) bytes.parsed = parseBucket(bytes);
        return bytes.parsed.get(key) || null;
      });
    }

    /* Occurrences of a field: {secs, pos} (bigram, one per occurrence) or
       {secs, counts} (unigram, one per section). A field of its own file is
       a character's (a large bigram's comes in chunks). */
    function postings(f, bigram, wantPositions) {
      if (f.chunks) {
        return Promise.all(Array.from(f.chunks.keys()).map(function (id) {
          return chunkPostings(f, id, wantPositions);
        })).then(joined);
      }
      if (f.file !== undefined) {
        return file("p/" + f.file + "s.bin").then(function (bytes) {
          return decoded(new Reader(bytes), null, f.n, bigram, false);
        });
      }
      return Promise.resolve(decoded(new Reader(f.bytes, f.s), bigram ? new Reader(f.bytes, f.p) : null,
        f.n, bigram, wantPositions));
    }

    /* A chunked bigram's occurrences in chunk `id`, as postings() gives them. */
    function chunkPostings(f, id, wantPositions) {
      var c = f.chunks.get(id);
      if (!c) return Promise.resolve({ secs: new Int32Array(0), pos: new Int32Array(0) });
      var name = "p/" + f.file + "-" + id;
      return Promise.all([file(name + "s.bin"), wantPositions ? file(name + "p.bin") : null]).then(function (got) {
        return decoded(new Reader(got[0]), got[1] && new Reader(got[1]), c.n, true, wantPositions);
      });
    }

    /* n occurrences read from S (first section, then each one's section
       step) and, for a bigram's positions, P (each one's move). */
    function decoded(s, p, n, bigram, wantPositions) {
      var sec = s.varint(), steps = s.planar(n), secs = new Int32Array(n);
      for (var i = 0; i < n; i++) { sec += steps[i]; secs[i] = sec; }
      if (!bigram) return { secs: secs, counts: s.planar(n) };
      if (!wantPositions) return { secs: secs };
      var moves = p.planar(n), pos = new Int32Array(n), prev = 0;
      for (var k = 0; k < n; k++) { prev = (k && steps[k] ? 0 : prev) + moves[k]; pos[k] = prev; }
      return { secs: secs, pos: pos };
    }

    /* Postings of consecutive chunks, as one list. */
    function joined(lists) {
      var n = 0, at = 0;
      lists.forEach(function (l) { n += l.secs.length; });
      var secs = new Int32Array(n), pos = lists.length && lists[0].pos ? new Int32Array(n) : null;
      lists.forEach(function (l) {
        secs.set(l.secs, at);
        if (pos) pos.set(l.pos, at);
        at += l.secs.length;
      });
      return pos ? { secs: secs, pos: pos } : { secs: secs };
    }

    // -- tables ----------------------------------------------------------------

    var tables = null;
    function sections() {
      if (!tables) {
        tables = file("sections.bin").then(function (bytes) {
          var r = new Reader(bytes), pages = r.varint(), counts = r.planar(pages);
          var total = 0;
          for (var i = 0; i < pages; i++) total += counts[i];
          var first = new Uint32Array(pages), pageOf = new Uint32Array(total), sid = 0;
          for (var p = 0; p < pages; p++) {
            first[p] = sid;
            for (var k = 0; k < counts[p]; k++) pageOf[sid++] = p;
          }
          return { first: first, pageOf: pageOf, lengths: bytes.subarray(r.at, r.at + total), counts: counts };
        });
      }
      return tables;
    }

    function pageInfo(page) {
      var shard = Math.floor(page / manifest.shard);
      return file("u/" + shard + ".bin").then(function (bytes) {
        if (!bytes.json) bytes.json = JSON.parse(text(bytes));
        return bytes.json[page - shard * manifest.shard];
      });
    }

    function wordsOf(key) {
      if (!manifest.words) return Promise.resolve([]);
      return file("w/" + (fnv(key) % manifest.words) + ".bin").then(function (bytes) {
        if (!bytes.words) {
          bytes.words = new Map();
          for (var line of text(bytes).split("\n")) {
            var tab = line.indexOf("\t");
            if (tab > 0) bytes.words.set(line.slice(0, tab), line.slice(tab + 1));
          }
        }
        var items = bytes.words.get(key);
        if (!items) return [];
        return items.split(" ").map(function (item) {
          return { rest: Array.from(item.slice(0, -1)), weight: item.charCodeAt(item.length - 1) - 0x41 };
        });
      });
    }

    // -- matching ----------------------------------------------------------

    /* Map section -> {b: occurrences in the body, h: in the heading}. */
    function matchTerm(chars, partial) {
      var found = new Map();
      function add(sid, fieldName, count) {
        var hit = found.get(sid);
        if (!hit) { hit = { b: 0, h: 0 }; found.set(sid, hit); }
        hit[fieldName] += count;
      }
      if (chars.length === 1) {
        return entryOf(chars[0]).then(function (entry) {
          if (!entry) return found;
          return Promise.all(["body", "head"].map(function (name) {
            if (!entry[name]) return null;
            return postings(entry[name], false, false).then(function (got) {
              for (var i = 0; i < got.secs.length; i++) add(got.secs[i], name[0], got.counts[i]);
            });
          })).then(function () { return found; });
        });
      }
      var keys = [];
      for (var i = 0; i + 1 < chars.length; i++) keys.push(chars[i] + chars[i + 1]);
      return Promise.all(keys.map(entryOf)).then(function (entries) {
        function one(name, first) {
          if (entries.some(function (e) { return !e || !e[name]; })) return Promise.resolve(null);
          var hits = chars.length === 2 ? pairHits(entries[0][name], first)
            : intersect(entries.map(function (e) { return e[name]; }), chars.length, first);
          return hits.then(function (got) { got.forEach(function (count, sid) { add(sid, name[0], count); }); });
        }
        var head = one("head", null);
        // The body's first chunk, with every heading, while the rest loads.
        var body = one("body", partial ? function (hits) {
          return head.then(function () {
            var snapshot = new Map();
            found.forEach(function (hit, sid) { snapshot.set(sid, { b: hit.b, h: hit.h }); });
            hits.forEach(function (count, sid) {
              var hit = snapshot.get(sid) || { b: 0, h: 0 };
              hit.b += count;
              snapshot.set(sid, hit);
            });
            return partial(snapshot);
          });
        } : null);
        return Promise.all([body, head]).then(function () { return found; });
      });
    }

    /* Map section -> occurrences of a bigram; chunk by chunk as intersect() goes. */
    function pairHits(f, first) {
      function count(got, hits) {
        for (var i = 0; i < got.secs.length; i++) hits.set(got.secs[i], (hits.get(got.secs[i]) || 0) + 1);
        return hits;
      }
      if (!f.chunks) return postings(f, true, false).then(function (got) { return count(got, new Map()); });
      var ids = Array.from(f.chunks.keys()).sort(function (a, b) { return a - b; });
      return chunkPostings(f, ids[0], false).then(function (got) {
        var hits = count(got, new Map());
        return Promise.resolve(first && hits.size ? first(new Map(hits)) : null).then(function () {
          return Promise.all(ids.slice(1).map(function (id) { return chunkPostings(f, id, false); }));
        }).then(function (rest) {
          rest.forEach(function (more) { count(more, hits); });
          return hits;
        });
      });
    }

    /* The bigrams at offsets 0 .. n-2 of a term; pick the cheapest set
       covering every character (first and last always), intersect their
       positions: Map section -> number of matches. Large bigrams come in
       chunks of sections: only chunks where every chosen bigram occurs are
       fetched, the first of them first, and `first` (if given) gets its
       hits before the others load. */
    function intersect(fields, length, first) {
      var last = length - 2, cost = fields.map(function (f) { return f.sizeS + f.sizeP + 16; });
      var best = [cost[0]], from = [-1];
      for (var i = 1; i <= last; i++) {
        var viaOne = best[i - 1], viaTwo = i >= 2 ? best[i - 2] : Infinity;
        best.push(cost[i] + Math.min(viaOne, viaTwo));
        from.push(viaOne <= viaTwo ? i - 1 : i - 2);
      }
      var chosen = [];
      for (var at = last; at >= 0; at = from[at]) chosen.push(at);
      var chunked = chosen.filter(function (o) { return fields[o].chunks; });
      var whole = chosen.filter(function (o) { return !fields[o].chunks; });
      return Promise.all(whole.map(function (offset) {
        return postings(fields[offset], true, true).then(function (got) { got.offset = offset; return got; });
      })).then(function (lists) {
        if (!chunked.length) return verify(lists);
        var size = manifest.chunk, ids = null;
        chunked.forEach(function (o) {
          var mine = Array.from(fields[o].chunks.keys());
          ids = ids ? ids.filter(function (id) { return fields[o].chunks.has(id); }) : mine;
        });
        lists.forEach(function (l) {  // a small list names the only chunks worth fetching
          var has = new Set();
          for (var k = 0; k < l.secs.length; k++) has.add(Math.floor(l.secs[k] / size));
          ids = ids.filter(function (id) { return has.has(id); });
        });
        ids.sort(function (a, b) { return a - b; });
        function inChunk(id) {
          return Promise.all(chunked.map(function (offset) {
            return chunkPostings(fields[offset], id, true).then(function (got) { got.offset = offset; return got; });
          })).then(function (parts) {
            return verify(parts.concat(lists.map(function (l) { return slice(l, id * size, (id + 1) * size); })));
          });
        }
        var hits = new Map();
        function add(more) { more.forEach(function (count, sid) { hits.set(sid, count); }); }
        function next(at) {  // chunk by chunk until one has hits; then all the others at once
          if (at >= ids.length) return hits;
          return inChunk(ids[at]).then(function (found) {
            add(found);
            if (!found.size) return next(at + 1);
            // The rest waits until the first results are on screen: on a slow
            // network it would share the line with what the reader sees first.
            return Promise.resolve(first ? first(new Map(hits)) : null).then(function () {
              return Promise.all(ids.slice(at + 1).map(inChunk));
            }).then(function (rest) {
              rest.forEach(add);
              return hits;
            });
          });
        }
        return next(0);
      });
    }

    /* The occurrences of a position list in sections [lo, hi). */
    function slice(l, lo, hi) {
      var a = 0, b = l.secs.length;
      while (a < b && l.secs[a] < lo) a++;
      var e = a;
      while (e < b && l.secs[e] < hi) e++;
      return { secs: l.secs.subarray(a, e), pos: l.pos.subarray(a, e), offset: l.offset };
    }

    /* Sections where the chosen bigrams stand at their offsets from one start. */
    function verify(lists) {
      lists.sort(function (a, b) { return a.secs.length - b.secs.length; });
      var first = lists[0], cs = [], cp = [];
      for (var k = 0; k < first.secs.length; k++) {
        var start = first.pos[k] - first.offset;
        if (start >= 0) { cs.push(first.secs[k]); cp.push(start); }
      }
      for (var l = 1; l < lists.length && cs.length; l++) {
        var g = lists[l], j = 0, ns = [], np = [], m = g.secs.length;
        for (var c = 0; c < cs.length; c++) {
          var s = cs[c], target = cp[c] + g.offset;
          while (j < m && (g.secs[j] < s || (g.secs[j] === s && g.pos[j] < target))) j++;
          if (j < m && g.secs[j] === s && g.pos[j] === target) { ns.push(s); np.push(cp[c]); }
        }
        cs = ns; cp = np;
      }
      var hits = new Map();
      for (var h = 0; h < cs.length; h++) hits.set(cs[h], (hits.get(cs[h]) || 0) + 1);
      return hits;
    }

    function termsOf(query) {
      return query.split(/\s+/).map(function (t) { return Array.from(fold(normalize(t).text)); })
        .filter(function (t) { return t.length; });
    }

    /* A query of several terms read as one phrase: the terms as the text
       would hold them (数字 广东 is 数字广东, hello world keeps its separator). */
    function phraseOf(query, terms) {
      return terms.length > 1 ? Array.from(fold(normalize(query).text)) : null;
    }

    /* Sections of the pages holding every term, ranked and grouped by page. */
    function rank(termHits, phraseHits, table) {
      var pagesOf = termHits.map(function (hits) {
        var pages = new Set();
        hits.forEach(function (_, sid) {
          var page = table.pageOf[sid];
          if (!maps.hidden.has(page)) pages.add(page);
        });
        return pages;
      });
      var keep = pagesOf.reduce(function (a, b) {
        return new Set(Array.from(a).filter(function (p) { return b.has(p); }));
      });
      var rows = new Map();
      termHits.forEach(function (hits) {
        hits.forEach(function (hit, sid) {
          var page = table.pageOf[sid];
          if (!keep.has(page)) return;
          var row = rows.get(sid);
          if (!row) { row = { sid: sid, page: page, terms: 0, occurrences: 0, head: false }; rows.set(sid, row); }
          row.terms++;
          row.occurrences += hit.b + hit.h;
          row.head = row.head || hit.h > 0;
        });
      });
      var list = Array.from(rows.values());
      list.forEach(function (row) {
        var phrase = phraseHits ? phraseHits.get(row.sid) : null;
        row.phrase = phraseHits ? !!phrase : true;
        var head = phraseHits ? !!(phrase && phrase.h) : row.head;
        row.tier = head ? (table.first[row.page] === row.sid ? 0 : 1) : 2;
        row.length = table.lengths[row.sid];
        row.score = (row.phrase ? 4 : 0) + (2 - row.tier) + Math.min(row.occurrences, 50) / 100;
      });
      list.sort(function (a, b) {
        return (b.phrase - a.phrase) || (b.terms - a.terms) || (a.tier - b.tier) ||
          (b.occurrences - a.occurrences) || (a.length - b.length) || (a.sid - b.sid);
      });
      var groups = new Map();
      list.forEach(function (row) {
        var group = groups.get(row.page);
        if (!group) { group = { page: row.page, sections: [] }; groups.set(row.page, group); }
        group.sections.push(row);
      });
      return Array.from(groups.values());
    }

    function cjkCount(terms) {
      return terms.reduce(function (n, t) { return n + t.filter(function (c) { return CJK.test(c); }).length; }, 0);
    }

    /* Cut a term into dictionary words: the most probable cut, jieba-like. */
    function cut(chars) {
      var keys = [];
      for (var i = 0; i + 1 < chars.length; i++) keys.push(chars[i] + chars[i + 1]);
      return Promise.all(keys.map(wordsOf)).then(function (lists) {
        var n = chars.length, best = [0], back = [0];
        for (var k = 1; k <= n; k++) { best.push(-Infinity); back.push(k - 1); }
        for (var at = 0; at < n; at++) {
          if (best[at] === -Infinity) continue;
          if (best[at] + SINGLE_COST > best[at + 1]) { best[at + 1] = best[at] + SINGLE_COST; back[at + 1] = at; }
          (lists[at] || []).forEach(function (word) {
            var end = at + 2 + word.rest.length;
            if (end > n) return;
            for (var r = 0; r < word.rest.length; r++) if (chars[at + 2 + r] !== word.rest[r]) return;
            var score = best[at] + word.weight - WORD_BASE;
            if (score > best[end]) { best[end] = score; back[end] = at; }
          });
        }
        var words = [];
        for (var end = n; end > 0; end = back[end]) words.unshift(chars.slice(back[end], end));
        return words;
      });
    }

    function same(a, b) {
      return a.length === b.length && a.every(function (t, i) { return t.join("") === b[i].join(""); });
    }

    /* {groups, fallback, needles} for a query; `exactOnly`: no fallback.
       `partial` (the search box) gets the results of a one-term query's
       first chunk as soon as they are known. */
    function run(query, exactOnly, partial) {
      return ready.then(function () {
        var terms = termsOf(query);
        if (!terms.length) return { groups: [], fallback: false, needles: [], empty: true };
        var phrase = phraseOf(query, terms);
        var early = partial && terms.length === 1 ? function (hits) {
          return sections().then(function (table) {
            var groups = rank([hits], null, table);
            if (groups.length) return partial({ groups: groups, fallback: false, needles: terms, partial: true });
          });
        } : null;
        return Promise.all([sections(), Promise.all(terms.map(function (t) { return matchTerm(t, early); })),
          phrase ? matchTerm(phrase) : null]).then(function (got) {
          var table = got[0], groups = rank(got[1], got[2], table);
          var needles = (phrase ? [phrase] : []).concat(terms);
          if (groups.length || exactOnly || cjkCount(terms) < 3) {
            return { groups: groups, fallback: false, needles: needles };
          }
          return Promise.all(terms.map(function (t) { return t.length > 2 ? cut(t) : [t]; })).then(function (cuts) {
            var words = [], seen = new Set();
            cuts.forEach(function (list) {
              list.forEach(function (w) {
                var k = w.join("");
                if (k !== SEPARATOR && !seen.has(k)) { seen.add(k); words.push(w); }
              });
            });
            if (same(words, terms)) return { groups: [], fallback: false, needles: needles };
            return Promise.all(words.map(function (w) { return matchTerm(w); })).then(function (hits) {
              var groups = rank(hits, null, table);
              return { groups: groups, fallback: groups.length > 0, needles: groups.length ? words : needles };
            });
          });
        });
      });
    }

    // -- pages and snippets ------------------------------------------------------

    // extract.py's INLINE and SKIPPED: blocks as the index cut them.
    var INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "button", "cite", "code", "data", "del", "dfn", "em",
      "embed", "font", "i", "img", "input", "ins", "kbd", "label", "mark", "meter", "object", "output", "picture",
      "progress", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
      "wbr"]);
    var SKIPPED = new Set(["script", "style", "svg", "template", "noscript", "textarea", "math", "nav", "iframe",
      "video", "audio", "canvas"]);

    function skipped(el) {
      if (SKIPPED.has(el.localName) || el.hasAttribute("data-search-exclude") || el.hasAttribute("hidden")) return true;
      for (var c of el.classList) if (maps.exclude.has(c)) return true;
      return false;
    }

    /* A block of t/<n>.bin as the reader's page shows it: stored as the
       first variant shows it, or [text, Simplified changes]; as it is on
       a page shown in one variant only. */
    function shownBlock(block, page) {
      var text = typeof block === "string" ? block : block[0];
      if (!simplifiedReader() || maps.alone.has(page)) return text;
      if (typeof block !== "string" && typeof block[1] === "string") return block[1];
      var out = [];
      for (var c of text) { var v = maps.t2s.get(c); out.push(v === undefined ? c : v); }
      if (typeof block !== "string") {
        block[1].forEach(function (change) {
          Array.from(change[1]).forEach(function (c, k) { out[change[0] + k] = c; });
        });
      }
      return out.join("");
    }

    /* Page n's sections (anchor -> blocks), from the index's text of it:
       a fifth of the page's HTML, which is never fetched. */
    var pageCache = new Map();
    function pageText(page) {
      var cached = pageCache.get(page);
      if (cached) return cached;
      var promise = Promise.all([pageInfo(page), file("t/" + page + ".bin")]).then(function (got) {
        var info = got[0], stored = JSON.parse(text(got[1])), sections = new Map();
        stored.forEach(function (blocks, index) {
          sections.set(index ? (info[index + 1] || [""])[0] : "",
            { blocks: blocks.map(function (block) { return shownBlock(block, page); }) });
        });
        return { sections: sections };
      }).catch(function () { return { sections: new Map() }; });
      pageCache.set(page, promise);
      return promise;
    }

    function pageUrl(path) {
      var prefix = manifest.variants ? (config.variant || manifest.variants[0]) + "/" : "";
      return new URL(prefix + path, siteBase).href;
    }

    /* Spans [start, end) of every needle in a text, merged. */
    function marks(s, needles) {
      var n = normalize(s), spans = [], readings = [n.text];
      var folded = fold(n.text);  // the same length: the same offsets
      if (folded !== n.text) readings.push(folded);
      needles.forEach(function (needle) {
        var key = needle.join("");
        if (!key) return;
        readings.forEach(function (text) {
          for (var at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
            spans.push([n.starts[at], n.ends[at + key.length - 1]]);
          }
        });
      });
      spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
      var merged = [];
      spans.forEach(function (span) {
        var top = merged[merged.length - 1];
        if (top && span[0] <= top[1]) top[1] = Math.max(top[1], span[1]);
        else merged.push(span.slice());
      });
      return merged;
    }

    /* {text, spans} of a section: the block with most matches, cut around the first. */
    function snippet(blocks, needles) {
      var best = null;
      blocks.forEach(function (block) {
        var spans = marks(block, needles);
        if (!best || spans.length > best.spans.length) best = { text: block, spans: spans };
      });
      if (!best) return { text: "", spans: [] };
      var s = best.text, start = 0;
      if (best.spans.length) start = Math.max(0, best.spans[0][0] - 24);
      if (start > 0) {
        while (start > 0 && /\S/.test(s[start - 1]) && best.spans[0][0] - start < 40 && !/[。！？；，\s]/.test(s[start - 1])) start--;
      }
      var end = Math.min(s.length, start + SNIPPET);
      var text = (start > 0 ? "…" : "") + s.slice(start, end) + (end < s.length ? "…" : "");
      var shift = start > 0 ? 1 - start : 0;
      var spans = best.spans.filter(function (sp) { return sp[0] >= start && sp[1] <= end; })
        .map(function (sp) { return [sp[0] + shift, sp[1] + shift]; });
      return { text: text, spans: spans };
    }

    function simplifiedReader() {
      return !!manifest.variants && config.variant === manifest.variants[1];
    }

    /* A heading as the reader's page shows it: stored in Traditional, with
       its Simplified form where that is not a character-by-character one. */
    function shownHeading(item, page) {
      if (!simplifiedReader() || maps.alone.has(page)) return item[1];
      if (item[2]) return item[2];
      var out = "";
      for (var c of item[1]) { var v = maps.t2s.get(c); out += v === undefined ? c : v; }
      return out;
    }

    /* The results of one group (a page), in its order, from the index alone:
       where they are and what they are called. */
    function headline(group) {
      return Promise.all([pageInfo(group.page), sections()]).then(function (got) {
        var info = got[0], table = got[1], url = pageUrl(info[0]), title = shownHeading(info[1], group.page);
        return group.sections.map(function (row) {
          var index = row.sid - table.first[group.page], item = info[index + 1] || ["", ""];
          var anchor = index ? item[0] : "";
          return {
            url: anchor ? new URL("#" + anchor, url).href : url, anchor: anchor, page: url,
            title: index ? shownHeading(item, group.page) : title, pageTitle: title, top: index === 0, number: group.page,
            score: row.score, snippet: "", spans: [],
          };
        });
      });
    }

    /* The same results with their snippets, from the index's text of the page. */
    function withSnippets(results, needles) {
      return pageText(results[0].number).then(function (page) {
        results.forEach(function (r) {
          var section = page.sections.get(r.anchor);
          var snip = snippet(section ? section.blocks : [], needles);
          r.snippet = snip.text;
          r.spans = snip.spans;
        });
        return results;
      });
    }

    function limited(list, count, worker) {
      var out = new Array(list.length), next = 0;
      function one() {
        if (next >= list.length) return null;
        var i = next++;
        return worker(list[i]).then(function (v) { out[i] = v; return one(); });
      }
      var runners = [];
      for (var k = 0; k < Math.min(count, list.length); k++) runners.push(one());
      return Promise.all(runners).then(function () { return out; });
    }

    /* The public API: every matching section up to `limit`, ranked (as the
       box groups them: by page, best page first). Options: limit (20),
       fallback (true: with no exact match, pages holding all the words),
       text (true: fetch each result's page for its title and snippet). */
    function search(query, options) {
      options = options || {};
      var limit = options.limit || 20;
      return run(String(query || ""), options.fallback === false).then(function (result) {
        var groups = [], count = 0;
        for (var g of result.groups) {
          if (count >= limit) break;
          groups.push({ page: g.page, sections: g.sections.slice(0, limit - count) });
          count += groups[groups.length - 1].sections.length;
        }
        var detail = function (g) {
          var found = headline(g);
          return options.text === false ? found : found.then(function (r) { return withSnippets(r, result.needles); });
        };
        return limited(groups, 8, detail).then(function (described) {
          var out = [];
          described.forEach(function (list) {
            list.forEach(function (r) {
              out.push({ url: r.url, title: r.title, snippet: r.snippet, page: r.pageTitle, fallback: result.fallback });
            });
          });
          return out;
        });
      });
    }

    // -- highlight on arrival (Material's search.highlight) -----------------------

    function highlight(query) {
      return ready.then(function () {
        var needles = termsOf(query), phrase = phraseOf(query, needles);
        needles = (phrase ? [phrase] : []).concat(needles);
        var article = document.querySelector("article.md-content__inner");
        if (!article || !needles.length) return;
        var runs = [], nodes = [];
        function flush() {
          if (!nodes.length) return;
          runs.push(nodes);
          nodes = [];
        }
        (function walk(node) {
          for (var child of Array.from(node.childNodes)) {
            if (child.nodeType === 3) { nodes.push(child); continue; }
            if (child.nodeType !== 1 || skipped(child) || child.localName === "mark") continue;
            if (INLINE.has(child.localName)) { walk(child); continue; }
            flush(); walk(child); flush();
          }
        })(article);
        flush();
        runs.forEach(function (list) {
          var whole = list.map(function (n) { return n.data; }).join("");
          var spans = marks(whole, needles);
          if (!spans.length) return;
          var offset = 0;
          list.forEach(function (node) {
            var from = offset, to = offset + node.data.length;
            offset = to;
            var inside = spans.filter(function (sp) { return sp[0] < to && sp[1] > from; });
            if (!inside.length) return;
            var fragment = document.createDocumentFragment(), at = from;
            inside.forEach(function (sp) {
              var a = Math.max(sp[0], from), b = Math.min(sp[1], to);
              if (a > at) fragment.appendChild(document.createTextNode(node.data.slice(at - from, a - from)));
              var mark = document.createElement("mark");
              mark.setAttribute("data-md-highlight", "");
              mark.textContent = node.data.slice(a - from, b - from);
              fragment.appendChild(mark);
              at = b;
            });
            if (at < to) fragment.appendChild(document.createTextNode(node.data.slice(at - from)));
            node.parentNode.replaceChild(fragment, node);
          });
        });
      });
    }

    // -- the search box ---------------------------------------------------------

    var ui = root ? attach(root) : null;

    function attach(box) {
      var input = box.querySelector(".md-search__input");
      var form = input.form;
      var meta = box.querySelector(".md-search-result__meta");
      var list = box.querySelector(".md-search-result__list");
      var scroll = box.querySelector(".md-search__scrollwrap");
      var toggle = document.getElementById("__search");
      var t = config.strings;
      var notice = document.createElement("div");
      notice.className = "md-search-result__meta zhpress-search__fallback";
      notice.hidden = true;
      notice.textContent = t.fallback;
      list.parentNode.insertBefore(notice, list);
      var state = config.state, timer = 0, serial = 0, shown = null;

      function open(value) {
        if (toggle && toggle.checked !== value) {
          toggle.checked = value;
          toggle.dispatchEvent(new Event("change"));
        }
      }

      function element(tag, className, content) {
        var el = document.createElement(tag);
        if (className) el.className = className;
        if (content !== undefined) el.textContent = content;
        return el;
      }

      function marked(tag, s, spans) {
        var el = document.createElement(tag), at = 0;
        spans.forEach(function (sp) {
          if (sp[0] > at) el.appendChild(document.createTextNode(s.slice(at, sp[0])));
          el.appendChild(element("mark", null, s.slice(sp[0], sp[1])));
          at = sp[1];
        });
        if (at < s.length) el.appendChild(document.createTextNode(s.slice(at)));
        return el;
      }

      function link(href, query) {
        var url = new URL(href);
        if (config.highlight) url.searchParams.set("h", query);
        var a = element("a", "md-search-result__link");
        a.href = url.href;
        a.tabIndex = -1;
        return a;
      }

      function article(score) {
        var el = element("article", "md-search-result__article md-typeset");
        el.setAttribute("data-md-score", score.toFixed(2));
        return el;
      }

      /* One page: its title (and the top of the page when it matched), then
         its matching sections, best first, the rest under "more". Snippets
         come later: `fill` puts each in the article it belongs to. */
      function item(results, query) {
        var li = element("li", "md-search-result__item");
        li.zhpressSlots = [];
        var first = results[0], top = results.filter(function (r) { return r.top; })[0] || null;
        var a = link(first.page, query), head = article(first.score);
        if (top) a.setAttribute("data-section", "");
        head.appendChild(element("div", "md-search-result__icon md-icon"));
        head.appendChild(marked("h1", first.pageTitle, marks(first.pageTitle, shown.needles)));
        if (top) li.zhpressSlots.push([top, head]);
        a.appendChild(head);
        li.appendChild(a);
        var rest = results.filter(function (r) { return r !== top; });
        function section(r) {
          var link_ = link(r.url, query), body = article(r.score);
          link_.setAttribute("data-section", r.anchor);
          body.appendChild(marked("h2", r.title, marks(r.title, shown.needles)));
          li.zhpressSlots.push([r, body]);
          link_.appendChild(body);
          return link_;
        }
        rest.slice(0, SECTIONS_SHOWN).forEach(function (r) { li.appendChild(section(r)); });
        var more = rest.slice(SECTIONS_SHOWN);
        if (more.length) {
          var details = element("details", "md-search-result__more");
          var summary = element("summary");
          summary.tabIndex = -1;
          summary.appendChild(element("div", null, more.length === 1 ? t.moreOne : t.moreOther.replace("#", more.length)));
          details.appendChild(summary);
          more.forEach(function (r) { details.appendChild(section(r)); });
          li.appendChild(details);
        }
        return li;
      }

      function fill(li, needles) {
        var results = li.zhpressSlots.map(function (slot) { return slot[0]; });
        if (!results.length) return Promise.resolve();
        return withSnippets(results, needles).then(function () {
          li.zhpressSlots.forEach(function (slot) {
            if (slot[0].snippet) slot[1].appendChild(marked("p", slot[0].snippet, slot[0].spans));
          });
        });
      }

      function count(n) {
        if (!n) return t.none;
        return n === 1 ? t.one : t.other.replace("#", n.toLocaleString());
      }

      /* The next results: shown at once from the index, then filled with
         their snippets (t/ of each page); resolves once they are on screen. */
      function renderMore() {
        if (!shown || shown.rendering || shown.next >= shown.groups.length) return Promise.resolve();
        var mine = shown, batch = shown.groups.slice(shown.next, shown.next + FIRST_GROUPS);
        mine.next += batch.length;
        mine.rendering = true;
        var drawn = Promise.all(batch.map(headline)).then(function (groups) {
          if (shown !== mine) return [];
          var items = groups.map(function (results) { return list.appendChild(item(results, mine.query)); });
          root.dispatchEvent(new CustomEvent("zhpress:shown", { detail: { query: mine.query } }));
          return items;
        });
        drawn.then(function (items) {
          return Promise.all(items.map(function (li) { return fill(li, mine.needles); }));
        }).then(function () {
          mine.rendering = false;
          if (shown === mine && !mine.partial) {
            root.dispatchEvent(new CustomEvent("zhpress:results", { detail: { query: mine.query } }));
            maybeMore();
          }
        }).catch(function (error) {
          mine.rendering = false;
          console.warn(error);
        });
        return drawn.catch(function () { return null; });
      }

      function maybeMore() {
        if (scroll.scrollTop + scroll.clientHeight >= scroll.scrollHeight - 200) renderMore();
      }

      function execute() {
        timer = 0;
        var query = input.value;
        var mine = ++serial;
        document.dispatchEvent(new CustomEvent("zhpress:search", { detail: { query: query } }));
        var done = false;
        function show(result) {
          list.textContent = "";
          notice.hidden = !result.fallback;
          shown = { query: query, groups: result.groups, needles: result.needles, next: 0, partial: !!result.partial };
          // While the rest of the index loads, the count says "at least".
          meta.textContent = result.empty ? t.placeholder
            : result.partial ? t.other.replace("#", result.groups.length.toLocaleString() + "+")
            : count(result.groups.length);
          if (!result.groups.length) {
            root.dispatchEvent(new CustomEvent("zhpress:results", { detail: { query: query } }));
          }
          return renderMore();
        }
        run(query, false, function (first) {
          if (mine === serial && !done) return show(first);
        }).then(function (result) {
          done = true;
          if (mine !== serial) return;
          show(result);
        }).catch(function (error) {
          if (mine === serial) meta.textContent = t.none;
          console.warn(error);
        });
      }

      function schedule() {
        if (state.composing) return;
        clearTimeout(timer);
        timer = setTimeout(execute, DEBOUNCE);
      }

      input.addEventListener("input", function (event) {
        if (event.isComposing || state.composing) return;
        schedule();
      });
      input.addEventListener("compositionstart", function () { clearTimeout(timer); });
      input.addEventListener("compositionend", function () { state.composing = false; schedule(); });
      input.addEventListener("focus", function () { open(true); });
      form.addEventListener("submit", function (event) { event.preventDefault(); choose(); });
      form.addEventListener("reset", function () {
        setTimeout(function () {
          serial++;
          shown = null;
          list.textContent = "";
          notice.hidden = true;
          meta.textContent = t.placeholder;
          input.focus();
        });
      });
      scroll.addEventListener("scroll", maybeMore, { passive: true });
      box.addEventListener("click", function (event) {
        if (event.target instanceof Element && event.target.closest("a")) open(false);
      });

      function choose() {
        var first = list.querySelector(".md-search-result__link");
        if (first) first.click();
      }

      function links() {
        return [input].concat(Array.from(list.querySelectorAll(
          ":not(details) > .md-search-result__link, summary, details[open] .md-search-result__link")));
      }

      document.addEventListener("keydown", function (event) {
        if (!toggle || !toggle.checked || event.metaKey || event.ctrlKey || event.isComposing || state.composing) return;
        var active = document.activeElement;
        switch (event.key) {
          case "Enter":
            if (active === input) { event.preventDefault(); choose(); }
            break;
          case "Escape":
          case "Tab":
            open(false);
            input.blur();
            break;
          case "ArrowUp":
          case "ArrowDown":
            var all = links(), at = all.indexOf(active);
            var next = (Math.max(0, at) + all.length + (event.key === "ArrowUp" ? -1 : 1)) % all.length;
            all[at < 0 ? 0 : next].focus();
            event.preventDefault();
            break;
        }
      });

      meta.textContent = t.placeholder;
      if (input.value) schedule();
      return { execute: execute };
    }

    return { search: search, highlight: highlight, run: run, normalize: normalize, ready: ready };
  };
})();
