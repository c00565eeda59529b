/* The rapportages' charts: each <canvas data-chart="ID"> is drawn with Chart.js from the JSON in
   <script type="application/json" id="ID"> (no inline script: the CSP allows none). The table
   beside each chart holds the same figures, so the page reads fine without this file. */
(function () {
  "use strict";

  // colours with enough contrast against white, told apart by more than hue alone (dashes)
  var COLOURS = ["#1d4f91", "#c2410c", "#15803d", "#6d28d9"];
  var DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute("data-chart"));
    if (!source || typeof window.Chart === "undefined" || canvas.getAttribute("data-drawn")) {
      return;
    }
    var spec = JSON.parse(source.textContent);
    var line = spec.type === "line";
    canvas.setAttribute("data-drawn", "true");
    new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (set, index) {
          var colour = COLOURS[index % COLOURS.length];
          return {
            label: set.label,
            data: set.data,
            borderColor: colour,
            backgroundColor: line ? colour : colour + "cc",
            borderDash: line ? DASHES[index % DASHES.length] : [],
            borderWidth: 2,
            spanGaps: true,
            pointRadius: line ? 3 : 0
          };
        })
      },
      options: {
        indexAxis: spec.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: "bottom" } },
        scales: {
          x: { beginAtZero: true, title: { display: spec.horizontal && !!spec.yTitle, text: spec.yTitle } },
          y: { beginAtZero: true, title: { display: !spec.horizontal && !!spec.yTitle, text: spec.yTitle } }
        }
      }
    });
  }

  function drawAll(root) {
    var canvases = root.querySelectorAll("canvas[data-chart]");
    for (var index = 0; index < canvases.length; index += 1) {
      draw(canvases[index]);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawAll(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    drawAll(event.target);
  });
})();
