import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { CellMesh } from './cellMesh.js';
import { type CellRasterFrame, cellRasterFrame } from './cellRasterFrame.js';
import { compileProgram } from './compileProgram.js';
import { originMatrix } from './originMatrix.js';

/**
 * A MapLibre layer drawing every cell in its own colour, straight from typed arrays: the
 * triangles go to the GPU once per load (shared by all cell layers of that load), and a new
 * colouring is one texture upload of 4 bytes per cell. MapLibre's fill layers re-evaluate a
 * paint expression per feature and tile when the values change (about a second for 50,000
 * cells with software WebGL); this draws the change in the next frame.
 */
export interface CellLayer extends CustomLayerInterface {
  /**
   * The colours to draw: RGBA bytes of each cell (see `cellColors`), drawn at the next frame.
   * They are copied, so the caller may reuse the bytes for its next colouring.
   */
  setColors(colors: Uint8Array): void;
  /** Opacity of the whole layer, 0…1, as a fill layer's `fill-opacity`. */
  setOpacity(opacity: number): void;
  /** Shows or hides the layer. */
  setVisible(visible: boolean): void;
  /** Is the layer shown? */
  readonly visible: boolean;
  /** Its opacity. */
  readonly opacity: number;
}

/** The colour texture's width: every WebGL 2 implementation allows textures this wide. */
const TEXTURE_WIDTH = 2048;

const VERTEX_SHADER = `#version 300 es
uniform mat4 u_matrix;
uniform highp sampler2D u_colors;
layout(location = 0) in vec2 a_position;
layout(location = 1) in uint a_cell;
flat out vec4 v_color;
void main() {
  int cell = int(a_cell);
  v_color = texelFetch(u_colors, ivec2(cell % ${TEXTURE_WIDTH}, cell / ${TEXTURE_WIDTH}), 0);
  gl_Position = u_matrix * vec4(a_position, 0.0, 1.0);
}`;

// Premultiplied alpha, as MapLibre blends (ONE, ONE_MINUS_SRC_ALPHA).
const FRAGMENT_SHADER = `#version 300 es
precision mediump float;
uniform float u_opacity;
flat in vec4 v_color;
out vec4 fragColor;
void main() {
  float alpha = v_color.a * u_opacity;
  fragColor = vec4(v_color.rgb * alpha, alpha);
}`;

/** The program of a GL context, compiled once for all its cell layers. */
// The raster of the cells: a rectangle over the mesh's bounds, each pixel coloured by the cell
// its texel holds (0: none; else the cell's index + 1).
const RASTER_VERTEX_SHADER = `#version 300 es
uniform mat4 u_matrix;
uniform vec2 u_min;
uniform vec2 u_extent;
layout(location = 0) in vec2 a_corner;
out highp vec2 v_uv;
void main() {
  v_uv = a_corner;
  gl_Position = u_matrix * vec4(u_min + a_corner * u_extent, 0.0, 1.0);
}`;

const RASTER_FRAGMENT_SHADER = `#version 300 es
precision mediump float;
uniform highp usampler2D u_ids;
uniform highp sampler2D u_colors;
uniform highp ivec2 u_size;
uniform float u_opacity;
in highp vec2 v_uv;
out vec4 fragColor;
void main() {
  highp ivec2 texel = clamp(ivec2(floor(v_uv * vec2(u_size))), ivec2(0), u_size - 1);
  highp uint id = texelFetch(u_ids, texel, 0).r;
  if (id == 0u) discard;
  highp int cell = int(id) - 1;
  vec4 color = texelFetch(u_colors, ivec2(cell % ${TEXTURE_WIDTH}, cell / ${TEXTURE_WIDTH}), 0);
  float alpha = color.a * u_opacity;
  fragColor = vec4(color.rgb * alpha, alpha);
}`;

// Draws each cell's index + 1 into the raster, over the frame's bounds.
const ID_VERTEX_SHADER = `#version 300 es
uniform vec2 u_min;
uniform vec2 u_extent;
layout(location = 0) in vec2 a_position;
layout(location = 1) in uint a_cell;
flat out highp uint v_id;
void main() {
  v_id = a_cell + 1u;
  gl_Position = vec4((a_position - u_min) / u_extent * 2.0 - 1.0, 0.0, 1.0);
}`;

const ID_FRAGMENT_SHADER = `#version 300 es
precision highp float;
flat in highp uint v_id;
layout(location = 0) out highp uint id;
void main() {
  id = v_id;
}`;

/** The most texels along a side of the raster (16 MiB of GPU memory at most, 4 bytes each). */
const RASTER_MAX_SIZE = 2048;

interface Program {
  readonly program: WebGLProgram;
  readonly matrix: WebGLUniformLocation | null;
  readonly colors: WebGLUniformLocation | null;
  readonly opacity: WebGLUniformLocation | null;
}

interface RasterProgram extends Program {
  readonly min: WebGLUniformLocation | null;
  readonly extent: WebGLUniformLocation | null;
  readonly ids: WebGLUniformLocation | null;
  readonly size: WebGLUniformLocation | null;
}

/** The raster of a mesh's cells and the rectangle it is drawn on. */
interface CellRaster {
  readonly frame: CellRasterFrame;
  readonly texture: WebGLTexture;
  readonly vao: WebGLVertexArrayObject;
  readonly corners: WebGLBuffer;
}

/** A mesh's buffers in one GL context, with the number of layers drawing it. */
interface MeshBuffers {
  readonly gl: WebGL2RenderingContext;
  readonly vao: WebGLVertexArrayObject;
  readonly buffers: readonly WebGLBuffer[];
  readonly indexCount: number;
  /** Made at the first frame that needs it (see `prerender`); null when it cannot be made. */
  raster: CellRaster | null | undefined;
  users: number;
}

const programs = new WeakMap<WebGL2RenderingContext, Program>();
const rasterPrograms = new WeakMap<WebGL2RenderingContext, RasterProgram>();
const meshBuffers = new WeakMap<CellMesh, MeshBuffers>();

/**
 * A layer of cells coloured from bytes (see {@link CellLayer}), for `map.addLayer`. The
 * positions are Web Mercator: the layer draws on the map's default (Mercator) projection.
 *
 * @param id - the MapLibre layer id
 * @param mesh - the cells' triangles (`cellMesh`), shared with the load's other cell layers
 * @param options - initial opacity (default 1) and visibility (default shown)
 * @returns the layer; give it colours with `setColors` before or after adding it
 * @example
 * ```ts
 * const layer = cellLayer('hexreach-score', cellMesh(cells.features));
 * map.addLayer(layer);
 * layer.setColors(cellColors(cells.features.length, (i) => scale(score[i])));
 * ```
 */
export function cellLayer(
  id: string,
  mesh: CellMesh,
  options: { readonly opacity?: number; readonly visible?: boolean } = {},
): CellLayer {
  let map: MapLibreMap | undefined;
  const rows = Math.max(1, Math.ceil(mesh.cellCount / TEXTURE_WIDTH));
  // The colours as uploaded, padded to whole texture rows; the same bytes for every colouring.
  const colors = new Uint8Array(TEXTURE_WIDTH * rows * 4);
  let colorsChanged = true;
  let texture: WebGLTexture | null = null;
  // Whether the texture has its storage: later colourings replace its texels in place.
  let textureAllocated = false;
  let opacity = options.opacity ?? 1;
  let visible = options.visible ?? true;
  const matrix = new Float32Array(16);

  const layer: CellLayer = {
    id,
    type: 'custom',
    renderingMode: '2d',
    get visible() {
      return visible;
    },
    get opacity() {
      return opacity;
    },
    setColors(next) {
      if (next.length !== mesh.cellCount * 4) {
        throw new RangeError(
          `cellLayer ${id}: ${next.length} colour bytes for ${mesh.cellCount} cells (4 per cell)`,
        );
      }
      colors.set(next);
      colorsChanged = true;
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
      texture = gl.createTexture();
      textureAllocated = false;
      colorsChanged = true;
      const shared = meshBuffers.get(mesh);
      if (shared !== undefined && shared.gl === gl) shared.users++;
      else meshBuffers.set(mesh, uploadMesh(gl, mesh));
    },
    onRemove(_removed, gl) {
      map = undefined;
      gl.deleteTexture(texture);
      texture = null;
      const shared = meshBuffers.get(mesh);
      if (shared === undefined || shared.gl !== gl) return;
      shared.users--;
      if (shared.users > 0) return;
      gl.deleteVertexArray(shared.vao);
      for (const buffer of shared.buffers) gl.deleteBuffer(buffer);
      if (shared.raster) {
        gl.deleteTexture(shared.raster.texture);
        gl.deleteVertexArray(shared.raster.vao);
        gl.deleteBuffer(shared.raster.corners);
      }
      meshBuffers.delete(mesh);
    },
    prerender(gl) {
      // The raster is drawn into its own framebuffer before the frame (MapLibre restores its state).
      const shared = meshBuffers.get(mesh);
      if (!visible || shared === undefined || shared.gl !== gl || shared.raster !== undefined)
        return;
      shared.raster = drawRaster(gl, mesh, shared);
    },
    render(gl, input: CustomRenderMethodInput) {
      const shared = meshBuffers.get(mesh);
      if (!visible || opacity === 0 || shared === undefined || shared.gl !== gl) return;
      const raster = shared.raster;
      // The raster while its texels are no larger than the screen's pixels, else the triangles.
      const devicePixels = 512 * 2 ** (map?.getZoom() ?? 0) * (map?.getPixelRatio() ?? 1);
      const useRaster = raster != null && raster.frame.texel * devicePixels <= 1;
      const program = useRaster ? rasterProgramOf(gl) : programOf(gl);
      gl.useProgram(program.program);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, texture);
      if (colorsChanged) {
        uploadColors(gl, colors, rows, !textureAllocated);
        textureAllocated = true;
        colorsChanged = false;
      }
      gl.uniformMatrix4fv(
        program.matrix,
        false,
        originMatrix(input.defaultProjectionData.mainMatrix, mesh.origin, matrix),
      );
      gl.uniform1i(program.colors, 0);
      gl.uniform1f(program.opacity, opacity);
      if (useRaster) {
        const { frame } = raster;
        const rasterProgram = program as RasterProgram;
        gl.activeTexture(gl.TEXTURE1);
        gl.bindTexture(gl.TEXTURE_2D, raster.texture);
        gl.uniform1i(rasterProgram.ids, 1);
        gl.uniform2f(rasterProgram.min, frame.min[0], frame.min[1]);
        gl.uniform2f(rasterProgram.extent, frame.extent[0], frame.extent[1]);
        gl.uniform2i(rasterProgram.size, frame.columns, frame.rows);
        gl.bindVertexArray(raster.vao);
        gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
        gl.activeTexture(gl.TEXTURE0);
      } else {
        gl.bindVertexArray(shared.vao);
        gl.drawElements(gl.TRIANGLES, shared.indexCount, gl.UNSIGNED_INT, 0);
      }
      gl.bindVertexArray(null);
    },
  };
  return layer;
}

/**
 * Uploads the colours, already padded to whole rows, into the bound texture: its storage is
 * made once (`allocate`), then each colouring replaces the texels. Re-specifying the texture
 * with `texImage2D` each time makes ANGLE create a new image while the last frame may still
 * read the old one.
 */
function uploadColors(
  gl: WebGL2RenderingContext,
  colors: Uint8Array,
  rows: number,
  allocate: boolean,
): void {
  // MapLibre may leave these set for its own images; colours are plain bytes.
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
  gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  if (allocate) {
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, TEXTURE_WIDTH, rows);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  }
  gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, TEXTURE_WIDTH, rows, gl.RGBA, gl.UNSIGNED_BYTE, colors);
}

function uploadMesh(gl: WebGL2RenderingContext, mesh: CellMesh): MeshBuffers {
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  const positions = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, positions);
  gl.bufferData(gl.ARRAY_BUFFER, mesh.positions, gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  const cells = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, cells);
  gl.bufferData(gl.ARRAY_BUFFER, mesh.vertexCells, gl.STATIC_DRAW);
  gl.enableVertexAttribArray(1);
  gl.vertexAttribIPointer(1, 1, gl.UNSIGNED_INT, 0, 0);
  const indices = gl.createBuffer();
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices);
  gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, mesh.triangles, gl.STATIC_DRAW);
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, null);
  return {
    gl,
    vao,
    buffers: [positions, cells, indices],
    indexCount: mesh.triangles.length,
    raster: undefined,
    users: 1,
  };
}

/**
 * Draws the raster of the mesh's cells: each texel holds the index + 1 of the cell covering its
 * centre, 0 where none does (see `cellRasterFrame`). Null when the GPU cannot render into an
 * integer texture, or the mesh is empty: the layer then always draws the triangles.
 */
function drawRaster(
  gl: WebGL2RenderingContext,
  mesh: CellMesh,
  shared: MeshBuffers,
): CellRaster | null {
  const maxSize = Math.min(RASTER_MAX_SIZE, gl.getParameter(gl.MAX_TEXTURE_SIZE) as number);
  const frame = cellRasterFrame(mesh, maxSize);
  if (frame === undefined) return null;
  const texture = gl.createTexture();
  gl.activeTexture(gl.TEXTURE0);
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texStorage2D(gl.TEXTURE_2D, 1, gl.R32UI, frame.columns, frame.rows);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  const framebuffer = gl.createFramebuffer();
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
  if (gl.checkFramebufferStatus(gl.FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) {
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.deleteFramebuffer(framebuffer);
    gl.deleteTexture(texture);
    return null;
  }
  gl.viewport(0, 0, frame.columns, frame.rows);
  for (const capability of [
    gl.BLEND,
    gl.DEPTH_TEST,
    gl.STENCIL_TEST,
    gl.SCISSOR_TEST,
    gl.CULL_FACE,
  ])
    gl.disable(capability);
  gl.colorMask(true, true, true, true);
  gl.clearBufferuiv(gl.COLOR, 0, new Uint32Array(4));
  const program = idProgramOf(gl);
  gl.useProgram(program.program);
  gl.uniform2f(program.min, frame.min[0], frame.min[1]);
  gl.uniform2f(program.extent, frame.extent[0], frame.extent[1]);
  gl.bindVertexArray(shared.vao);
  gl.drawElements(gl.TRIANGLES, shared.indexCount, gl.UNSIGNED_INT, 0);
  gl.bindVertexArray(null);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.deleteFramebuffer(framebuffer);

  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  const corners = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, corners);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  return { frame, texture, vao, corners };
}

/** The program drawing the cells' indices into the raster. */
const idPrograms = new WeakMap<
  WebGL2RenderingContext,
  {
    readonly program: WebGLProgram;
    readonly min: WebGLUniformLocation | null;
    readonly extent: WebGLUniformLocation | null;
  }
>();

function idProgramOf(gl: WebGL2RenderingContext) {
  const known = idPrograms.get(gl);
  if (known !== undefined) return known;
  const program = compileProgram(gl, ID_VERTEX_SHADER, ID_FRAGMENT_SHADER, 'cellLayer raster');
  const made = {
    program,
    min: gl.getUniformLocation(program, 'u_min'),
    extent: gl.getUniformLocation(program, 'u_extent'),
  };
  idPrograms.set(gl, made);
  return made;
}

function rasterProgramOf(gl: WebGL2RenderingContext): RasterProgram {
  const known = rasterPrograms.get(gl);
  if (known !== undefined) return known;
  const program = compileProgram(gl, RASTER_VERTEX_SHADER, RASTER_FRAGMENT_SHADER, 'cellLayer');
  const made: RasterProgram = {
    program,
    matrix: gl.getUniformLocation(program, 'u_matrix'),
    colors: gl.getUniformLocation(program, 'u_colors'),
    opacity: gl.getUniformLocation(program, 'u_opacity'),
    min: gl.getUniformLocation(program, 'u_min'),
    extent: gl.getUniformLocation(program, 'u_extent'),
    ids: gl.getUniformLocation(program, 'u_ids'),
    size: gl.getUniformLocation(program, 'u_size'),
  };
  rasterPrograms.set(gl, made);
  return made;
}

function programOf(gl: WebGL2RenderingContext): Program {
  const known = programs.get(gl);
  if (known !== undefined) return known;
  const program = compileProgram(gl, VERTEX_SHADER, FRAGMENT_SHADER, 'cellLayer');
  const made: Program = {
    program,
    matrix: gl.getUniformLocation(program, 'u_matrix'),
    colors: gl.getUniformLocation(program, 'u_colors'),
    opacity: gl.getUniformLocation(program, 'u_opacity'),
  };
  programs.set(gl, made);
  return made;
}
