// One sample: the image with its predictions (toggled per task and class), scores, metadata, runs, files.
"use strict";
const $ = id => document.getElementById(id);
const hidden = new Set();

function row(table, key, value) {
  const tr = document.createElement("tr");
  const th = document.createElement("th");
  th.textContent = key;
  const td = document.createElement("td");
  td.textContent = value;
  tr.appendChild(th); tr.appendChild(td);
  table.appendChild(tr);
}

async function start() {
  header("");
  const name = new URLSearchParams(location.search).get("name") || "";
  $("title").textContent = name;
  let sample, info;
  try {
    [sample, info] = await Promise.all([api("/api/sample/" + encodeName(name)), api("/api/tasks")]);
  } catch (e) {
    $("error").textContent = e.message;
    return;
  }
  const predictions = {};
  for (const [task, file] of Object.entries(sample.predictions)) predictions[task] = file.predictions || [];
  const svg = el("svg", {id: "overlay"}, $("picture"));
  const redraw = () => drawPredictions(svg, predictions, info.tasks, sample.width, sample.height,
    (task, id) => !hidden.has(task) && !hidden.has(task + "\u0000" + id));
  $("image").src = "/api/image/" + encodeName(name);
  if (sample.problem) $("problem").textContent = sample.problem;
  for (const task of Object.keys(predictions)) {
    const t = info.tasks.find(k => k.name === task);
    const box = document.createElement("div");
    const toggle = (key, label) => {
      const l = document.createElement("label");
      const input = document.createElement("input");
      input.type = "checkbox"; input.checked = true; input.dataset.key = key;
      input.addEventListener("change", () => { input.checked ? hidden.delete(key) : hidden.add(key); redraw(); });
      l.appendChild(input); l.appendChild(document.createTextNode(" " + label + " "));
      box.appendChild(l);
    };
    toggle(task, task + ":");
    for (const c of (t ? t.classes : [])) {
      if (predictions[task].some(p => p.category_id === c.id)) toggle(task + "\u0000" + c.id, c.name);
    }
    $("toggles").appendChild(box);
  }
  for (const [k, v] of Object.entries(sample.scores)) row($("scores"), k, v);
  for (const [k, v] of Object.entries(sample.metadata)) row($("metadata"), k, v);
  for (const run of sample.runs) {
    const a = document.createElement("a");
    a.href = "/?run=" + encodeURIComponent(run); a.textContent = run;
    $("runs").appendChild(a); $("runs").appendChild(document.createTextNode(" "));
  }
  $("tags").textContent = sample.tags.join(", ");
  if (sample.video) showStrip(sample.video, name);
  $("json").textContent = JSON.stringify(sample.predictions, null, 2);
  redraw();
}

// A frame of a video: its neighbouring frames, each linked to its own sample page.
function showStrip(video, name) {
  $("video").hidden = false;
  $("videoTitle").textContent = "Frame " + video.frame + " of " + video.file + " (" + video.frames + " frames)";
  for (const frame of video.strip) {
    const a = document.createElement("a");
    a.className = frame === name ? "frame here" : "frame";
    a.href = "/sample?name=" + encodeURIComponent(frame);
    a.dataset.name = frame;
    a.title = frame;
    const img = document.createElement("img");
    img.src = "/api/thumb/" + encodeName(frame);
    img.alt = frame;
    a.appendChild(img);
    $("strip").appendChild(a);
  }
}

start();
