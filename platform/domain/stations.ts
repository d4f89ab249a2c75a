import { badInput } from '../graphql/errors';

/**
 * The three power stations (owned by the households subgraph). Other subgraphs store a
 * station id on their rows and check it against this list.
 */
export const STATION_IDS = ['BAIHETAN', 'XILUODU', 'XIANGJIABA'];

/** The stations as registry sheets name them (codes accepted too). */
export const STATION_LABELS: Record<string, string> = { BAIHETAN: '白鹤滩', XILUODU: '溪洛渡', XIANGJIABA: '向家坝' };

export function isStationId(value: string): boolean {
  return STATION_IDS.includes(value);
}

/** The problem a bad station id is reported with (Chinese, English). */
export function stationProblem(field: string) {
  return { field, zh: `电站须为 ${STATION_IDS.join('、')} 之一`, en: `stationId must be one of ${STATION_IDS.join(', ')}` };
}

/** A station filter argument: BAD_USER_INPUT unless it names one of the three stations. */
export function checkStation(stationId: string, field: string): void {
  if (!isStationId(stationId)) throw badInput([stationProblem(field)]);
}
