// Every complete run of the output: its selection in the grid, its map, its report.
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
}
start();
