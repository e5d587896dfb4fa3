/**
 * Child process of `peakMemory.ts`: runs the hexreach CLI with the arguments it is given, its
 * own output dropped, then prints the run's wall time and the process's maxRSS as one JSON line.
 */
const start = performance.now();
process.argv = [process.argv[0], 'hexreach', ...process.argv.slice(2)];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (() => true) as typeof process.stdout.write;
process.on('exit', () => {
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  write(`${JSON.stringify({ ms: performance.now() - start, maxRssBytes })}\n`);
});
await import('../src/cli/main.js');
