import { type AnalysisResult, buildSummary, type ReadResult, type Rejection } from '@hexreach/core';
import corePackage from '@hexreach/core/package.json';
import { createRejectionTally, type RejectionTally, type RunInputs } from '@hexreach/core/run';
import type { ParsedInputs } from './readRawInputs.js';

/**
 * The summary.json of an analysis in the browser: `@hexreach/core`'s `buildSummary`, the CLI's,
 * with every record the readers and the binning set aside tallied as the CLI tallies them.
 *
 * @param parsed - the inputs the analysis was made from
 * @param result - the analysis
 * @returns the summary, in the shape of the CLI's summary.json (without its `files` manifest)
 * @example
 * ```ts
 * const summaryText = JSON.stringify(summarizeRun(parsed, result));
 * ```
 */
export function summarizeRun(
  parsed: ParsedInputs,
  result: AnalysisResult,
): Record<string, unknown> {
  return buildSummary(result, runInputsOf(parsed, result), {
    version: corePackage.version,
    command: 'analyze (in the browser)',
  });
}

/**
 * The files read, as buildSummary takes them. The worker reads without rejection sinks, so the
 * records are in the read results' and binning's lists; their tallies come from those lists.
 */
function runInputsOf(parsed: ParsedInputs, result: AnalysisResult): RunInputs {
  const input = <T extends { readonly source: string }>(read: ReadResult<T>) => ({
    path: read.data.source,
    read,
    rejected: tallyOf(read.rejections),
  });
  const { incidents, organizations, surveys } = parsed;
  return {
    incidents: {
      ...input(incidents),
      // As in the CLI's tally: the reader's rejections, then binning's.
      rejected: tallyOf(incidents.rejections, result.binned.rejections),
      outside: tallyOf(result.binned.outside),
    },
    areas: input(parsed.areas),
    ...(organizations === undefined ? {} : { organizations: input(organizations) }),
    ...(surveys === undefined ? {} : { surveys: input(surveys) }),
  };
}

/** Lists of records, in order, as one tally. */
function tallyOf(...lists: readonly (readonly Rejection[])[]): RejectionTally {
  const tally = createRejectionTally();
  for (const list of lists) for (const rejection of list) tally.add(rejection);
  return tally;
}
