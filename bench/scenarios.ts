import { makeIdNumber } from '../platform/domain/id-number';

/** What a scenario sends: a GraphQL body per request (varied where the scenario needs it). */
export interface Scenario {
  name: string;
  description: string;
  /** A subgraph that answers the scenario alone (a write is sent to it directly as it is; reads are replayed from what the gateway sent). */
  direct?: string;
  /** How many different bodies it cycles through (request i sends variant i % variants). */
  variants: number;
  body(i: number): { query: string; variables?: Record<string, unknown> };
}

export interface Samples {
  idNumbers: string[];
  wenbi: string;
  /** Every community (12-digit code) households are resettled in, across the prefecture. */
  communities: string[];
  wenbiGroup: string;
  village: string;
}

/** Persons looked up in turn (each one's subgraph requests are recorded for the direct runs). */
const LOOKUP_VARIANTS = 100;

/** 50 households of a community down through all four subgraphs. */
const DEEP = `query Deep($area: String!) { households(first: 50, filter: { areaCode: $area }) { nodes {
  registryNo relocationMode head { name phone }
  allocations { allocatedArea occupancyStatus flat { number site { name } } }
  gridUnit { name } pairedCadres { name workUnit }
  members { name idNumber sex age relation labourStatus { status } currentPlacement { type monthlyWage } } } } }`;

export function scenarios(samples: Samples): Scenario[] {
  return [
    {
      name: 'deep',
      description: '50 households of one community: members, allocated flat, labour status and placement, grid unit and paired cadres (all four subgraphs)',
      variants: 1,
      body: () => ({ query: DEEP, variables: { area: samples.wenbi } }),
    },
    {
      name: 'deep-communities',
      description: 'deep, each request for the next of the prefecture\'s communities in turn (distinct requests: merging identical ones in flight helps no gateway)',
      variants: samples.communities.length,
      body: (i) => ({ query: DEEP, variables: { area: samples.communities[i % samples.communities.length] } }),
    },
    {
      name: 'lookup',
      description: 'one person by ID number with the household and its members',
      direct: 'households',
      variants: Math.min(LOOKUP_VARIANTS, samples.idNumbers.length),
      body: (i) => ({
        query: `query Lookup($id: String!) { persons(first: 1, filter: { search: $id }) { nodes {
          name idNumber household { registryNo head { name } members { name relation } } } } }`,
        variables: { id: samples.idNumbers[i % Math.min(LOOKUP_VARIANTS, samples.idNumbers.length)] },
      }),
    },
    {
      name: 'aggregate',
      description: 'prefecture statistics by county × relocation mode, and one community\'s indicators from every subgraph',
      variants: 1,
      body: () => ({
        query: `query Aggregate($community: String!) {
          householdStatistics(groupBy: [COUNTY, RELOCATION_MODE]) { rows { county { name } relocationMode households persons suppressed } total { households persons } }
          area(code: $community) { name inventory { floodedLandMu originalFloorArea flats }
            employmentIndicators(year: 2023) { employmentRate meanPerCapitaNetIncome }
            governanceStats { overdueCases casesByStatus { status count } } } }`,
        variables: { community: samples.wenbi },
      }),
    },
    {
      name: 'write',
      description: 'register a household with three members',
      direct: 'households',
      variants: Infinity,
      body: (i) => {
        const day = new Date(Date.UTC(2025, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
        const seq = Math.floor(i / 300) * 3;
        const member = (relation: string, name: string, birth: string, s: number) => ({
          name, idNumber: makeIdNumber('530622', birth, s), ethnicity: '汉族', relation, productionMode: 'ANNUAL_COMPENSATION',
        });
        return {
          query: 'mutation Write($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
          variables: {
            input: {
              registryNo: `BENCH-${process.pid}-${i}`,
              stationId: 'BAIHETAN', originalAreaCode: samples.village, areaCode: samples.wenbiGroup,
              relocationMode: 'URBANISATION', housingMode: 'UNIFIED', registeredOn: '2025-01-01',
              members: [
                member('HEAD', '王建国', day, (seq % 999) + 1),
                member('SPOUSE', '李秀兰', day, (seq % 999) + 2),
                member('CHILD', '王小红', day, (seq % 999) + 3),
              ],
            },
          },
        };
      },
    },
  ];
}
