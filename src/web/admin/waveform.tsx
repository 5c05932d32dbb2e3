/**
 * The recording's waveform as an SVG drawn on the server from the stored peaks: no script and
 * no canvas, so it shows at once and scales with the page. The player script moves the marker.
 */
export function Waveform({ heights, label }: { heights: number[]; label: string }) {
  const width = heights.length * 2;
  const path = heights
    .map((h, i) => {
      const half = Math.max(0.5, h * 24);
      return `M${i * 2 + 1} ${(25 - half).toFixed(1)}V${(25 + half).toFixed(1)}`;
    })
    .join('');
  return (
    <svg
      class="za-waveform"
      viewBox={`0 0 ${width} 50`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-waveform
    >
      <path d={path} />
      <rect class="za-waveform-played" x="0" y="0" width="0" height="50" data-played />
    </svg>
  );
}
