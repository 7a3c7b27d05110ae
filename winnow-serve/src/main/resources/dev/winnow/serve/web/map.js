// The 2-D map of a run's embeddings, drawn pixel by pixel into the canvas so a million points pan
// and zoom smoothly; a lasso drawn on it becomes the grid's lasso filter.
"use strict";
const $ = id => document.getElementById(id);
const MARGIN = 20;
const GREY = "#9aa5b1", RED = "#e6194b";
let data = null;     // {run, labels, n, x, y, label, selected} from /api/map/points
let lasso = [];
let bounds = null;
let view = {zoom: 1, cx: 0, cy: 0};   // the data point at the canvas centre, and the zoom over the fitted map
let pending = false;
let shades = null;   // {al, values, min, max} when the points are coloured by an active-learning score
// Low to high score: dark blue through teal and green to yellow, 256 steps.
const RAMP = ["#30123b", "#3b528b", "#21918c", "#5ec962", "#fde725"];

// Reads the binary map: "WMAP", version, n, header length, JSON header, x, y, labels, selected flags.
function decodeMap(buffer) {
  const head = new DataView(buffer, 0, 16);
  const magic = String.fromCharCode(...new Uint8Array(buffer, 0, 4));
  if (magic !== "WMAP" || head.getUint32(4, true) !== 1) throw new Error("The map answer is not a map this page reads.");
  const n = head.getUint32(8, true), h = head.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 16, h)));
  let at = 16 + h;
  const x = new Float32Array(buffer, at, n); at += 4 * n;
  const y = new Float32Array(buffer, at, n); at += 4 * n;
  const label = new Uint16Array(buffer, at, n); at += 2 * n;
  const selected = new Uint8Array(buffer, at, n);
  return {run: header.run, labels: header.labels, n, x, y, label, selected};
}

function scales(canvas) {
  const sx = (canvas.width - 2 * MARGIN) / (bounds.maxX - bounds.minX || 1) * view.zoom;
  const sy = (canvas.height - 2 * MARGIN) / (bounds.maxY - bounds.minY || 1) * view.zoom;
  return [sx, sy];
}

function toScreen(x, y, canvas) {
  const [sx, sy] = scales(canvas);
  return [canvas.width / 2 + (x - view.cx) * sx, canvas.height / 2 - (y - view.cy) * sy];
}

function toData(px, py, canvas) {
  const [sx, sy] = scales(canvas);
  return [view.cx + (px - canvas.width / 2) / sx, view.cy - (py - canvas.height / 2) / sy];
}

function inside(polygon, x, y) {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i], [xj, yj] = polygon[j];
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) result = !result;
  }
  return result;
}

// A colour "#rrggbb" as the 32-bit pixel of an ImageData seen through a Uint32Array (little-endian RGBA).
function pixel(colour) {
  const r = parseInt(colour.slice(1, 3), 16), g = parseInt(colour.slice(3, 5), 16), b = parseInt(colour.slice(5, 7), 16);
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

function legendEntries() {
  if (shades) {
    return [[format(shades.min), RAMP[0]], [format((shades.min + shades.max) / 2), RAMP[2]],
      [format(shades.max), RAMP[4]], ["no score", GREY]];
  }
  return $("colour").value === "selected" ? [["selected", RED], ["not selected", GREY]]
    : data.labels.map((l, k) => [l, PALETTE[k % PALETTE.length]]);
}

function format(v) {
  return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : "–";
}

// The ramp's colour at t in [0, 1], interpolated between its stops, as an ImageData pixel.
function rampPixel(t) {
  const at = t * (RAMP.length - 1), k = Math.min(RAMP.length - 2, Math.floor(at)), f = at - k;
  const channel = (c, i) => parseInt(c.slice(1 + 2 * i, 3 + 2 * i), 16);
  const mix = i => Math.round(channel(RAMP[k], i) * (1 - f) + channel(RAMP[k + 1], i) * f);
  return ((255 << 24) | (mix(2) << 16) | (mix(1) << 8) | mix(0)) >>> 0;
}

const RAMP_PIXELS = Array.from({length: 256}, (_, k) => rampPixel(k / 255));

// Reads the score of every point of the map and its range, for colouring by it.
async function loadShades(al) {
  const response = await fetch("/api/map/scores?run=" + encodeURIComponent($("run").value) + "&al=" + encodeURIComponent(al));
  if (!response.ok) throw new Error((await response.text()).trim() || response.status + " " + response.statusText);
  const values = new Float32Array(await response.arrayBuffer());
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (!Number.isNaN(v)) { min = Math.min(min, v); max = Math.max(max, v); }
  }
  return {al, values, min, max};
}

async function applyColour() {
  $("error").textContent = "";
  const choice = $("colour").value;
  shades = null;
  if (data && choice.startsWith("al:")) {
    try {
      shades = await loadShades(choice.slice(3));
    } catch (e) {
      $("error").textContent = e.message;
    }
  }
  drawLegend();
  draw();
}

function scheduleDraw() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; draw(); });
}

function draw() {
  const canvas = $("map");
  const context = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height;
  if (!data) {
    context.fillStyle = "#fff";
    context.fillRect(0, 0, w, h);
    return;
  }
  const image = context.createImageData(w, h);
  const pixels = new Uint32Array(image.data.buffer);
  pixels.fill(0xffffffff);
  const bySelection = $("colour").value === "selected";
  const grey = pixel(GREY), red = pixel(RED);
  const colours = data.labels.map((_, k) => pixel(PALETTE[k % PALETTE.length]));
  const values = shades ? shades.values : null;
  const low = shades ? shades.min : 0, span = shades && shades.max > shades.min ? shades.max - shades.min : 1;
  // Few points are drawn as squares big enough to see, many as small ones that do not hide each other.
  const size = data.n <= 10000 ? 6 : data.n <= 100000 ? 3 : 2;
  const half = size >> 1;
  const [sx, sy] = scales(canvas);
  const ox = w / 2 - view.cx * sx, oy = h / 2 + view.cy * sy;
  const x = data.x, y = data.y, label = data.label, selected = data.selected;
  // Selected points are drawn last so that they stay visible on top of the others.
  for (let pass = 0; pass < (bySelection ? 2 : 1); pass++) {
    for (let i = 0; i < data.n; i++) {
      if (bySelection && selected[i] !== pass) continue;
      const px = Math.round(ox + x[i] * sx) - half, py = Math.round(oy - y[i] * sy) - half;
      if (px + size <= 0 || py + size <= 0 || px >= w || py >= h) continue;
      const c = values ? (Number.isNaN(values[i]) ? grey : RAMP_PIXELS[Math.round((values[i] - low) / span * 255)])
        : bySelection ? (selected[i] ? red : grey) : (label[i] === 65535 ? grey : colours[label[i]]);
      const x0 = Math.max(px, 0), x1 = Math.min(px + size, w), y1 = Math.min(py + size, h);
      for (let row = Math.max(py, 0); row < y1; row++) {
        pixels.fill(c, row * w + x0, row * w + x1);
      }
    }
  }
  context.putImageData(image, 0, 0);
  if (lasso.length > 1) {
    context.strokeStyle = "#23313f";
    context.lineWidth = 2;
    context.beginPath();
    lasso.forEach(([lx, ly], k) => {
      const [px, py] = toScreen(lx, ly, canvas);
      k === 0 ? context.moveTo(px, py) : context.lineTo(px, py);
    });
    context.closePath();
    context.stroke();
  }
}

function drawLegend() {
  const legend = $("legend");
  legend.innerHTML = "";
  for (const [name, c] of legendEntries()) {
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
  // Only points inside the lasso's bounding box are tested against the polygon.
  const xs = lasso.map(p => p[0]), ys = lasso.map(p => p[1]);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  let chosen = 0;
  for (let i = 0; i < data.n; i++) {
    const x = data.x[i], y = data.y[i];
    if (x >= minX && x <= maxX && y >= minY && y <= maxY && inside(lasso, x, y)) chosen++;
  }
  $("chosen").textContent = chosen + " points chosen";
  $("chosen").dataset.count = chosen;
  $("show").hidden = false;
  $("show").href = "/?lasso=" + encodeURIComponent(lassoParameter());
  draw();
}

function resetView() {
  view = {zoom: 1, cx: (bounds.minX + bounds.maxX) / 2, cy: (bounds.minY + bounds.maxY) / 2};
}

async function loadRun() {
  $("error").textContent = "";
  lasso = [];
  $("show").hidden = true;
  $("chosen").textContent = "";
  try {
    const response = await fetch("/api/map/points?run=" + encodeURIComponent($("run").value));
    if (!response.ok) throw new Error((await response.text()).trim() || response.status + " " + response.statusText);
    data = decodeMap(await response.arrayBuffer());
  } catch (e) {
    data = null;
    $("error").textContent = e.message;
    draw();
    return;
  }
  bounds = {minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity};
  for (let i = 0; i < data.n; i++) {
    bounds.minX = Math.min(bounds.minX, data.x[i]); bounds.maxX = Math.max(bounds.maxX, data.x[i]);
    bounds.minY = Math.min(bounds.minY, data.y[i]); bounds.maxY = Math.max(bounds.maxY, data.y[i]);
  }
  if (!data.n) bounds = {minX: 0, maxX: 1, minY: 0, maxY: 1};
  resetView();
  $("points").textContent = data.n + " points";
  await applyColour();
}

async function start() {
  header("/map");
  const runs = (await api("/api/runs")).runs.filter(r => r.map);
  for (const task of (await api("/api/tasks")).tasks) {
    for (const score of task.scores) {
      const o = document.createElement("option");
      o.value = "al:" + task.name + "." + score;
      o.textContent = task.name + " " + score;
      $("colour").appendChild(o);
    }
  }
  setRuns(runs.map(r => r.id));
  if (!runs.length) {
    $("error").textContent = "No run in this output wrote embeddings, so there is no map to show.";
    return;
  }
  const wanted = new URLSearchParams(location.search).get("run");
  if (wanted && runs.some(r => r.id === wanted)) $("run").value = wanted;
  const canvas = $("map");
  let drawing = false, panning = null;
  const canvasPoint = e => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
  };
  const point = e => toData(...canvasPoint(e), canvas);
  canvas.addEventListener("pointerdown", e => {
    if (!data) return;
    if (e.shiftKey || e.button === 1) {
      panning = {at: canvasPoint(e), cx: view.cx, cy: view.cy};
      e.preventDefault();
      return;
    }
    drawing = true;
    lasso = [point(e)];
  });
  canvas.addEventListener("pointermove", e => {
    if (panning) {
      const [px, py] = canvasPoint(e);
      const [sx, sy] = scales(canvas);
      view.cx = panning.cx - (px - panning.at[0]) / sx;
      view.cy = panning.cy + (py - panning.at[1]) / sy;
      scheduleDraw();
    } else if (drawing) {
      lasso.push(point(e));
      scheduleDraw();
    }
  });
  canvas.addEventListener("pointerup", () => {
    if (panning) { panning = null; return; }
    if (drawing) { drawing = false; finishLasso(); }
  });
  canvas.addEventListener("wheel", e => {
    if (!data) return;
    e.preventDefault();
    // Zooms about the point under the mouse, which stays where it is.
    const [px, py] = canvasPoint(e);
    const [before] = [toData(px, py, canvas)];
    view.zoom = Math.min(1e4, Math.max(0.5, view.zoom * Math.exp(-e.deltaY / 500)));
    const after = toData(px, py, canvas);
    view.cx += before[0] - after[0];
    view.cy += before[1] - after[1];
    scheduleDraw();
  }, {passive: false});
  canvas.addEventListener("dblclick", () => { if (data) { resetView(); scheduleDraw(); } });
  $("run").addEventListener("change", loadRun);
  $("colour").addEventListener("change", applyColour);
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
