// The latte search page: POST /v1/search with explain, then show each hit's text with the document
// tokens that query tokens matched highlighted, one colour per query token. Text is inserted as text
// nodes only (never as HTML), so documents cannot inject markup. The query, mode, k and filter live in
// the URL (/?q=&mode=&k=&filter=): a search can be shared and bookmarked, a URL that carries one runs it
// on load, and back/forward return to earlier searches (history.pushState + popstate).
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const SPECIAL = /^\[[A-Za-z_0-9]+\]$/; // [CLS], [SEP], [MASK], [Q], ... carry no surface word

  function colour(i) {
    return "hsl(" + Math.round((i * 137.508) % 360) + ", 85%, 80%)";
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Query tokens that take part in highlighting: index -> text (specials excluded).
  function queryTokens(hits) {
    const tokens = new Map();
    for (const h of hits) {
      for (const m of h.explanation || []) tokens.set(m.query_token, m.query_text);
    }
    return new Map([...tokens.entries()].sort((a, b) => a[0] - b[0]));
  }

  function renderLegend(tokens) {
    const legend = $("legend");
    legend.replaceChildren();
    if (tokens.size === 0) { legend.hidden = true; return; }
    legend.appendChild(el("span", "muted", "query tokens:"));
    for (const [i, t] of tokens) {
      const chip = el("span", "qtok", t);
      chip.dataset.queryToken = i;
      if (SPECIAL.test(t)) chip.classList.add("special"); else chip.style.background = colour(i);
      chip.addEventListener("mouseenter", () => focusToken(i, true));
      chip.addEventListener("mouseleave", () => focusToken(i, false));
      legend.appendChild(chip);
    }
    legend.hidden = false;
  }

  function focusToken(i, on) {
    document.body.classList.toggle("focus", on);
    for (const m of document.querySelectorAll("mark.match")) {
      const mine = on && m.dataset.queryTokens.split(" ").includes(String(i));
      m.classList.toggle("on", mine);
      m.style.background = colour(mine ? i : Number(m.dataset.best));
    }
  }

  // Non-overlapping highlight spans of a hit: one per matched document token, with every query token
  // that matched it.
  function spans(hit) {
    const byRange = new Map();
    for (const m of hit.explanation || []) {
      if (m.imputed || m.start < 0 || m.end <= m.start || SPECIAL.test(m.query_text)) continue;
      const key = m.start + ":" + m.end;
      let s = byRange.get(key);
      if (!s) { s = { start: m.start, end: m.end, matches: [] }; byRange.set(key, s); }
      s.matches.push(m);
    }
    const sorted = [...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end);
    const out = [];
    let pos = 0;
    for (const s of sorted) {
      if (s.start >= pos) { out.push(s); pos = s.end; }
    }
    return out;
  }

  // Where the title ends in full_text, which is (title + " " + text).strip().
  function titleEnd(hit) {
    const t = (hit.title || "").trim();
    return t && hit.full_text.startsWith(t) ? t.length : 0;
  }

  // full_text[from, to) as text nodes and <mark>s into `into`; spans outside the range are skipped.
  function highlight(into, hit, from, to) {
    const text = hit.full_text;
    let pos = from;
    for (const s of spans(hit)) {
      if (s.start < from || s.end > to) continue;
      if (s.start > pos) into.appendChild(document.createTextNode(text.slice(pos, s.start)));
      const mark = el("mark", "match", text.slice(s.start, s.end));
      const best = s.matches.reduce((a, b) => (b.similarity > a.similarity ? b : a));
      mark.dataset.best = best.query_token;
      mark.style.background = colour(best.query_token);
      mark.dataset.queryTokens = s.matches.map((m) => m.query_token).join(" ");
      mark.dataset.queryText = s.matches.map((m) => m.query_text).join(" ");
      mark.title = s.matches.map((m) => "'" + m.query_text + "' → '" + (m.doc_text || "") + "' " + m.similarity.toFixed(3)).join("\n");
      into.appendChild(mark);
      pos = s.end;
    }
    if (pos < to) into.appendChild(document.createTextNode(text.slice(pos, to)));
    return into;
  }

  function titleOf(hit) {
    const h = el("h2", "title");
    const end = hit.full_text ? titleEnd(hit) : 0;
    if (end > 0) return highlight(h, hit, 0, end);
    h.textContent = hit.title || hit.id;
    return h;
  }

  function textOf(hit) {
    const p = el("p", "text");
    if (!hit.full_text) { p.textContent = hit.snippet; return p; }
    const end = titleEnd(hit);
    return highlight(p, hit, end > 0 ? end + 1 : 0, hit.full_text.length);
  }

  function renderHits(hits) {
    const list = $("results");
    list.replaceChildren();
    for (const h of hits) {
      const li = el("li", "hit");
      li.dataset.id = h.id;
      li.appendChild(titleOf(h));
      li.appendChild(el("div", "meta", h.id + " · score " + h.score.toFixed(4)));
      li.appendChild(textOf(h));
      list.appendChild(li);
    }
  }

  // The form's state as URL parameters (defaults left out, so URLs stay short).
  function stateUrl() {
    const p = new URLSearchParams();
    p.set("q", $("query").value);
    if ($("mode").value !== $("mode").options[0].value) p.set("mode", $("mode").value);
    if ($("k").value && $("k").value !== "10") p.set("k", $("k").value);
    if ($("filter").value.trim()) p.set("filter", $("filter").value.trim());
    return "/?" + p.toString();
  }

  // The URL's search into the form; true when it carries a query to run.
  function fromUrl() {
    const p = new URLSearchParams(window.location.search);
    $("query").value = p.get("q") || "";
    const mode = p.get("mode");
    $("mode").value = mode && [...$("mode").options].some((o) => o.value === mode) ? mode : $("mode").options[0].value;
    $("k").value = p.get("k") || "10";
    $("filter").value = p.get("filter") || "";
    return $("query").value.trim() !== "";
  }

  function clear() {
    $("results").replaceChildren();
    $("legend").hidden = true;
    $("error").hidden = true;
    $("status").textContent = "";
    document.body.dataset.state = "";
  }

  // A submitted search becomes a history entry (unless it is the one already shown).
  function submit(event) {
    event.preventDefault();
    const url = stateUrl();
    if (url !== window.location.pathname + window.location.search) history.pushState(null, "", url);
    search();
  }

  async function search() {
    const query = $("query").value;
    const body = { query: query, mode: $("mode").value, k: Number($("k").value || 10), explain: true };
    const filter = $("filter").value.trim();
    if (filter) body.filter = filter;
    $("error").hidden = true;
    $("status").textContent = "searching…";
    document.body.dataset.state = "searching";
    try {
      const res = await fetch("/v1/search", {
        method: "POST", headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(body)
      });
      const data = await res.json();
      if (!res.ok) throw new Error(data.code + ": " + data.message);
      renderLegend(queryTokens(data.hits));
      renderHits(data.hits);
      const t = data.timings;
      $("status").textContent = data.hits.length + " hits · " + data.mode + " · " + t.total_ms.toFixed(1) + " ms (encode "
        + t.encode_ms.toFixed(1) + ", retrieve " + t.retrieve_ms.toFixed(1) + ", score " + t.score_ms.toFixed(1) + ")";
      document.body.dataset.state = "done";
    } catch (e) {
      $("results").replaceChildren();
      $("legend").hidden = true;
      $("error").textContent = e.message;
      $("error").hidden = false;
      $("status").textContent = "";
      document.body.dataset.state = "error";
    }
  }

  async function info() {
    try {
      const res = await fetch("/health");
      const h = await res.json();
      $("index-info").textContent = h.documents + " documents";
    } catch (e) { /* the page still works without it */ }
  }

  $("search-form").addEventListener("submit", submit);
  window.addEventListener("popstate", () => { if (fromUrl()) search(); else clear(); });
  info();
  if (fromUrl()) search();
})();
