// What the player writes: times as a clock and in words, labels with {placeholders}, the waveform.

const BAR_WIDTH = 0.6;

export const clock = (seconds) => {
  const total = Math.max(0, Math.floor(seconds || 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};

export const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (whole, key) => values[key] ?? whole);

// "1 minuut 5 seconden": what a screen reader should say instead of "1:05".
export const spoken = (seconds, L) => {
  const total = Math.max(0, Math.floor(seconds || 0));
  const parts = [
    [Math.floor(total / 3600), L.hour, L.hours],
    [Math.floor(total / 60) % 60, L.minute, L.minutes],
    [total % 60, L.second, L.seconds],
  ];
  const said = parts.filter((p) => p[0] > 0).map((p) => `${p[0]} ${p[0] === 1 ? p[1] : p[2]}`);
  return said.length ? said.join(' ') : `0 ${L.seconds}`;
};

// One path of thin vertical bars in a 160×100 box, mirrored around the middle line.
export const wavePath = (bars) => {
  if (!bars.length) return 'M0 49h160v2H0z';
  const step = 160 / bars.length;
  return bars
    .map((value, i) => {
      const height = Math.max(2, (Math.min(100, value) / 100) * 96);
      const x = (i * step + (step * (1 - BAR_WIDTH)) / 2).toFixed(2);
      return `M${x} ${(50 - height / 2).toFixed(1)}h${(step * BAR_WIDTH).toFixed(2)}v${height.toFixed(1)}h-${(step * BAR_WIDTH).toFixed(2)}z`;
    })
    .join('');
};

export const parseBars = (text) => (text ? text.split(',').map(Number) : []);
