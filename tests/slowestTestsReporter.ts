import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * A vitest reporter that prints, after the default one, where the run's time went — the ten
 * slowest tests and the five slowest files (collection and hooks included) — and then one plain
 * closing line, `vitest: N passed, N failed, N skipped`, naming the files that failed before any
 * of their tests ran.
 */
export default class SlowestTestsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const name = (module: TestModule) => relative(process.cwd(), module.moduleId);
    const tests = testModules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({
        label: `${name(module)} > ${test.fullName}`,
        ms: test.diagnostic()?.duration ?? 0,
        state: test.result().state,
      })),
    );
    const files = testModules.map((module) => {
      const d = module.diagnostic();
      return { label: name(module), ms: d.collectDuration + d.setupDuration + d.duration };
    });
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
    const lines = ['', 'Slowest tests:'];
    for (const t of [...tests].sort((a, b) => b.ms - a.ms).slice(0, 10))
      lines.push(`  ${seconds(t.ms)}  ${t.label}`);
    lines.push('Slowest files (collection, hooks and tests):');
    for (const f of [...files].sort((a, b) => b.ms - a.ms).slice(0, 5))
      lines.push(`  ${seconds(f.ms)}  ${f.label}`);
    const count = (state: string) => tests.filter((t) => t.state === state).length;
    // A file that fails before its tests run (an import or a top-level throw) has no tests to count.
    const unloaded = testModules
      .filter(
        (module) => module.state() === 'failed' && [...module.children.allTests()].length === 0,
      )
      .map(name);
    lines.push(
      '',
      `vitest: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped${unloaded.length > 0 ? `; failed before their tests ran: ${unloaded.join(', ')}` : ''}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
