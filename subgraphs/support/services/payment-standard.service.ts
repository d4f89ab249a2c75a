import { stableUuid } from '../../../platform/demo/random';
import { inTransaction } from '../../../platform/db/transaction';
import { Problems } from '../../../platform/graphql/errors';
import { isStationId, stationProblem } from '../../../platform/domain/stations';
import { PaymentStandard } from '../entities/payment-standard.entity';
import type { PaymentStandardInput } from '../inputs/records.input';
import type { SupportContext } from '../support.context';
import { checkCounty, checkYear, requireWholeCounty } from './support.validation';

export const standardId = (scheme: string, county: string, station: string | null, year: number) => stableUuid('support-standard', scheme, county, station ?? '', String(year));

/** Records (or changes) the standard of a scheme, county, station and year; cycles generated after use it. */
export async function setPaymentStandard(ctx: SupportContext, input: PaymentStandardInput): Promise<PaymentStandard> {
  const problems = new Problems();
  const county = checkCounty(problems, 'input.countyCode', input.countyCode);
  checkYear(problems, 'input.year', input.year);
  const station = input.stationId?.trim() || null;
  if (station && !isStationId(station)) { const p = stationProblem('input.stationId'); problems.add(p.field, p.zh, p.en); }
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) problems.add('input.amountFen', '金额须为正整数（分）', 'amountFen must be a positive whole number of fen');
  problems.throwIfAny();
  requireWholeCounty(ctx, county);
  return inTransaction(ctx, async (manager) => {
    const repo = manager.getRepository(PaymentStandard);
    const row = { id: standardId(input.scheme, county, station, input.year), scheme: input.scheme, areaCode: county, countyCode: county, stationId: station, year: input.year, amountFen: input.amountFen };
    if (await repo.existsBy({ id: row.id })) await repo.update({ id: row.id }, { amountFen: row.amountFen });
    else await repo.insert(row);
    return repo.findOneByOrFail({ id: row.id });
  });
}
