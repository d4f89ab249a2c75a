import { randomUUID } from 'node:crypto';
import { Problems } from '../../../platform/graphql/errors';
import { inTransaction } from '../../../platform/db/transaction';
import { checkName, checkText } from '../../../platform/graphql/validation';
import type { EmploymentContext } from '../employment.context';
import { Employer } from '../entities/employer.entity';
import type { CreateEmployerInput } from '../inputs/records.input';
import { checkAreaCode, requireInScope } from './employment.validation';
import { countyOf } from '../../../platform/domain/area-code';

export async function createEmployer(ctx: EmploymentContext, input: CreateEmployerInput): Promise<Employer> {
  const problems = new Problems();
  checkName(problems, 'input.name', input.name, '名称', 64);
  checkText(problems, 'input.sector', input.sector, '行业', 32);
  checkName(problems, 'input.contactName', input.contactName, '联系人', 32, false);
  const areaCode = checkAreaCode(problems, 'input.areaCode', input.areaCode);
  const phone = input.contactPhone?.trim() || null;
  if (phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) problems.add('input.contactPhone', '联系电话须为手机号或带区号的固定电话', 'contactPhone must be a mobile number or a landline with its area code');
  problems.throwIfAny();
  requireInScope(ctx, areaCode, '所在区划超出您的管辖范围', 'areaCode is outside your jurisdiction');
  return inTransaction(ctx, async (manager) => {
    const row = {
      id: randomUUID(), name: input.name.trim(), kind: input.kind, sector: input.sector.trim(), areaCode, countyCode: countyOf(areaCode),
      contactName: input.contactName?.trim() || null, contactPhone: phone,
    };
    await manager.insert(Employer, row);
    return manager.findOneByOrFail(Employer, { id: row.id });
  });
}
