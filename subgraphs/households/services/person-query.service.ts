import { paginate, type Page, type PageArgs } from '../../../platform/graphql/pagination';
import { likePrefix } from '../../../platform/db/raw-sql';
import { applyAreaFilter } from '../../../platform/security/scope';
import { idNumberForms, parseIdNumber } from '../../../platform/domain/id-number';
import { Household } from '../entities/household.entity';
import type { Person } from '../entities/person.entity';
import { PersonStatus, VulnerabilityFlag } from '../households.enums';
import type { HouseholdsContext } from '../households.context';
import { scopedPersons } from '../households.loaders';
import type { PersonFilter } from '../inputs/filters.input';
import { checkStation } from '../../../platform/domain/stations';
import { forbidden } from '../../../platform/graphql/errors';
import { seesValueInFull } from '../../../platform/security/sensitive';

export const FLAG_COLUMNS: Record<VulnerabilityFlag, string> = {
  [VulnerabilityFlag.LEFT_BEHIND_ELDERLY]: 'p.left_behind_elderly',
  [VulnerabilityFlag.LEFT_BEHIND_CHILD]: 'p.left_behind_child',
  [VulnerabilityFlag.DISABLED]: 'p.disabled',
  [VulnerabilityFlag.MINIMUM_LIVING_ALLOWANCE]: 'p.minimum_living_allowance',
};

export async function listPersons(ctx: HouseholdsContext, filter: PersonFilter | undefined, page: PageArgs): Promise<Page<Person>> {
  const qb = scopedPersons(ctx.reads, ctx.scope);
  if (!filter?.includeRemoved) qb.andWhere('p.status = :active', { active: PersonStatus.ACTIVE });
  if (filter?.areaCode) applyAreaFilter(ctx.scope, qb, 'p.area_code', filter.areaCode, 'filter.areaCode');
  if (filter?.productionMode) qb.andWhere('p.production_mode = :production', { production: filter.productionMode });
  if (filter?.vulnerability) qb.andWhere(`${FLAG_COLUMNS[filter.vulnerability]} = TRUE`);
  if (filter?.stationId || filter?.relocationMode) {
    qb.innerJoin(Household, 'h', 'h.id = p.household_id');
    if (filter.stationId) {
      checkStation(filter.stationId, 'filter.stationId');
      qb.andWhere('h.station_id = :station', { station: filter.stationId });
    }
    if (filter.relocationMode) qb.andWhere('h.relocation_mode = :relocation', { relocation: filter.relocationMode });
  }
  const search = filter?.search?.trim();
  if (search) {
    const id = parseIdNumber(search);
    // finding a person by a full number would let a caller test candidate numbers one by one:
    // only callers who see ID numbers in full may (docs/privacy.md)
    if (id.ok && !seesValueInFull(ctx.identity, 'ID_NUMBER')) {
      throw forbidden('您的角色不能按身份证号查询人员（filter.search）', 'Your role may not find persons by ID number (filter.search)');
    }
    if (id.ok) qb.andWhere('p.id_number IN (:...idNumbers)', { idNumbers: idNumberForms(id.value.normalized) }); // either form finds the person
    else qb.andWhere('p.name LIKE :name', { name: likePrefix(search) });
  }
  return paginate(qb, { column: 'p.id', key: (p) => p.id }, page);
}
