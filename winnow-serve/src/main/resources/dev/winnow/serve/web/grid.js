// The grid: filters and sort live in the page's URL; each change asks /api/samples for page 1 again.
"use strict";
const PAGE_SIZE = 100;
let tasks = [];
const $ = id => document.getElementById(id);

function state() {
  return new URLSearchParams(location.search);
}

function setOptions(select, values, keep) {
  for (const v of values) {
    const o = document.createElement("option");
    o.value = v; o.textContent = v;
    select.appendChild(o);
  }
  if (keep !== null && keep !== undefined) select.value = keep;
}

// The URL's parameters from the controls (lasso and page kept as they are unless reset).
function paramsFromControls(resetPage) {
  const old = state();
  const p = new URLSearchParams();
  const task = $("task").value;
  if (task) p.set("task", task);
  if ($("class").value) p.set("class", $("class").value);
  const min = Number($("scoreMin").value), max = Number($("scoreMax").value);
  if (task && (min > 0 || max < 1)) p.set("score", task + ":" + min + ":" + max);
  const al = $("al").value;
  const alMin = Number($("alMin").value), alMax = Number($("alMax").value);
  if (al && (alMin > 0 || alMax < 1)) p.set("al", al + ":" + alMin + ":" + alMax);
  if ($("metaField").value && $("metaValue").value) p.set("meta", $("metaField").value + ":" + $("metaValue").value);
  if ($("run").value) p.set("run", $("run").value);
  if ($("tag").value) p.set("tag", $("tag").value);
  const sort = $("sort").value;
  if (sort !== "name" || $("desc").checked) p.set("sort", sort + ($("desc").checked ? ":desc" : ""));
  if (old.get("lasso")) p.set("lasso", old.get("lasso"));
  if (!resetPage && old.get("page")) p.set("page", old.get("page"));
  return p;
}

function controlsFromParams(p) {
  $("task").value = p.get("task") || "";
  fillClasses();
  $("class").value = p.get("class") || "";
  const score = p.get("score");
  if (score) {
    const parts = score.split(":");
    $("scoreMin").value = parts[parts.length - 2];
    $("scoreMax").value = parts[parts.length - 1];
  }
  const al = p.get("al");
  if (al) {
    const parts = al.split(":");
    $("alMax").value = parts.pop();
    $("alMin").value = parts.pop();
    $("al").value = parts.join(":");
  }
  const meta = p.get("meta");
  if (meta) {
    $("metaField").value = meta.slice(0, meta.indexOf(":"));
    $("metaValue").value = meta.slice(meta.indexOf(":") + 1);
  }
  $("run").value = p.get("run") || "";
  $("tag").value = p.get("tag") || "";
  const sort = p.get("sort") || "name";
  $("desc").checked = sort.endsWith(":desc");
  $("sort").value = sort.replace(/:desc$/, "");
  for (const id of ["scoreMin", "scoreMax", "alMin", "alMax"]) $(id + "Text").textContent = $(id).value;
  $("lasso").textContent = p.get("lasso") ? "Lasso on the map of run " + p.get("lasso").slice(0, p.get("lasso").lastIndexOf(":")) : "";
}

function fillClasses() {
  const select = $("class");
  const keep = select.value;
  select.length = 1;
  const task = tasks.find(t => t.name === $("task").value);
  const names = task ? task.classes.map(c => c.name) : [...new Set(tasks.flatMap(t => t.classes.map(c => c.name)))];
  setOptions(select, names, names.includes(keep) ? keep : "");
}

async function load() {
  const p = state();
  const query = new URLSearchParams(p);
  query.set("size", String(PAGE_SIZE));
  $("error").textContent = "";
  let answer;
  try {
    answer = await api("/api/samples?" + query.toString());
  } catch (e) {
    $("error").textContent = e.message;
    $("grid").innerHTML = "";
    $("count").textContent = "";
    return;
  }
  $("count").textContent = answer.total + (answer.total === 1 ? " sample" : " samples");
  $("count").dataset.total = answer.total;
  const legend = $("legend");
  legend.innerHTML = "";
  for (const t of tasks) {
    const counts = answer.classes[t.name] || {};
    const part = document.createElement("span");
    part.textContent = t.name + ":";
    legend.appendChild(part);
    for (const c of t.classes) {
      const item = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = classColour(t, c.id);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(c.name + " " + (counts[c.name] || 0)));
      legend.appendChild(item);
    }
  }
  const grid = $("grid");
  grid.innerHTML = "";
  for (const s of answer.samples) {
    const card = document.createElement("a");
    card.className = "card";
    card.href = "/sample?name=" + encodeURIComponent(s.name);
    card.dataset.name = s.name;
    const picture = document.createElement("div");
    picture.className = "picture";
    const img = document.createElement("img");
    img.loading = "lazy";
    img.alt = s.name;
    img.src = "/api/thumb/" + encodeName(s.name);
    if (s.width && s.height) img.style.aspectRatio = s.width + " / " + s.height;
    picture.appendChild(img);
    const svg = el("svg", {}, picture);
    drawPredictions(svg, s.predictions, tasks, s.width, s.height, null);
    card.appendChild(picture);
    const name = document.createElement("div");
    name.className = "name";
    name.textContent = s.name;
    card.appendChild(name);
    grid.appendChild(card);
  }
  const pages = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
  $("pageText").textContent = "page " + answer.page + " of " + pages;
  $("prev").disabled = answer.page <= 1;
  $("next").disabled = answer.page >= pages;
}

function apply(resetPage) {
  const p = paramsFromControls(resetPage);
  history.replaceState(null, "", p.toString() ? "?" + p.toString() : location.pathname);
  load();
}

function turn(by) {
  const p = state();
  p.set("page", String(Math.max(1, Number(p.get("page") || 1) + by)));
  history.replaceState(null, "", "?" + p.toString());
  load();
}

async function tagFilter() {
  const p = state();
  p.delete("page");
  try {
    const answer = await api("/api/tags/" + encodeURIComponent($("tagName").value), {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({filter: p.toString()})});
    $("tagResult").innerHTML = "";
    const text = document.createTextNode("Tag " + answer.tag + " holds " + answer.count + " samples. Export: ");
    $("tagResult").appendChild(text);
    for (const format of ["relevant_filenames", "names", "coco"]) {
      const a = document.createElement("a");
      a.href = "/api/tags/" + encodeURIComponent(answer.tag) + "/export?format=" + format;
      a.textContent = format;
      a.className = "export";
      $("tagResult").appendChild(a);
      $("tagResult").appendChild(document.createTextNode(" "));
    }
  } catch (e) {
    $("tagResult").textContent = e.message;
  }
}

async function start() {
  header("/");
  const info = await api("/api/tasks");
  tasks = info.tasks;
  setOptions($("task"), tasks.map(t => t.name));
  const scores = tasks.flatMap(t => t.scores.map(s => t.name + "." + s));
  setOptions($("al"), scores);
  setOptions($("sort"), scores);
  setOptions($("sort"), info.metadata.map(f => "meta:" + f));
  setOptions($("metaField"), info.metadata);
  const runs = await api("/api/runs");
  setOptions($("run"), runs.runs.map(r => r.id));
  const tags = await api("/api/tags");
  setOptions($("tag"), Object.keys(tags.tags));
  controlsFromParams(state());
  $("task").addEventListener("change", () => { fillClasses(); apply(true); });
  for (const id of ["class", "al", "metaField", "run", "tag", "sort", "desc"]) $(id).addEventListener("change", () => apply(true));
  $("metaValue").addEventListener("change", () => apply(true));
  for (const id of ["scoreMin", "scoreMax", "alMin", "alMax"]) {
    $(id).addEventListener("input", () => { $(id + "Text").textContent = $(id).value; });
    $(id).addEventListener("change", () => apply(true));
  }
  $("prev").addEventListener("click", () => turn(-1));
  $("next").addEventListener("click", () => turn(1));
  $("tagButton").addEventListener("click", tagFilter);
  load();
}

start();
