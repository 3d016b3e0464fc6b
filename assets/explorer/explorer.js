// guanxi explorer: search by any name, an entity's page, its neighbourhood as a graph, SPARQL.
// Plain DOM and cytoscape.js; the data comes from the JSON API of `guanxi serve` (/api/…).
"use strict";

const $ = (id) => document.getElementById(id);
const COLOURS = { PER: "#c0392b", ORG: "#2471a3", LOC: "#229954", CHK: "#b9770e" };
const PAGE = 20;
let current = null; // { iri, offset }
let cy = null;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return e;
}

async function api(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

function typeBadge(t) {
  return el("span", { class: `type ${t}` }, t);
}

function entityLink(iri, label, cls) {
  const a = el("a", { href: `?iri=${encodeURIComponent(iri)}` }, label);
  if (cls) a.className = cls;
  return a;
}

// ---- search ----
async function search(q, type, openSingle) {
  const hits = await api(`/api/search?q=${encodeURIComponent(q)}&type=${encodeURIComponent(type || "")}`);
  const box = $("hits");
  box.replaceChildren();
  box.hidden = false;
  if (hits.length === 0) {
    box.append(el("p", { class: "muted" }, `No entity is named ${q}.`));
    return;
  }
  // an exact name opens its entity at once when it is the only one of that name
  const exact = hits.filter((h) => h.label === q);
  if (openSingle && (hits.length === 1 || exact.length === 1)) {
    box.hidden = true;
    return openEntity((exact[0] || hits[0]).iri, 0);
  }
  const ul = el("ul");
  for (const h of hits) {
    ul.append(el("li", {}, typeBadge(h.kind), " ", entityLink(h.iri, h.label, "hit"), el("span", { class: "muted" }, `  ${h.mentions} mentions`)));
  }
  box.append(el("p", {}, `${hits.length} entities`), ul);
}

// ---- entity page ----
function marked(sentence, at, len) {
  const chars = Array.from(sentence);
  return [chars.slice(0, at).join(""), el("mark", {}, chars.slice(at, at + len).join("")), chars.slice(at + len).join("")];
}

async function openEntity(iri, offset) {
  const p = await api(`/api/entity?iri=${encodeURIComponent(iri)}&offset=${offset}&limit=${PAGE}`);
  current = { iri, offset };
  $("hits").hidden = true;
  $("entity").hidden = false;
  $("name").replaceChildren(p.entity.label, " ", typeBadge(p.entity.kind));
  const facts = [];
  if (p.aliases.length) facts.push(`also: ${p.aliases.join(", ")}`);
  if (p.division_code) facts.push(`division code ${p.division_code}`);
  if (p.within.length) facts.push(`in ${p.within.join(" ‹ ")}`);
  facts.push(p.entity.iri);
  $("facts").textContent = facts.join(" · ");
  $("posts").replaceChildren(...(p.posts.length ? p.posts.map((x) => el("li", { class: "post" }, `${x.title} — ${x.organisation}`)) : [el("li", { class: "muted" }, "none")]));
  const rows = p.relations.map((r) =>
    el("tr", {},
      el("td", {}, r.direction === "out" ? "→" : "←"),
      el("td", {}, r.relation + (r.title ? ` (${r.title})` : "")),
      el("td", {}, entityLink(r.other, r.other_label || r.other)),
      el("td", {}, r.day || r.written || ""),
      el("td", {}, r.evidence),
      el("td", { class: "muted" }, r.file)));
  $("relations").tBodies[0].replaceChildren(...rows);
  const shown = p.mentions.length ? `${p.offset + 1}–${p.offset + p.mentions.length} of ${p.total_mentions}` : `${p.total_mentions}`;
  $("mention-count").textContent = `(${shown}, in ${p.total_articles} articles)`;
  $("mentions").replaceChildren(...p.mentions.map((m) => {
    const where = m.url ? el("a", { href: m.url }, m.file) : el("span", { class: "muted" }, m.file);
    return el("li", {}, where, el("span", { class: "muted" }, ` ${m.published || ""} ${m.source || ""} `), ...marked(m.sentence, m.sentence_offset, m.end - m.begin));
  }));
  $("mentions").start = p.offset + 1;
  $("prev").disabled = p.offset === 0;
  $("next").disabled = p.offset + p.mentions.length >= p.total_mentions;
  document.title = `${p.entity.label} — guanxi`;
  await drawGraph(iri);
}

// ---- neighbourhood graph ----
function elements(g) {
  const nodes = g.nodes.map((n) => ({ data: { id: n.id, label: n.label, type: n.type } }));
  const edges = g.edges.map((e, i) => ({ data: { id: `${e.source}|${e.target}|${e.kind}`, source: e.source, target: e.target, kind: e.kind, weight: e.weight } }));
  return [...nodes, ...edges];
}

async function drawGraph(iri) {
  const g = await api(`/api/graph?iri=${encodeURIComponent(iri)}`);
  const box = $("graph");
  if (cy) cy.destroy();
  cy = cytoscape({
    container: box,
    elements: elements(g),
    style: [
      { selector: "node", style: { label: "data(label)", "background-color": (n) => COLOURS[n.data("type")] || "#888", "font-size": 11, width: 18, height: 18 } },
      { selector: `node[id = "${iri.replace(/"/g, '\\"')}"]`, style: { width: 30, height: 30, "font-weight": "bold" } },
      { selector: "edge", style: { width: (e) => Math.min(1 + Math.log2(1 + e.data("weight")), 8), "line-color": "#bbb", "curve-style": "bezier" } },
      { selector: "edge[kind != 'comention']", style: { "line-color": "#555", "target-arrow-shape": "triangle", "target-arrow-color": "#555", label: "data(kind)", "font-size": 9 } },
    ],
    layout: { name: "cose", animate: false, randomize: false },
  });
  cy.on("tap", "node", (ev) => {
    const id = ev.target.id();
    if (id !== current.iri) go(`?iri=${encodeURIComponent(id)}`);
  });
  cy.on("dbltap", "node", async (ev) => {
    const more = await api(`/api/graph?iri=${encodeURIComponent(ev.target.id())}`);
    cy.add(elements(more).filter((x) => cy.getElementById(x.data.id).empty()));
    cy.layout({ name: "cose", animate: false }).run();
    box.dataset.drawn = cy.nodes().length;
  });
  box.dataset.drawn = cy.nodes().length;
  $("neighbours").replaceChildren(...g.nodes.filter((n) => n.id !== iri).map((n) => el("li", {}, typeBadge(n.type), " ", entityLink(n.id, n.label, "neighbour"))));
}

// ---- SPARQL ----
async function runSparql() {
  const q = $("query").value;
  $("status").textContent = "running…";
  const r = await fetch("/query", { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" }, body: q });
  if (!r.ok) {
    $("status").textContent = `${r.status}: ${await r.text()}`;
    return;
  }
  const res = await r.json();
  const vars = res.head.vars || [];
  const table = el("table", {}, el("thead", {}, el("tr", {}, ...vars.map((v) => el("th", {}, v)))));
  const body = el("tbody");
  const csv = [vars.join(",")];
  for (const b of res.results ? res.results.bindings : []) {
    body.append(el("tr", {}, ...vars.map((v) => el("td", {}, b[v] ? b[v].value : ""))));
    csv.push(vars.map((v) => `"${(b[v] ? b[v].value : "").replace(/"/g, '""')}"`).join(","));
  }
  if (res.boolean !== undefined) body.append(el("tr", {}, el("td", {}, String(res.boolean))));
  table.append(body);
  $("results").replaceChildren(table);
  $("status").textContent = `${body.rows.length} rows`;
  const link = $("download");
  link.href = URL.createObjectURL(new Blob([csv.join("\n")], { type: "text/csv" }));
  link.hidden = false;
}

async function loadExamples() {
  const ex = await api("/api/examples");
  for (const e of ex) $("examples").append(el("option", { value: e.query }, e.name));
  $("examples").addEventListener("change", (ev) => {
    if (ev.target.value) $("query").value = ev.target.value;
  });
}

// ---- navigation ----
function go(search) {
  history.pushState(null, "", search);
  route();
}

async function route() {
  const params = new URLSearchParams(location.search);
  try {
    if (params.get("iri")) await openEntity(params.get("iri"), Number(params.get("offset") || 0));
    else if (params.get("q")) {
      $("q").value = params.get("q");
      await search(params.get("q"), params.get("type"), true);
    }
  } catch (e) {
    $("hits").hidden = false;
    $("hits").replaceChildren(el("p", { class: "muted" }, String(e)));
  }
}

document.addEventListener("click", (ev) => {
  const a = ev.target.closest("a");
  if (a && a.getAttribute("href") && a.getAttribute("href").startsWith("?")) {
    ev.preventDefault();
    go(a.getAttribute("href"));
  }
});
$("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go(`?q=${encodeURIComponent($("q").value)}&type=${encodeURIComponent($("type").value)}`);
});
$("prev").addEventListener("click", () => go(`?iri=${encodeURIComponent(current.iri)}&offset=${Math.max(0, current.offset - PAGE)}`));
$("next").addEventListener("click", () => go(`?iri=${encodeURIComponent(current.iri)}&offset=${current.offset + PAGE}`));
$("run").addEventListener("click", runSparql);
window.addEventListener("popstate", route);
loadExamples();
route();
