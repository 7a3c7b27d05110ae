// The 2-D map of a run's embeddings on a canvas; a lasso drawn on it becomes the grid's lasso filter.
"use strict";
const $ = id => document.getElementById(id);
const MARGIN = 20;
let data = null;
let lasso = [];
let bounds = null;

function toScreen(x, y, canvas) {
  const sx = (canvas.width - 2 * MARGIN) / (bounds.maxX - bounds.minX || 1);
  const sy = (canvas.height - 2 * MARGIN) / (bounds.maxY - bounds.minY || 1);
  return [MARGIN + (x - bounds.minX) * sx, canvas.height - MARGIN - (y - bounds.minY) * sy];
}

function toData(px, py, canvas) {
  const sx = (canvas.width - 2 * MARGIN) / (bounds.maxX - bounds.minX || 1);
  const sy = (canvas.height - 2 * MARGIN) / (bounds.maxY - bounds.minY || 1);
  return [bounds.minX + (px - MARGIN) / sx, bounds.minY + (canvas.height - MARGIN - py) / sy];
}

function inside(polygon, x, y) {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i], [xj, yj] = polygon[j];
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) result = !result;
  }
  return result;
}

function colours() {
  const labels = [...new Set(data.labels.filter(l => l !== null))].sort();
  return i => $("colour").value === "selected"
    ? (data.selected[i] ? "#e6194b" : "#9aa5b1")
    : (data.labels[i] === null ? "#9aa5b1" : PALETTE[labels.indexOf(data.labels[i]) % PALETTE.length]);
}

function draw() {
  const canvas = $("map");
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  if (!data) return;
  const colour = colours();
  for (let i = 0; i < data.names.length; i++) {
    const [px, py] = toScreen(data.x[i], data.y[i], canvas);
    context.fillStyle = colour(i);
    context.fillRect(px - 3, py - 3, 6, 6);
  }
  if (lasso.length > 1) {
    context.strokeStyle = "#23313f";
    context.lineWidth = 2;
    context.beginPath();
    lasso.forEach(([x, y], k) => {
      const [px, py] = toScreen(x, y, canvas);
      k === 0 ? context.moveTo(px, py) : context.lineTo(px, py);
    });
    context.closePath();
    context.stroke();
  }
  const legend = $("legend");
  legend.innerHTML = "";
  const labels = [...new Set(data.labels.filter(l => l !== null))].sort();
  const entries = $("colour").value === "selected" ? [["selected", "#e6194b"], ["not selected", "#9aa5b1"]]
    : labels.map((l, k) => [l, PALETTE[k % PALETTE.length]]);
  for (const [name, c] of entries) {
    const item = document.createElement("span");
    const swatch = document.createElement("i");
    swatch.style.background = c;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(name));
    legend.appendChild(item);
  }
}

function lassoParameter() {
  const step = Math.max(1, Math.ceil(lasso.length / 64));
  const points = lasso.filter((_, k) => k % step === 0);
  return $("run").value + ":" + points.map(([x, y]) => x.toFixed(5) + "," + y.toFixed(5)).join(",");
}

function finishLasso() {
  if (lasso.length < 3) {
    lasso = [];
    draw();
    return;
  }
  const chosen = data.names.filter((_, i) => inside(lasso, data.x[i], data.y[i]));
  $("chosen").textContent = chosen.length + " points chosen";
  $("chosen").dataset.count = chosen.length;
  $("show").hidden = false;
  $("show").href = "/?lasso=" + encodeURIComponent(lassoParameter());
  draw();
}

async function loadRun() {
  $("error").textContent = "";
  lasso = [];
  $("show").hidden = true;
  $("chosen").textContent = "";
  try {
    data = await api("/api/map?run=" + encodeURIComponent($("run").value));
  } catch (e) {
    data = null;
    $("error").textContent = e.message;
    draw();
    return;
  }
  bounds = {minX: Math.min(...data.x), maxX: Math.max(...data.x), minY: Math.min(...data.y), maxY: Math.max(...data.y)};
  draw();
}

async function start() {
  header("/map");
  const runs = (await api("/api/runs")).runs.filter(r => r.map);
  setRuns(runs.map(r => r.id));
  if (!runs.length) {
    $("error").textContent = "No run in this output wrote embeddings, so there is no map to show.";
    return;
  }
  const wanted = new URLSearchParams(location.search).get("run");
  if (wanted && runs.some(r => r.id === wanted)) $("run").value = wanted;
  const canvas = $("map");
  let drawing = false;
  const point = e => {
    const r = canvas.getBoundingClientRect();
    return toData((e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height, canvas);
  };
  canvas.addEventListener("pointerdown", e => { if (!data) return; drawing = true; lasso = [point(e)]; });
  canvas.addEventListener("pointermove", e => { if (drawing) { lasso.push(point(e)); draw(); } });
  canvas.addEventListener("pointerup", () => { if (drawing) { drawing = false; finishLasso(); } });
  $("run").addEventListener("change", loadRun);
  $("colour").addEventListener("change", draw);
  $("tagButton").addEventListener("click", async () => {
    try {
      const answer = await api("/api/tags/" + encodeURIComponent($("tagName").value), {method: "POST",
        headers: {"Content-Type": "application/json"}, body: JSON.stringify({filter: "lasso=" + encodeURIComponent(lassoParameter())})});
      $("tagResult").textContent = "Tag " + answer.tag + " holds " + answer.count + " samples.";
    } catch (e) {
      $("tagResult").textContent = e.message;
    }
  });
  loadRun();
}

function setRuns(ids) {
  for (const id of ids) {
    const o = document.createElement("option");
    o.value = id; o.textContent = id;
    $("run").appendChild(o);
  }
}

start();
