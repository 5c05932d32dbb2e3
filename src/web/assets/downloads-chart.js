// zender download charts: draws every [data-zd-chart] with uPlot (loaded before this script, from
// zender itself) from the JSON block it names. The table beside each chart holds the same figures.
const palette = ['#1f5fa8', '#b4461f', '#2f7d32', '#6a3fa0'];

function toSeconds(value) {
  return typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) / 1000 : value;
}

function draw(element) {
  const source = document.getElementById(element.dataset.zdChart);
  if (!source || typeof uPlot === 'undefined') return;
  const data = JSON.parse(source.textContent);
  const dates = typeof data.x[0] === 'string';
  const width = Math.max(280, Math.min(element.clientWidth || 640, 960));
  const options = {
    width,
    height: 260,
    scales: { x: { time: dates } },
    axes: [{ label: data.xLabel }, { label: '' }],
    series: [
      { label: data.xLabel },
      ...data.series.map((s, i) => ({ label: s.label, stroke: palette[i % palette.length], width: 2 })),
    ],
  };
  new uPlot(options, [data.x.map(toSeconds), ...data.series.map((s) => s.values)], element);
}

for (const element of document.querySelectorAll('[data-zd-chart]')) draw(element);
