/* Home page: target vs plan vs actual per form, from the json_script element "plan-chart-data". */
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("plan-chart-data");
    var canvas = document.getElementById("plan-chart");
    if (!source || !canvas || typeof window.Chart === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: canvas.dataset.labelTarget, data: data.target, backgroundColor: "#adb5bd" },
          { label: canvas.dataset.labelPlan, data: data.plan, backgroundColor: "#0d6efd" },
          { label: canvas.dataset.labelActual, data: data.actual, backgroundColor: "#198754" }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
