import type { LegendSnapshot } from './readLegend.js';

/** Layout of the exported image, in CSS pixels (multiplied by `scale`). */
const LEGEND_WIDTH = 260;
const PADDING = 16;
const ROW = 20;
const SWATCH = 14;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Composes the exported map image: the map as drawn, its legend in a column on the right (each
 * section's title, a swatch, label and count per row, and its footnote), and caption lines
 * under both (what the map shows, where the data came from, when it was made). Drawn with the
 * canvas 2D API and system fonts, so it works offline.
 *
 * @param map - a copy of the map canvas, at device pixels
 * @param legend - the legend as the page shows it ({@link readLegend})
 * @param caption - lines of text under the map
 * @param scale - device pixels per CSS pixel (the map canvas's)
 * @param labels - zone rank labels to draw over the map (HTML markers on the page), at CSS
 *   pixel positions of the map
 * @returns a new canvas holding the image
 * @example
 * ```ts
 * const image = drawMapImage(snapshot, readLegend(legendElement), ['Priority score'], devicePixelRatio);
 * image.toBlob((png) => download('map.png', png!));
 * ```
 */
export function drawMapImage(
  map: HTMLCanvasElement,
  legend: readonly LegendSnapshot[],
  caption: readonly string[],
  scale: number,
  labels: readonly { readonly x: number; readonly y: number; readonly text: string }[] = [],
): HTMLCanvasElement {
  const legendHeight =
    PADDING +
    legend.reduce(
      (height, section) => height + ROW * (1.5 + section.rows.length + (section.note ? 1 : 0)),
      0,
    );
  const mapHeight = map.height / scale;
  const width = map.width / scale + LEGEND_WIDTH;
  const height = Math.max(mapHeight, legendHeight) + PADDING + caption.length * ROW;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('drawMapImage: no 2D canvas context');
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(map, 0, 0, map.width / scale, mapHeight);
  // Zone labels as the page draws them: white text on a dark pill with a white border.
  context.font = `700 13px ${FONT}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const label of labels) {
    const radius = 13;
    const half = Math.max(0, context.measureText(label.text).width / 2 - 6);
    context.beginPath();
    context.roundRect(
      label.x - half - radius,
      label.y - radius,
      2 * (half + radius),
      2 * radius,
      radius,
    );
    context.fillStyle = '#111111';
    context.fill();
    context.lineWidth = 2;
    context.strokeStyle = '#ffffff';
    context.stroke();
    context.fillStyle = '#ffffff';
    context.fillText(label.text, label.x, label.y);
  }
  context.lineWidth = 1;
  context.textAlign = 'left';

  let y = PADDING;
  const x = map.width / scale + PADDING;
  context.textBaseline = 'middle';
  for (const section of legend) {
    context.fillStyle = '#1a1a1a';
    context.font = `600 13px ${FONT}`;
    context.fillText(section.title, x, y + ROW / 2, LEGEND_WIDTH - 2 * PADDING);
    y += ROW * 1.25;
    context.font = `12px ${FONT}`;
    for (const row of section.rows) {
      context.fillStyle = row.color;
      context.beginPath();
      if (row.round) context.arc(x + SWATCH / 2, y + ROW / 2, SWATCH / 2, 0, 2 * Math.PI);
      else context.rect(x, y + (ROW - SWATCH) / 2, SWATCH, SWATCH);
      context.fill();
      context.strokeStyle = 'rgba(0, 0, 0, 0.35)';
      context.stroke();
      context.fillStyle = '#1a1a1a';
      context.textAlign = 'left';
      context.fillText(row.label, x + SWATCH + 8, y + ROW / 2, LEGEND_WIDTH - 110);
      context.textAlign = 'right';
      context.fillText(row.count, map.width / scale + LEGEND_WIDTH - PADDING, y + ROW / 2);
      context.textAlign = 'left';
      y += ROW;
    }
    if (section.note) {
      context.fillStyle = '#555555';
      context.fillText(section.note, x, y + ROW / 2, LEGEND_WIDTH - 2 * PADDING);
      y += ROW;
    }
    y += ROW / 4;
  }

  context.fillStyle = '#333333';
  context.font = `12px ${FONT}`;
  caption.forEach((line, i) => {
    context.fillText(
      line,
      PADDING,
      Math.max(mapHeight, legendHeight) + PADDING / 2 + (i + 0.5) * ROW,
      width - 2 * PADDING,
    );
  });
  return canvas;
}
