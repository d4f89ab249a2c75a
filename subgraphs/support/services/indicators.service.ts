import { SafeInt } from '../entities/money';
import { Field, Int, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { schemaName } from '../../../platform/db/data-source';
import { cachedQuery } from '../../../platform/db/data-version';
import { areaPrefix, type Scope } from '../../../platform/security/scope';

@ObjectType({ description: 'Support indicators of an area (and everything below it) for a year, inside your jurisdiction · 后期扶持指标' })
export class SupportIndicators {
  @Field(() => Int, { description: 'Persons on the year’s verification lists · 核定名单人数' })
  entitled: number;

  @Field(() => Int, { description: 'Of them, with a result recorded · 已核定人数' })
  verified: number;

  @Field(() => Int, { description: 'Found present · 核定在册' })
  present: number;

  @Field(() => Int, { description: 'Removed: deceased · 减员：死亡' })
  removedDeceased: number;

  @Field(() => Int, { description: 'Removed: state-funded employment · 减员：财政供养' })
  removedStateEmployed: number;

  @Field(() => Int, { description: 'Removed: imprisoned · 减员：服刑' })
  removedImprisoned: number;

  @Field(() => Int, { description: 'Suspended: moved out · 暂停：迁出' })
  movedOut: number;

  @Field(() => Int, { description: 'Suspended: not found · 暂停：查无此人' })
  notFound: number;

  @Field(() => Int, { description: 'Persons paid post-relocation support (lines of approved cycles) · 后期扶持发放人数' })
  paidPostRelocationSupport: number;

  @Field(() => Int, { description: 'Persons paid annual compensation (lines of approved cycles) · 逐年补偿发放人数' })
  paidAnnualCompensation: number;

  @Field(() => Int, { description: 'Lines failed at the bank · 发放失败笔数' })
  failed: number;

  @Field(() => SafeInt, { description: 'Net amount in the ledger for the year, in fen (payments less failures and reversals) · 台账净发放金额（分）' })
  amountFen: number;
}

export const indicatorKey = (code: string, year: number) => `${code}|${year}`;

/**
 * The indicators of every `code|year` asked, in one SQL statement (each area's prefix range on
 * indexed area codes), narrowed to the caller's jurisdiction; kept until the data change.
 */
export async function computeIndicators(dataSource: DataSource, scope: Scope, keys: readonly string[]): Promise<SupportIndicators[]> {
  const s = `"${schemaName(dataSource)}"`;
  const asked = keys.map((k) => { const [code, year] = k.split('|'); return { prefix: areaPrefix(code), year: Number(year) }; });
  const within = (col: string) => `(${col} >= a.prefix AND ${col} < a.prefix || '~') AND ${col}::text ^@ ANY ($3::text[])`;
  const rows: Record<string, string>[] = await cachedQuery(dataSource,
    `SELECT a.i,
       v.entitled, v.verified, v.present, v.deceased, v.state_employed, v.imprisoned, v.moved_out, v.not_found,
       l.support, l.compensation, e.failed, e.amount
     FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS a(prefix, year, i)
     CROSS JOIN LATERAL (SELECT count(*) AS entitled, count(x.result) AS verified,
         count(*) FILTER (WHERE x.result = 'PRESENT') AS present, count(*) FILTER (WHERE x.result = 'DECEASED') AS deceased,
         count(*) FILTER (WHERE x.result = 'STATE_EMPLOYED') AS state_employed, count(*) FILTER (WHERE x.result = 'IMPRISONED') AS imprisoned,
         count(*) FILTER (WHERE x.result = 'MOVED_OUT') AS moved_out, count(*) FILTER (WHERE x.result = 'NOT_FOUND') AS not_found
       FROM ${s}.verification_entry x WHERE x.year = a.year AND ${within('x.area_code')}) v
     CROSS JOIN LATERAL (SELECT count(DISTINCT x.person_id) FILTER (WHERE x.scheme = 'POST_RELOCATION_SUPPORT') AS support,
         count(DISTINCT x.person_id) FILTER (WHERE x.scheme = 'ANNUAL_COMPENSATION') AS compensation
       FROM ${s}.payment_line x JOIN ${s}.payment_cycle c ON c.id = x.cycle_id AND c.state IN ('APPROVED', 'EXPORTED', 'RECONCILED')
      WHERE x.year = a.year AND ${within('x.area_code')}) l
     CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE x.kind = 'FAILURE') AS failed, coalesce(sum(x.amount_fen), 0)::text AS amount
       FROM ${s}.ledger_entry x WHERE x.year = a.year AND ${within('x.area_code')}) e
     ORDER BY a.i`,
    [asked.map((a) => a.prefix), asked.map((a) => a.year), scope.prefixes]);
  return rows.map((r) => ({
    entitled: Number(r.entitled), verified: Number(r.verified), present: Number(r.present), removedDeceased: Number(r.deceased),
    removedStateEmployed: Number(r.state_employed), removedImprisoned: Number(r.imprisoned), movedOut: Number(r.moved_out), notFound: Number(r.not_found),
    paidPostRelocationSupport: Number(r.support), paidAnnualCompensation: Number(r.compensation), failed: Number(r.failed), amountFen: Number(r.amount),
  }));
}
