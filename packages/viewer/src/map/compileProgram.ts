/**
 * Compiles and links a WebGL 2 program for the viewer's own map layers, with a readable error.
 *
 * @param gl - the map's context
 * @param vertexSource - GLSL ES 3.00 vertex shader
 * @param fragmentSource - GLSL ES 3.00 fragment shader
 * @param name - the layer kind, for error messages
 * @returns the linked program
 * @throws Error with the compiler's or linker's log
 * @example
 * ```ts
 * const program = compileProgram(gl, VERTEX_SHADER, FRAGMENT_SHADER, 'cellLayer');
 * ```
 */
export function compileProgram(
  gl: WebGL2RenderingContext,
  vertexSource: string,
  fragmentSource: string,
  name: string,
): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertexSource],
    [gl.FRAGMENT_SHADER, fragmentSource],
  ] as const) {
    const shader = gl.createShader(type);
    if (shader === null) throw new Error(`${name}: WebGL could not create a shader`);
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (gl.getShaderParameter(shader, gl.COMPILE_STATUS) !== true) {
      throw new Error(`${name}: shader does not compile: ${gl.getShaderInfoLog(shader)}`);
    }
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (gl.getProgramParameter(program, gl.LINK_STATUS) !== true) {
    throw new Error(`${name}: program does not link: ${gl.getProgramInfoLog(program)}`);
  }
  return program;
}
