/*
 * zhiku: query fixes for Material for MkDocs' built-in search (hand-written, committed).
 *
 * Material sends the search index to its worker as {type: 0, data: {config, docs}} and every
 * query as {type: 2, data: "<query>"}. This script wraps Worker.prototype.postMessage, reads
 * the first and rewrites the second; the index, the worker and Material's own JavaScript are
 * untouched. Measured with `zhiku search-eval` (tools/zhiku/searcheval.py).
 *
 * 1. Simplified queries find Traditional text. A run of Han characters holding a character
 *    that only Simplified Chinese uses (关, 国, 无 …) is converted with OpenCC's Simplified
 *    → Traditional (Taiwan) converter (opencc-js, vendored in vendor/opencc-js/, loaded the
 *    first time the search box is used). Runs written in Traditional characters are left
 *    alone: 台灣, 干擾 and 公布 stay as typed.
 *
 * 2. A word typed as one run of Han characters means that word. When it is one indexed word
 *    or none, it is also looked for inside longer words (`*同盟*` finds 軍事同盟: Chinese has
 *    no spaces, so a reader expects what Ctrl+F finds). When the worker would split it into
 *    several indexed words (海上意外 → 海上 意外), all of them are required (`+海上* +意外*`)
 *    instead of any one of them, which matched nearly every article. Words separated by
 *    spaces keep Material's behaviour (any word, best matches first).
 *
 * 3. Known upstream workaround (README, "Known upstream workarounds"): Material's worker
 *    splits a run of Han characters into words it knows from the index, but never looks at
 *    the run's last character, so 關稅 becomes the query `關*` whenever 關 alone is indexed.
 *    Appending U+303B 〻 (a Han-script mark that is not used in Chinese text) to each run makes
 *    the real last character visible to the splitter; mkdocs.yml adds 〻 to
 *    `plugins.search.separator`, so it never reaches a query term. Remove this part (and 〻
 *    from the separator) when upstream fixes `segment()`.
 */
(function () {
  "use strict";
  if (typeof Worker === "undefined" || !document.querySelector("[data-md-component=search]"))
    return;

  var SETUP = 0, QUERY = 2;       /* Material's SearchMessageType */
  var END = "\u303B";             /* 〻: also in search.separator (mkdocs.yml) */
  var HAN = /\p{Script=Han}+/gu;
  var HAS_HAN = /\p{Script=Han}/u;
  var ONLY_HAN = /^\p{Script=Han}+$/u;
  /* Characters OpenCC's STCharacters maps to Traditional but that are ordinary Traditional
     characters too (the character is among its own candidates, e.g. 台 → 臺 檯 颱 台).
     tests/test_search_assets.py keeps this list equal to OpenCC's. */
  var SHARED =
    "㐹万丑丰了于云亘仆仇价仿伙余佛佣俊修借僵克党冬准凌几凶出划刮制千升卜占卷厂厘只台" +
    "叶吁吃合吊同后向周咨咸咽哄唇喂噪回困夫夸奸姜娘它家尸局岩岳巨布帘席干幸广庵弦彩征" +
    "御志念恤愈愿戚才扎托扣折抵拐挂挨挽据搜斗旋昆暗曲朱朴杆杠杯杰松板极柜栗核梁欲沈沾" +
    "泛注涂涌淀游漓熏玩璇症皂矩确私秋种筑系胄背胜胡腊腌膻致舍芸苔苹范荐蒙蔑虫蚝蜡蝎表" +
    "谷跖辟适郁酸采里雕面";

  var here = document.currentScript && document.currentScript.src;
  var converterUrl = new URL("vendor/opencc-js/cn2t.js", here || location.href).href;
  var convert = null;             /* Simplified → Traditional (Taiwan), once loaded */
  var state = "idle";             /* idle → loading → done (loaded or failed) */
  var queue = [];                 /* queries held until the converter is there, in order */
  var post = Worker.prototype.postMessage;
  var index = null;               /* the search index Material sent to its worker */
  var words = null;               /* the index's words written in Han characters */

  function load() {
    if (state !== "idle")
      return;
    state = "loading";
    var script = document.createElement("script");
    script.src = converterUrl;
    script.onload = function () {
      try {
        convert = window.OpenCC.Converter({ from: "cn", to: "tw" });
      } catch (err) {
        console.warn("zhiku search: OpenCC not usable", err);
      }
      done();
    };
    script.onerror = function () {
      console.warn("zhiku search: could not load " + converterUrl);
      done();
    };
    document.head.appendChild(script);
  }

  function done() {
    state = "done";
    var held = queue;
    queue = [];
    for (var i = 0; i < held.length; i++)
      Worker.prototype.postMessage.apply(held[i][0], held[i][1]);
  }

  function simplifiedOnly(run) {
    for (var ch of run)
      if (SHARED.indexOf(ch) < 0 && convert(ch) !== ch)
        return true;
    return false;
  }

  /* The index's words, as the worker's tokenizer sees them (markup removed, split at the
     configured separator, lower case); only words with Han characters are kept. */
  function indexWords() {
    if (words || !index)
      return words;
    var separator = new RegExp(index.config.separator, "g");
    words = new Set();
    for (var i = 0; i < index.docs.length; i++) {
      var doc = index.docs[i];
      var text = [doc.title, doc.text].concat(doc.tags || []).join(" ");
      var tokens = text.replace(/<[^>]*>/g, " ").toLowerCase().split(separator);
      for (var j = 0; j < tokens.length; j++)
        if (HAS_HAN.test(tokens[j]))
          words.add(tokens[j]);
    }
    return words;
  }

  /* Material's query splitter (src/.../search/query/segment, MIT), unchanged, so that this
     script knows what the worker will make of a run of Han characters. */
  function segment(query, known) {
    var segments = new Set();
    var wordcuts = new Uint16Array(query.length);
    for (var i = 0; i < query.length; i++)
      for (var j = i + 1; j < query.length; j++)
        if (known.has(query.slice(i, j)))
          wordcuts[i] = j - i;
    var stack = [0];
    for (var s = stack.length; s > 0;) {
      var p = stack[--s];
      for (var q = 1; q < wordcuts[p]; q++)
        if (wordcuts[p + q] > wordcuts[p] - q) {
          segments.add(query.slice(p, p + q));
          stack[s++] = p + q;
        }
      var end = p + wordcuts[p];
      if (wordcuts[end] && end < query.length - 1)
        stack[s++] = end;
      segments.add(query.slice(p, end));
    }
    return segments.has("") ? [query] : Array.from(segments);
  }

  function rewrite(query) {
    return query.split(/(\s+)/).map(function (part) {
      part = part.replace(HAN, function (run) {
        return convert && simplifiedOnly(run) ? convert(run) : run;
      });
      var known = ONLY_HAN.test(part) && indexWords();
      if (known) {
        var segments = segment(part + END, known);
        if (segments.length > 1)
          return segments.map(function (word) { return "+" + word + END + "*"; }).join(" ");
        return "*" + part + END;
      }
      return part.replace(HAN, function (run) { return run + END; });
    }).join("");
  }

  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && message.data.docs) {
      index = message.data;
      words = null;
    }
    if (message && message.type === QUERY && typeof message.data === "string") {
      if (state !== "done" && (queue.length || HAS_HAN.test(message.data))) {
        queue.push([this, arguments]);
        load();
        return;
      }
      var args = Array.prototype.slice.call(arguments);
      args[0] = { type: QUERY, data: rewrite(message.data) };
      return post.apply(this, args);
    }
    return post.apply(this, arguments);
  };

  /* Material lists a query word as missing (缺少字詞) under a result in which it found the
     word only inside a longer indexed word (同盟 in 軍事同盟: Material compares word starts).
     Drop the note for words the result highlights. */
  function pruneMissing(item) {
    var notes = item.querySelectorAll(".md-search-result__terms");
    for (var i = 0; i < notes.length; i++) {
      var article = notes[i].closest("article") || item;
      var marked = Array.prototype.map.call(article.querySelectorAll("mark"), function (mark) {
        return mark.textContent.toLowerCase();
      }).join("\n");
      var missing = notes[i].querySelectorAll("del");
      var left = missing.length;
      for (var j = 0; j < missing.length; j++)
        if (marked.indexOf(missing[j].textContent.toLowerCase()) >= 0) {
          missing[j].remove();
          left--;
        }
      if (!left)
        notes[i].remove();
    }
  }

  var list = document.querySelector(".md-search-result__list");
  if (list && typeof MutationObserver !== "undefined")
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++)
        for (var j = 0; j < records[i].addedNodes.length; j++)
          if (records[i].addedNodes[j].nodeType === 1)
            pruneMissing(records[i].addedNodes[j]);
    }).observe(list, { childList: true });

  /* Material's search dialog has no accessible name (axe-core: aria-dialog-name). */
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector("input.md-search__input");
  if (dialog && !dialog.hasAttribute("aria-label") && input)
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "Search");

  /* Fetch the converter as soon as the search box is used, before the first query. */
  document.addEventListener("focusin", function (ev) {
    if (ev.target && ev.target.matches && ev.target.matches("input.md-search__input"))
      load();
  });
})();
