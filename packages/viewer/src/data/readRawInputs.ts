import { parseConfig, readInputs } from '@hexreach/core';
import { organizationsToFeatureCollection } from '@hexreach/core/export';
import type { InputRole, InputsRead } from '@hexreach/core/run';
import { blobSource } from './blobSource.js';

/** One input file: its name (for messages) and its bytes. */
export interface RawFile {
  readonly name: string;
  readonly data: Blob;
}

/** The raw inputs of an analysis in the browser, as `hexreach analyze` takes them. */
export interface RawInputs {
  readonly incidents: RawFile;
  readonly areas: RawFile;
  readonly organizations?: RawFile;
  /** Community survey answers (CSV); scored when the configuration names `trust.answer`. */
  readonly surveys?: RawFile;
  /** Named places (community areas, wards…) that name the zones; else the areas' names, if any. */
  readonly places?: RawFile;
  /** The zones of an evaluation (GeoJSON with a `start` each): evaluated instead of analysed. */
  readonly zones?: RawFile;
  /** The engagement log of an evaluation (CSV). */
  readonly engagement?: RawFile;
  /** A parsed `hexreach.config.json` (its input paths are not used: the files are given). */
  readonly config?: { readonly name: string; readonly value: unknown };
}

/** Inputs read into columns, kept so that a change of weights does not read them again. */
export interface ParsedInputs extends InputsRead {
  /** The organization file as given, which the page draws the partners from. */
  readonly organizationsText: string | undefined;
}

/** Reports a step: its label and the share of the whole job done (0…1). */
export type ProgressListener = (label: string, fraction: number) => void;

/** The share of the whole job done as each file starts to be read. */
const READ_STARTS: Readonly<Record<InputRole, number>> = {
  incidents: 0.02,
  areas: 0.45,
  organizations: 0.5,
  surveys: 0.52,
  places: 0.54,
};

/**
 * Reads raw inputs with `@hexreach/core`'s `readInputs`, the reading `hexreach analyze` does —
 * the configuration validated, incidents from CSV (streamed from the Blob) or GeoJSON, areas with
 * the population attribute configured or detected and every attribute and indicator the
 * configuration names, organizations with their configured properties, survey answers when the
 * configuration names the answer column (`trust.answer`). Runs in the analysis worker.
 *
 * @param inputs - the files and optional configuration
 * @param onProgress - called as steps start and as incident rows are read
 * @returns the parsed inputs
 * @throws HexreachError naming the file and the problem (invalid JSON with line and column, no
 *   coordinate columns, an invalid configuration naming the path, no usable area)
 * @example
 * ```ts
 * const parsed = await readRawInputs({ incidents: { name: 'incidents.csv', data: file }, areas: { name: 'tracts.geojson', data: tracts } });
 * ```
 */
export async function readRawInputs(
  inputs: RawInputs,
  onProgress: ProgressListener = () => {},
): Promise<ParsedInputs> {
  const config = parseConfig(inputs.config?.value ?? {}, inputs.config?.name ?? 'configuration');
  const { incidents, areas, organizations, surveys, places } = inputs;
  const source = (file: RawFile) => blobSource(file.name, file.data);
  const read = await readInputs(
    {
      incidents: source(incidents),
      areas: source(areas),
      ...(organizations === undefined ? {} : { organizations: source(organizations) }),
      ...(surveys === undefined ? {} : { surveys: source(surveys) }),
      ...(places === undefined ? {} : { places: source(places) }),
    },
    config,
    {
      onStart: (role, name) => onProgress(`Reading ${name}`, READ_STARTS[role]),
      onRows: (rows) =>
        onProgress(`Reading ${incidents.name}: ${rows.toLocaleString('en-US')} rows`, 0.05),
    },
  );
  // Read again rather than kept by the reading: a few kilobytes, and only the page needs it.
  // A shapefile or Parquet file is drawn from what was read, as the CLI writes it.
  const organizationsText =
    organizations === undefined
      ? undefined
      : /\.(geo)?json$/i.test(organizations.name)
        ? await organizations.data.text()
        : read.organizations === undefined
          ? undefined
          : JSON.stringify(organizationsToFeatureCollection(read.organizations.data));
  return { ...read, organizationsText };
}
