import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from 'maplibre-gl';
import { compileProgram } from './compileProgram.js';
import { originMatrix } from './originMatrix.js';

/** One stroke of an outline: its CSS colour (`#rrggbb`) and width in CSS pixels. */
export interface OutlineStroke {
  readonly color: string;
  readonly width: number;
}

/**
 * A MapLibre layer drawing line segments (the priority zones' outlines) in a few strokes, wider
 * ones first (a white casing under a black line), from a Float32Array that is replaced in one
 * upload when the zones change: MapLibre's GeoJSON line layers re-tile the zones in its worker
 * on every change, a few hundred milliseconds for a city of 50,000 cells here.
 */
export interface OutlineLayer extends CustomLayerInterface {
  /** The segments: x0, y0, x1, y1 each, in Web Mercator relative to the layer's origin. */
  setSegments(segments: Float32Array): void;
  /** Opacity of every stroke, 0…1. */
  setOpacity(opacity: number): void;
  /** Shows or hides the layer. */
  setVisible(visible: boolean): void;
  readonly visible: boolean;
  readonly opacity: number;
}

// Each segment is a rectangle around it, extended by half the width at both ends (square caps,
// which close the corners where segments meet), computed in pixels so the width holds at any
// zoom. a_corner: x 0 at the start, 1 at the end; y −1 or 1, the side.
const VERTEX_SHADER = `#version 300 es
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_half_width;
layout(location = 0) in vec4 a_segment;
layout(location = 1) in vec2 a_corner;
void main() {
  vec4 from = u_matrix * vec4(a_segment.xy, 0.0, 1.0);
  vec4 to = u_matrix * vec4(a_segment.zw, 0.0, 1.0);
  vec2 a = from.xy / from.w * u_viewport * 0.5;
  vec2 b = to.xy / to.w * u_viewport * 0.5;
  vec2 along = length(b - a) > 0.0 ? normalize(b - a) : vec2(1.0, 0.0);
  vec2 across = vec2(-along.y, along.x);
  vec2 point = mix(a, b, a_corner.x) + (a_corner.x * 2.0 - 1.0) * along * u_half_width
    + a_corner.y * across * u_half_width;
  vec4 end = mix(from, to, a_corner.x);
  gl_Position = vec4(point / (u_viewport * 0.5) * end.w, end.z, end.w);
}`;

const FRAGMENT_SHADER = `#version 300 es
precision mediump float;
uniform vec4 u_color;
out vec4 fragColor;
void main() {
  fragColor = u_color;
}`;

/** The corners of a segment's rectangle, and the two triangles over them. */
const CORNERS = [0, -1, 1, -1, 1, 1, 0, 1];
const QUAD = [0, 1, 2, 0, 2, 3];

/** The vertices (segment and corner, 6 floats each) and indices of the segments' rectangles. */
function segmentQuads(segments: Float32Array): { vertices: Float32Array; indices: Uint32Array } {
  const count = segments.length / 4;
  const vertices = new Float32Array(count * 24);
  const indices = new Uint32Array(count * 6);
  for (let s = 0; s < count; s++) {
    for (let c = 0; c < 4; c++) {
      const at = (s * 4 + c) * 6;
      vertices[at] = segments[4 * s];
      vertices[at + 1] = segments[4 * s + 1];
      vertices[at + 2] = segments[4 * s + 2];
      vertices[at + 3] = segments[4 * s + 3];
      vertices[at + 4] = CORNERS[2 * c];
      vertices[at + 5] = CORNERS[2 * c + 1];
    }
    for (let i = 0; i < 6; i++) indices[s * 6 + i] = s * 4 + QUAD[i];
  }
  return { vertices, indices };
}

/**
 * An {@link OutlineLayer}, for `map.addLayer`; it draws on the map's default (Mercator)
 * projection.
 *
 * @param id - the MapLibre layer id
 * @param origin - the Web Mercator point the segments are relative to (a `cellMesh`'s origin)
 * @param strokes - drawn in order, e.g. a wide white casing, then a narrow black line
 * @param options - initial opacity (default 1) and visibility (default shown)
 * @returns the layer, without segments until `setSegments`
 * @example
 * ```ts
 * const zones = outlineLayer('hexreach-zones', mesh.origin, [{ color: '#ffffff', width: 5 }, { color: '#111111', width: 2.5 }]);
 * map.addLayer(zones);
 * zones.setSegments(groupOutlines(mesh, zoneRank));
 * ```
 */
export function outlineLayer(
  id: string,
  origin: readonly [number, number],
  strokes: readonly OutlineStroke[],
  options: { readonly opacity?: number; readonly visible?: boolean } = {},
): OutlineLayer {
  let map: MapLibreMap | undefined;
  let segments: Float32Array = new Float32Array(0);
  let uploaded = false;
  let opacity = options.opacity ?? 1;
  let visible = options.visible ?? true;
  let gpu:
    | {
        program: WebGLProgram;
        vao: WebGLVertexArrayObject;
        vertices: WebGLBuffer;
        indices: WebGLBuffer;
        uniforms: Record<
          'matrix' | 'viewport' | 'halfWidth' | 'color',
          WebGLUniformLocation | null
        >;
      }
    | undefined;
  const matrix = new Float32Array(16);
  const rgba = strokes.map(({ color }) => {
    const hex = Number.parseInt(color.slice(1), 16);
    return [(hex >> 16) / 255, ((hex >> 8) & 0xff) / 255, (hex & 0xff) / 255];
  });

  return {
    id,
    type: 'custom',
    renderingMode: '2d',
    get visible() {
      return visible;
    },
    get opacity() {
      return opacity;
    },
    setSegments(next) {
      segments = next;
      uploaded = false;
      map?.triggerRepaint();
    },
    setOpacity(next) {
      opacity = Math.max(0, Math.min(1, next));
      map?.triggerRepaint();
    },
    setVisible(next) {
      visible = next;
      map?.triggerRepaint();
    },
    onAdd(added, gl) {
      map = added;
      const program = compileProgram(gl, VERTEX_SHADER, FRAGMENT_SHADER, 'outlineLayer');
      const vao = gl.createVertexArray();
      gl.bindVertexArray(vao);
      // Four vertices per segment, each the segment and one corner of its rectangle (6 floats),
      // and two triangles of indices: software WebGL draws these faster than instanced quads.
      const vertices = gl.createBuffer();
      gl.bindBuffer(gl.ARRAY_BUFFER, vertices);
      gl.enableVertexAttribArray(0);
      gl.vertexAttribPointer(0, 4, gl.FLOAT, false, 24, 0);
      gl.enableVertexAttribArray(1);
      gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 24, 16);
      const indices = gl.createBuffer();
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);
      gl.bindVertexArray(null);
      gl.bindBuffer(gl.ARRAY_BUFFER, null);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, null);
      const uniform = (name: string) => gl.getUniformLocation(program, name);
      gpu = {
        program,
        vao,
        vertices,
        indices,
        uniforms: {
          matrix: uniform('u_matrix'),
          viewport: uniform('u_viewport'),
          halfWidth: uniform('u_half_width'),
          color: uniform('u_color'),
        },
      };
      uploaded = false;
    },
    onRemove(_removed, gl) {
      map = undefined;
      if (gpu === undefined) return;
      gl.deleteVertexArray(gpu.vao);
      gl.deleteBuffer(gpu.vertices);
      gl.deleteBuffer(gpu.indices);
      gl.deleteProgram(gpu.program);
      gpu = undefined;
    },
    render(gl, input: CustomRenderMethodInput) {
      if (gpu === undefined || !visible || opacity === 0 || segments.length === 0) return;
      gl.useProgram(gpu.program);
      gl.bindVertexArray(gpu.vao);
      const count = segments.length / 4;
      if (!uploaded) {
        const quads = segmentQuads(segments);
        gl.bindBuffer(gl.ARRAY_BUFFER, gpu.vertices);
        gl.bufferData(gl.ARRAY_BUFFER, quads.vertices, gl.DYNAMIC_DRAW);
        gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, gpu.indices);
        gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, quads.indices, gl.DYNAMIC_DRAW);
        gl.bindBuffer(gl.ARRAY_BUFFER, null);
        uploaded = true;
      }
      gl.uniformMatrix4fv(
        gpu.uniforms.matrix,
        false,
        originMatrix(input.defaultProjectionData.mainMatrix, origin, matrix),
      );
      gl.uniform2f(gpu.uniforms.viewport, gl.drawingBufferWidth, gl.drawingBufferHeight);
      // Widths are CSS pixels, as MapLibre's line-width; the drawing buffer has device pixels.
      const cssWidth = map?.getCanvas().clientWidth ?? 0;
      const ratio = cssWidth > 0 ? gl.drawingBufferWidth / cssWidth : 1;
      strokes.forEach((stroke, s) => {
        const [r, g, b] = rgba[s];
        // Premultiplied, as MapLibre blends.
        gl.uniform4f(gpu!.uniforms.color, r * opacity, g * opacity, b * opacity, opacity);
        gl.uniform1f(gpu!.uniforms.halfWidth, (stroke.width / 2) * ratio);
        gl.drawElements(gl.TRIANGLES, count * 6, gl.UNSIGNED_INT, 0);
      });
      gl.bindVertexArray(null);
    },
  };
}
