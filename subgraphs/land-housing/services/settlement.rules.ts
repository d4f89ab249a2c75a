import { cents } from '../../../platform/db/decimal';
import { SettlementMethod } from '../land-housing.enums';

/** How the difference between allocated and swapped area is settled. */
export function settlementOf(allocatedArea: number, swappedArea: number | null): SettlementMethod {
  if (swappedArea === null) return SettlementMethod.NO_SWAP;
  const difference = cents(allocatedArea) - cents(swappedArea);
  if (difference === 0) return SettlementMethod.EVEN;
  return difference > 0 ? SettlementMethod.PAY_DIFFERENCE : SettlementMethod.CASH_COMPENSATION;
}
