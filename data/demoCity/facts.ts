import { CORRIDORS } from './corridors.js';
import { CENTRE_LAT, CENTRE_LNG, toLngLat } from './degrees.js';
import { OUTSIDE_INCIDENTS } from './design.js';
import { DISTRICTS } from './districts.js';
import { HOTSPOTS } from './hotspots.js';
import type { IncidentDraw } from './incidents.js';
import { MARKUP_PROBE_NAME, type Organization } from './organizations.js';
import type { SurveyDraw } from './surveys.js';
import type { TractPlan } from './tractShapes.js';
import type { TractRecord } from './tracts.js';

/** What was planted in the demo city, so tests and the README can check and describe it. */
export interface DemoCityFacts {
  /** The seed the city was drawn with. */
  readonly seed: number;
  /** Centre of the city, `[lng, lat]`. */
  readonly centre: readonly [number, number];
  /** Number of tracts (features of tracts.geojson). */
  readonly tractCount: number;
  /** Sum of tract populations. */
  readonly population: number;
  /** The disadvantaged districts, each with the tracts whose design need index is ≥ 0.5. */
  readonly districts: readonly {
    readonly name: string;
    /** `[lng, lat]`. */
    readonly centre: readonly [number, number];
    /** Standard deviation of the district's Gaussian need bump. */
    readonly radiusMeters: number;
    /** Whether a crime hotspot coincides with the district. */
    readonly hasHotspot: boolean;
    readonly tractIds: readonly string[];
  }[];
  /** Gaussian blobs of incidents. */
  readonly hotspots: readonly {
    readonly name: string;
    /** `[lng, lat]`. */
    readonly centre: readonly [number, number];
    /** Standard deviation along the longer axis. */
    readonly sigmaMeters: number;
    /** Incidents drawn from the blob over both years. */
    readonly incidents: number;
    /** `steady` in both years, `emerging` only in 2024 and growing, `fading` gone by April 2024. */
    readonly activity: 'steady' | 'emerging' | 'fading';
    /** Whether the hotspot lies in a disadvantaged district (hotspot with need). */
    readonly withNeed: boolean;
    /** Its three most frequent categories, most frequent first. */
    readonly categories: readonly string[];
  }[];
  /** Street segments with incidents spread about 100 m either side. */
  readonly corridors: readonly {
    readonly name: string;
    /** `[lng, lat]`. */
    readonly from: readonly [number, number];
    /** `[lng, lat]`. */
    readonly to: readonly [number, number];
    readonly incidents: number;
  }[];
  /** Incidents spread over tracts in proportion to population. */
  readonly backgroundIncidents: number;
  /** Incidents placed 0.5–1.2 km outside the city boundary (outside every tract). */
  readonly outsideIncidents: number;
  /** Data rows of incidents.csv (the header not counted), bad rows included. */
  readonly incidentRows: number;
  /** The deliberately broken rows, in row order. */
  readonly badRows: readonly {
    /** 1-based data row, equal to the row's id. */
    readonly row: number;
    /** What is wrong, in words. */
    readonly problem: string;
    /** The hexreach rejection reason expected for it. */
    readonly reason: string;
  }[];
  /** Incident categories, sorted. */
  readonly categories: readonly string[];
  /** The uninhabited park tract (population 0, every rate null). */
  readonly parkTractId: string;
  /** The tract with the park as a hole. */
  readonly parkHostTractId: string;
  /** The MultiPolygon tract with a part on each side of the river. */
  readonly riverSpanTractId: string;
  /** Populated tracts whose median income (and its margin of error) is null. */
  readonly missingIncomeTractIds: readonly string[];
  /** Number of organizations. */
  readonly organizationCount: number;
  /** Number of organizations of each type. */
  readonly organizationsByType: Readonly<Record<string, number>>;
  /** Name of the organization whose name is an HTML injection probe. */
  readonly markupProbeName: string;
  /** Number of survey answers. */
  readonly surveyCount: number;
  /** Populated tracts with fewer than 3 survey answers. */
  readonly sparseSurveyTractIds: readonly string[];
}

/** What a drawn city is made of, from which {@link cityFacts} reads the facts. */
export interface DrawnCity {
  readonly seed: number;
  readonly tracts: readonly TractRecord[];
  readonly incidents: IncidentDraw;
  readonly organizations: readonly Organization[];
  readonly surveys: SurveyDraw;
}

function plantedFacts(tracts: readonly TractRecord[], incidents: IncidentDraw) {
  return {
    districts: DISTRICTS.map((d, k) => ({
      name: d.name,
      centre: toLngLat([d.x, d.y]),
      radiusMeters: Math.round(d.sigmaKm * 1000),
      hasHotspot: d.hotspot,
      tractIds: tracts.filter((t) => t.need >= 0.5 && t.district === k).map((t) => t.id),
    })),
    hotspots: HOTSPOTS.map((h, k) => ({
      name: h.name,
      centre: toLngLat([h.x, h.y]),
      sigmaMeters: Math.round(Math.max(h.sigmaXKm, h.sigmaYKm) * 1000),
      incidents: incidents.hotspotCounts[k],
      activity: h.activity,
      withNeed: h.withNeed,
      categories: Object.entries(h.mix)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name]) => name),
    })),
    corridors: CORRIDORS.map((c, k) => ({
      name: c.name,
      from: toLngLat(c.from),
      to: toLngLat(c.to),
      incidents: incidents.corridorCounts[k],
    })),
  };
}

/** The facts planted in a drawn city, for the tests and the README. */
export function cityFacts({
  seed,
  tracts,
  incidents,
  organizations,
  surveys,
}: DrawnCity): DemoCityFacts {
  const idOf = (kind: TractPlan['kind']) => tracts.find((t) => t.plan.kind === kind)!.id;
  const orgsByType: Record<string, number> = {};
  for (const o of organizations) orgsByType[o.type] = (orgsByType[o.type] ?? 0) + 1;
  return {
    seed,
    centre: [CENTRE_LNG, CENTRE_LAT],
    tractCount: tracts.length,
    population: tracts.reduce((sum, t) => sum + t.population, 0),
    ...plantedFacts(tracts, incidents),
    backgroundIncidents: incidents.backgroundCount,
    outsideIncidents: OUTSIDE_INCIDENTS,
    incidentRows: incidents.rows.length,
    badRows: incidents.badRows,
    categories: incidents.categories,
    parkTractId: idOf('park'),
    parkHostTractId: idOf('park-host'),
    riverSpanTractId: idOf('river-span'),
    missingIncomeTractIds: tracts
      .filter((t) => t.population > 0 && t.properties.median_income === null)
      .map((t) => t.id),
    organizationCount: organizations.length,
    organizationsByType: orgsByType,
    markupProbeName: MARKUP_PROBE_NAME,
    surveyCount: surveys.rows.length,
    sparseSurveyTractIds: tracts
      .filter((t, i) => t.population > 0 && surveys.responsesByTract[i] < 3)
      .map((t) => t.id),
  };
}
