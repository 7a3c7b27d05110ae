// Shared by every page: requests, colours, and drawing predictions over a picture as SVG.
"use strict";
const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45",
  "#fabed4", "#469990", "#dcbeff", "#9a6324", "#800000", "#aaffc3", "#808000", "#000075"];
const SVG = "http://www.w3.org/2000/svg";

async function api(path, options) {
  const response = await fetch(path, options);
  const text = await response.text();
  if (!response.ok) {
    throw new Error(text.trim() || response.status + " " + response.statusText);
  }
  return text.length && (response.headers.get("Content-Type") || "").startsWith("application/json")
    ? JSON.parse(text) : text;
}

function encodeName(name) {
  return name.split("/").map(encodeURIComponent).join("/");
}

// The colour of a class: its position among the task's classes picks from the palette.
function classColour(taskInfo, categoryId) {
  const i = taskInfo ? taskInfo.classes.findIndex(c => c.id === categoryId) : -1;
  return PALETTE[(i < 0 ? categoryId : i) % PALETTE.length];
}

function className(taskInfo, categoryId) {
  const c = taskInfo && taskInfo.classes.find(k => k.id === categoryId);
  return c ? c.name : String(categoryId);
}

function el(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes || {})) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

// A row-major run-length mask (runs of 0s and 1s, starting with 0s) as a translucent PNG data URL.
function maskImage(counts, width, height, colour) {
  const canvas = document.createElement("canvas");
  canvas.width = width; canvas.height = height;
  const context = canvas.getContext("2d");
  const pixels = context.createImageData(width, height);
  const r = parseInt(colour.slice(1, 3), 16), g = parseInt(colour.slice(3, 5), 16), b = parseInt(colour.slice(5, 7), 16);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    const end = Math.min(at + counts[i], width * height);
    if (i % 2 === 1) {
      for (let p = at; p < end; p++) {
        pixels.data[4 * p] = r; pixels.data[4 * p + 1] = g; pixels.data[4 * p + 2] = b; pixels.data[4 * p + 3] = 110;
      }
    }
    at = end;
  }
  context.putImageData(pixels, 0, 0);
  return canvas.toDataURL();
}

// Draws every task's predictions into an SVG laid over a picture of width x height original pixels.
// shown(task, categoryId) says whether to draw a prediction; labels go in the SVG too.
function drawPredictions(svg, predictions, tasks, width, height, shown) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  if (!width || !height) return;
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("preserveAspectRatio", "none");
  const stroke = Math.max(1, Math.round(Math.max(width, height) / 160));
  const font = Math.max(8, Math.round(Math.max(width, height) / 22));
  let captionY = font;
  for (const [task, list] of Object.entries(predictions || {})) {
    const info = tasks.find(t => t.name === task);
    for (const p of list) {
      if (shown && !shown(task, p.category_id)) continue;
      const colour = classColour(info, p.category_id);
      const label = className(info, p.category_id) + (p.score !== undefined ? " " + p.score.toFixed(2) : "");
      if (Array.isArray(p.segmentation) && p.segmentation.length) {
        el("image", {href: maskImage(p.segmentation, width, height, colour), x: 0, y: 0, width: width, height: height,
          class: "mask", "data-task": task}, svg);
      }
      if (Array.isArray(p.bbox)) {
        const [x, y, w, h] = p.bbox;
        el("rect", {x: x, y: y, width: w, height: h, fill: "none", stroke: colour, "stroke-width": stroke,
          class: "box", "data-task": task, "data-class": className(info, p.category_id)}, svg);
        const text = el("text", {x: x + stroke, y: Math.max(font, y - stroke), fill: colour, "font-size": font,
          "font-family": "sans-serif", "paint-order": "stroke", stroke: "#fff", "stroke-width": Math.max(1, font / 6)}, svg);
        text.textContent = label;
      }
      if (Array.isArray(p.keypoints)) {
        const k = p.keypoints;
        const category = info && info.classes.find(c => c.id === p.category_id);
        for (const [from, to] of (category && category.skeleton) || []) {
          const a = from - 1, b = to - 1;
          if (3 * Math.max(a, b) + 2 < k.length && a >= 0 && b >= 0) {
            el("line", {x1: k[3 * a], y1: k[3 * a + 1], x2: k[3 * b], y2: k[3 * b + 1], stroke: colour,
              "stroke-width": stroke, class: "bone"}, svg);
          }
        }
        for (let i = 0; i + 2 < k.length; i += 3) {
          el("circle", {cx: k[i], cy: k[i + 1], r: stroke * 2, fill: colour, class: "keypoint"}, svg);
        }
      }
      if (!Array.isArray(p.bbox) && !Array.isArray(p.keypoints) && !Array.isArray(p.segmentation)) {
        const best = Array.isArray(p.probabilities) ? Math.max(...p.probabilities) : p.score;
        const text = el("text", {x: stroke * 2, y: captionY, fill: colour, "font-size": font, "font-family": "sans-serif",
          "paint-order": "stroke", stroke: "#fff", "stroke-width": Math.max(1, font / 6), class: "label"}, svg);
        text.textContent = task + ": " + className(info, p.category_id) + (best !== undefined ? " " + best.toFixed(2) : "");
        captionY += font * 1.2;
      }
    }
  }
}

function header(here) {
  const bar = document.createElement("header");
  bar.innerHTML = '<span class="brand">Winnow</span>';
  for (const [href, name] of [["/", "Samples"], ["/map", "Map"], ["/runs", "Runs"]]) {
    const a = document.createElement("a");
    a.href = href; a.textContent = name;
    if (href === here) a.className = "here";
    bar.appendChild(a);
  }
  document.body.prepend(bar);
}
