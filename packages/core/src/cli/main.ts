#!/usr/bin/env node
import { createRequire } from 'node:module';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { HexreachError } from '../errors.js';
import { runAnalyze } from './runAnalyze.js';
import { runEvaluate } from './runEvaluate.js';
import { runView } from './runView.js';

/** Exit codes: 0 success, 1 bad input (files, records, configuration), 2 wrong usage. */
const EXIT_INPUT = 1;
const EXIT_USAGE = 2;

const version: string = createRequire(import.meta.url)('../../package.json').version;

function integer(name: string, min: number, max: number) {
  return (text: string): number => {
    // Decimal digits only: Number() would also take 0x10, 1e1 or an empty string (0).
    const value = /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return value;
  };
}

function positiveNumber(name: string, max: number) {
  return (text: string): number => {
    // A plain decimal only: Number() would also take 0x10 or an empty string (0).
    const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
    if (!(value > 0 && value <= max)) {
      throw new InvalidArgumentError(`${name} must be a number above 0 and at most ${max}.`);
    }
    return value;
  };
}

const program = new Command()
  .name('hexreach')
  .description('Crime hotspots, need and partner access over H3 hexagons, for community outreach.')
  .version(version, '-v, --version')
  .exitOverride()
  .showHelpAfterError('(run hexreach --help for usage)');

program
  .command('analyze')
  .description('Analyse incidents and area polygons; write the results into the output folder.')
  .option('-c, --config <file>', 'hexreach.config.json (paths in it are relative to it)')
  .option(
    '-i, --incidents <file>',
    'incident points: CSV (streamed) or GeoJSON FeatureCollection of Points',
  )
  .option(
    '--cells <file>',
    'or cell aggregates in place of incidents: CSV of h3, count, optional category and period (binned in a warehouse)',
  )
  .option('-a, --areas <file>', 'area polygons (census tracts) as GeoJSON with numeric attributes')
  .option('-g, --organizations <file>', 'organization points (name, type) as GeoJSON')
  .option(
    '-u, --surveys <file>',
    'community survey answers (CSV): locations and Likert answers; needs trust.answer in the config',
  )
  .option(
    '--places <file>',
    'named places (community areas, wards…) as GeoJSON polygons: zones are named by them',
  )
  .option(
    '-r, --resolution <n>',
    'H3 resolution of the cells, 6–11 (default 8)',
    integer('resolution', 6, 11),
  )
  .option(
    '-p, --population <attribute>',
    'area attribute holding residents (detected when omitted)',
  )
  .option(
    '-o, --out <dir>',
    "output folder (default: the config's output.dir, out unless set, relative to the config file; without --config, out)",
  )
  .option(
    '--max-cells <n>',
    'the most cells the study area may need at the resolution (default 2,000,000)',
    integer('max-cells', 1, 1_000_000_000),
  )
  .option('--strict', 'fail when any record is rejected')
  .option('--seed <n>', 'seed of random draws (default 1)', integer('seed', 0, 2 ** 31 - 1))
  .option(
    '-s, --stat <list>',
    'statistics besides Gi*, comma-separated: gistar (always), lisa, kde, emerging, change (default gistar)',
  )
  .option(
    '--public',
    'public export, ε-differentially private: noisy counts, no rejected.csv, no record details',
  )
  .option(
    '--epsilon <e>',
    'privacy budget ε of a public export (default 1; smaller: more noise)',
    positiveNumber('epsilon', 100),
  )
  .option(
    '--min-count <k>',
    'smallest incident count shown in a public export (default 5)',
    integer('min-count', 2, 1000),
  )
  .option('-q, --quiet', 'no progress on stderr')
  // Every file writeOutputs can write, so that a user knows what a run leaves in the folder.
  .addHelpText(
    'after',
    `
Files written into the output folder:
  cells.geojson, zones.geojson, zones.csv, summary.json, report.html, report.md
  spacetime.json         with emerging hot spots (--stat emerging or statistics)
  organizations.geojson  with organizations (--organizations or inputs.organizations)
  rejected.csv           unless --public`,
  )
  .action(async (options) => {
    await runAnalyze(options, version);
  });

program
  .command('evaluate')
  .description(
    'Did the outreach help? Crime change against matched areas, displacement, trust and engagement per zone.',
  )
  .option(
    '-c, --config <file>',
    'hexreach.config.json (its evaluation section; paths relative to it)',
  )
  .option('-i, --incidents <file>', 'incident points with dates: CSV (streamed) or GeoJSON')
  .option('-a, --areas <file>', 'area polygons (census tracts) as GeoJSON, for population and need')
  .option('-z, --zones <file>', 'the zones worked in: zones.geojson of analyze, or any polygons')
  .option('--start <date>', 'start of the work, for zones without a "start" property (ISO date)')
  .option('--end <date>', 'end of the work, for zones without an "end" property (ISO date)')
  .option(
    '-e, --engagement <file>',
    'engagement log (CSV): date, coordinates or zone, kind, attendance, partner',
  )
  .option(
    '-u, --surveys <file>',
    'survey answers with dates (CSV), for the trust change; needs trust.answer',
  )
  .option(
    '-r, --resolution <n>',
    'H3 resolution of the cells, 6–11 (default 8)',
    integer('resolution', 6, 11),
  )
  .option(
    '-p, --population <attribute>',
    'area attribute holding residents (detected when omitted)',
  )
  .option(
    '-w, --window <months>',
    'months before and after the start (default: up to 12)',
    integer('window', 1, 120),
  )
  .option('--placebos <n>', 'placebo zones per zone (default 999)', integer('placebos', 19, 99_999))
  .option(
    '-o, --out <dir>',
    "output folder (default: the config's evaluation.out, evaluation unless set, relative to the config file)",
  )
  .option('--seed <n>', 'seed of the placebo draws (default 1)', integer('seed', 0, 2 ** 31 - 1))
  .option('--public', 'public output: counts with differential-privacy noise, no rejected.csv')
  .option(
    '--epsilon <e>',
    'privacy budget ε of a public output (default 1)',
    positiveNumber('epsilon', 100),
  )
  .option('--strict', 'fail when any record is rejected')
  .option('-q, --quiet', 'no progress on stderr')
  .addHelpText(
    'after',
    `
Files written into the output folder:
  evaluation.json, evaluation.csv, report.html, report.md
  rejected.csv           unless --public`,
  )
  .action(async (options) => {
    await runEvaluate(options, version);
  });

program
  .command('view')
  .description(
    'Serve the map viewer with the results of a run (cells.geojson, zones.geojson, summary.json) on 127.0.0.1.',
  )
  .argument('[dir]', 'the results folder of hexreach analyze', 'out')
  .option('--port <n>', 'port (default: any free port)', integer('port', 0, 65535))
  .option('--host <address>', 'address to listen on (default 127.0.0.1: this machine only)')
  .option(
    '--basemap <file>',
    'a PMTiles archive (e.g. cut with "pmtiles extract") drawn as the basemap, offline',
  )
  .action(async (dir: string, options: { port?: number; host?: string; basemap?: string }) => {
    await runView(dir, options);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed help, the version or the usage error.
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof HexreachError) {
    process.stderr.write(`hexreach: ${error.message}\n`);
    return error.code === 'E_ARGUMENT' ? EXIT_USAGE : EXIT_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`hexreach: ${message}\n`);
  if (process.env.HEXREACH_DEBUG !== undefined && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('hexreach: (set HEXREACH_DEBUG=1 for the stack trace)\n');
  return EXIT_INPUT;
}
