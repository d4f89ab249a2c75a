import { makeIdNumber } from '../../platform/domain/id-number';
import { DEMO_AREAS } from '../../subgraphs/households/demo/geography';
import type { DemoData } from '../../subgraphs/households/demo/rows';

export const REGISTER_HOUSEHOLD = 'mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }';

/** A new two-person household in Wenbi (Qiaojia) or in the resident group `areaCode`, for `registerHousehold`: `serial` keeps the ID numbers apart. */
export function newHouseholdInput(data: DemoData, registryNo: string, serial: number, names: [string, string], areaCode?: string) {
  const group = areaCode ?? data.areas.find((a) => a.level === 'GROUP' && a.code.startsWith(DEMO_AREAS.wenbi))!.code;
  const village = data.households.find((h) => h.county_code === DEMO_AREAS.qiaojia)!.original_area_code;
  return {
    registryNo, stationId: 'BAIHETAN', originalAreaCode: village, areaCode: group,
    relocationMode: 'URBANISATION', housingMode: 'UNIFIED', registeredOn: '2020-03-01',
    members: [
      { name: names[0], idNumber: makeIdNumber('530622', '1970-01-05', serial), ethnicity: '汉族', relation: 'HEAD', productionMode: 'ANNUAL_COMPENSATION' },
      { name: names[1], idNumber: makeIdNumber('530622', '1972-03-07', serial + 1), ethnicity: '汉族', relation: 'SPOUSE', productionMode: 'ANNUAL_COMPENSATION' },
    ],
  };
}
