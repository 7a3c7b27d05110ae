// Every complete run of the output: its selection in the grid, its map, its report, and for an
// object-level run the crops it selected, each linked to its parent sample.
"use strict";
async function start() {
  header("/runs");
  let answer;
  try {
    answer = await api("/api/runs");
  } catch (e) {
    document.getElementById("error").textContent = e.message;
    return;
  }
  const table = document.getElementById("runs");
  for (const run of answer.runs) {
    const tr = document.createElement("tr");
    tr.className = "run";
    const cell = (href, text) => {
      const td = document.createElement("td");
      if (href) {
        const a = document.createElement("a");
        a.href = href; a.textContent = text;
        td.appendChild(a);
      } else {
        td.textContent = text;
      }
      tr.appendChild(td);
    };
    cell(null, run.id);
    cell("/?run=" + encodeURIComponent(run.id), run.selected + " selected");
    cell(run.map ? "/map?run=" + encodeURIComponent(run.id) : null, run.map ? "map" : "no embeddings");
    cell(run.report ? "/api/runs/" + encodeURIComponent(run.id) + "/report" : null, run.report ? "report" : "");
    table.appendChild(tr);
  }
  for (const run of answer.runs.filter(r => r.crops > 0)) await showCrops(run);
}

const SHOWN_CROPS = 200;

async function showCrops(run) {
  const section = document.createElement("section");
  section.className = "crops";
  section.dataset.run = run.id;
  const title = document.createElement("h3");
  title.textContent = "Crops selected by " + run.id + " (" + run.crops + ")";
  section.appendChild(title);
  const list = document.createElement("div");
  list.className = "grid";
  section.appendChild(list);
  document.querySelector("main").appendChild(section);
  const answer = await api("/api/runs/" + encodeURIComponent(run.id) + "/crops");
  for (const crop of answer.crops.slice(0, SHOWN_CROPS)) {
    const a = document.createElement("a");
    a.className = "card crop";
    a.href = "/sample?name=" + encodeURIComponent(crop.parent);
    a.dataset.crop = crop.crop;
    a.dataset.parent = crop.parent;
    if (crop.picture) {
      const img = document.createElement("img");
      img.src = "/api/runs/" + encodeURIComponent(run.id) + "/crop/" + encodeName(crop.crop);
      img.alt = crop.crop;
      a.appendChild(img);
    }
    const name = document.createElement("div");
    name.className = "name";
    name.textContent = crop.category + (crop.score === null ? "" : " " + crop.score.toFixed(2)) + " · " + crop.parent;
    a.appendChild(name);
    list.appendChild(a);
  }
  if (answer.crops.length > SHOWN_CROPS) {
    const more = document.createElement("p");
    more.textContent = "and " + (answer.crops.length - SHOWN_CROPS) + " more in selected_crops.csv";
    section.appendChild(more);
  }
}
start();
