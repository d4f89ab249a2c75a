import { lookupPersons, registryProblem, type PersonFact } from '../../../platform/events/registry-lookup';
import type { EntityManager } from 'typeorm';
import { existingKeys } from '../../../platform/graphql/loaders';
import type { Scope } from '../../../platform/security/scope';
import { EnrolmentStatus, LabourStatus, PlacementType, SelfEmploymentKind } from '../employment.enums';
import { LabourStatusRecord } from '../entities/labour-status.entity';
import { schemaName } from '../../../platform/db/data-source';

/** Chinese labels of the enums, as county clerks write them (the sheets show these; codes are accepted too). */
export const LABELS = {
  labourStatus: {
    [LabourStatus.EMPLOYED]: '已就业',
    [LabourStatus.UNEMPLOYED_SEEKING]: '未就业',
    [LabourStatus.STUDENT]: '在校学生',
    [LabourStatus.DISABLED]: '丧失劳动能力',
    [LabourStatus.CARING]: '照料家庭',
    [LabourStatus.RETIRED]: '退休',
  },
  placementType: {
    [PlacementType.LOCAL_ENTERPRISE]: '本地企业就业',
    [PlacementType.ASSISTANCE_WORKSHOP]: '帮扶车间就业',
    [PlacementType.PUBLIC_WELFARE_POST]: '公益性岗位',
    [PlacementType.LABOUR_EXPORT]: '劳务输出',
    [PlacementType.SELF_EMPLOYED]: '自主创业',
  },
  selfEmployment: {
    [SelfEmploymentKind.RESTAURANT]: '餐饮',
    [SelfEmploymentKind.BED_AND_BREAKFAST]: '民宿',
    [SelfEmploymentKind.E_COMMERCE]: '电商直播',
    [SelfEmploymentKind.SHOP]: '商店',
    [SelfEmploymentKind.TRANSPORT]: '运输',
    [SelfEmploymentKind.OTHER]: '其他',
  },
  enrolmentStatus: {
    [EnrolmentStatus.ENROLLED]: '已报名',
    [EnrolmentStatus.COMPLETED]: '已结业',
    [EnrolmentStatus.DROPPED]: '中途退出',
  },
};

/** A sheet's column header by key. */

export interface PersonRecord {
  id: string;
  person_id: string;
  household_id: string;
  area_code: string;
  county_code: string;
  verified_on: string;
}

/**
 * The labour-status records of the chunk's persons (placements and enrolments copy the person's
 * household and area from it), and which of the others exist outside the jurisdiction.
 */
export async function personRecords(manager: EntityManager, scope: Scope, personIds: string[]): Promise<{ recordOf: Map<string, PersonRecord>; hidden: Set<string>; registry: Map<string, PersonFact> }> {
  const schema = schemaName(manager.connection);
  const ids = [...new Set(personIds)];
  const registry = await lookupPersons(manager, scope, ids);
  const rows: PersonRecord[] = await manager.query(
    `SELECT id, person_id, household_id, area_code, county_code, verified_on FROM "${schema}".labour_status WHERE person_id = ANY($1::uuid[])`, [ids]);
  const recordOf = new Map(rows.map((r) => [r.person_id, r]));
  const hidden = new Set(await existingKeys(manager, LabourStatusRecord, 'person_id', true)(ids.filter((id) => !recordOf.has(id))));
  return { recordOf, hidden, registry };
}

/**
 * Why a row about a person cannot be imported: unknown to the registry, removed from it or held
 * by another county (this subgraph's projection of the registry), no labour-status record (as
 * placements and enrolments refuse it), or a record outside the jurisdiction. Undefined when the
 * person is fine.
 */
export function personProblem(scope: Scope, personId: string, records: { recordOf: Map<string, PersonRecord>; hidden: Set<string>; registry: Map<string, PersonFact> }): { zh: string; en: string } | undefined {
  const refused = registryProblem('person', records.registry.get(personId)?.state ?? 'unknown');
  if (refused) return { zh: `人员 ${personId}：${refused[0]}，不能导入`, en: `Person ${personId}: ${refused[1]}; it cannot be imported` };
  const record = records.recordOf.get(personId);
  if (records.hidden.has(personId) || (record && !scope.covers(record.area_code))) {
    return { zh: `人员 ${personId} 属于其他县（区、市），不在您的管辖范围内，不能导入`, en: `Person ${personId} belongs to another county, outside your jurisdiction: you cannot import it` };
  }
  if (!record) return { zh: '该人员尚无劳动力状态记录，请先登记劳动力状态核查（导入劳动力状况表）', en: 'This person has no labour-status record yet: record a labour-status check first (the labour-status sheet)' };
  return undefined;
}

/** The schema of the manager's data source. */
