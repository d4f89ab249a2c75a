import type { EntityManager } from 'typeorm';
import { eighteenCharacterForm, idNumberForms } from '../../../platform/domain/id-number';
import { schemaName } from '../../../platform/db/data-source';
import { inTransaction } from '../../../platform/db/transaction';
import { conflict, forbidden, notFound, Problems } from '../../../platform/graphql/errors';
import { existsElsewhere } from '../../../platform/graphql/loaders';
import { checkDate, checkIdNumber, checkName, isUuid, today } from '../../../platform/graphql/validation';
import { RegistryPerson } from '../entities/registry.entity';
import { SubsidyCard } from '../entities/subsidy-card.entity';
import type { SupportContext } from '../support.context';
import { requireCounty } from './support.validation';

/**
 * The subsidy card (惠民惠农“一卡通”) a county office records for a person: what the bank file
 * pays to. The registry's events never carry the ID number, so a person registered after
 * support's population was taken reaches support without one; the office records it with the
 * card, checked against what support holds of the person (birth date; an ID number already held
 * must be the same one). The jurisdiction is the person's as support's registry tables hold it.
 */

/** A card as a mutation or a sheet row gives it. */
export interface CardInput {
  personId: string;
  idNumber: string;
  cardNo: string;
  bank?: string | null;
  openedOn?: string | null;
}

/** A card after the checks that need no database. */
export interface ValidCard {
  personId: string;
  idNumber: string;
  birthDate: string;
  cardNo: string;
  bank: string | null;
  openedOn: string | null;
}

/** Digits only (spaces between groups of digits are read past): 16 to 19 of them, as the table's CHECK wants. */
const CARD_NO = /^\d{16,19}$/;

export function checkCard(problems: Problems, field: string, input: CardInput): ValidCard | undefined {
  if (!isUuid(input.personId ?? '')) problems.add(`${field}.personId`, '人员标识格式无效', 'personId is not a valid id');
  const raw = (input.idNumber ?? '').trim();
  const id = checkIdNumber(problems, `${field}.idNumber`, raw);
  if (id && id.normalized.length !== 18) problems.add(`${field}.idNumber`, '须为 18 位居民身份证号（15 位旧号请换成 18 位）', 'idNumber must be the 18-character resident ID number (not the old 15-digit one)');
  const cardNo = (input.cardNo ?? '').replace(/[ \u3000]/g, '');
  if (!CARD_NO.test(cardNo)) problems.add(`${field}.cardNo`, '卡号须为 16 至 19 位数字', 'cardNo must be 16 to 19 digits');
  if (input.bank !== undefined && input.bank !== null) checkName(problems, `${field}.bank`, input.bank, '开户银行', 32);
  checkDate(problems, `${field}.openedOn`, input.openedOn, '开卡日期');
  if (!problems.empty || !id) return undefined;
  return { personId: input.personId.toLowerCase(), idNumber: id.normalized, birthDate: id.birthDate, cardNo, bank: input.bank?.trim() || null, openedOn: input.openedOn ?? null };
}

/** A problem of a card against support's records: the field, and whether it is bad input or a conflict with what is held. */
export interface CardProblem {
  field: 'personId' | 'idNumber' | 'cardNo' | 'bank';
  code: 'BAD_USER_INPUT' | 'CONFLICT';
  zh: string;
  en: string;
}

/** Who holds a chunk's ID and card numbers, in any county (`held_id_numbers`, `held_card_numbers`): two statements. */
export interface Holders {
  /** By the 18-character form: active persons holding it. */
  ids: Map<string, { personId: string; countyCode: string }[]>;
  cards: Map<string, { personId: string; countyCode: string }[]>;
}

export async function holdersOf(manager: EntityManager, cards: ValidCard[]): Promise<Holders> {
  const s = `"${schemaName(manager.connection)}"`;
  const group = (rows: { key: string; personId: string; countyCode: string }[]) => {
    const map = new Map<string, { personId: string; countyCode: string }[]>();
    for (const r of rows) map.set(r.key, [...(map.get(r.key) ?? []), { personId: r.personId, countyCode: r.countyCode }]);
    return map;
  };
  const ids: { key: string; personId: string; countyCode: string }[] = await manager.query(
    `SELECT id_number AS key, person_id AS "personId", county_code AS "countyCode" FROM ${s}.held_id_numbers($1)`, [cards.flatMap((c) => idNumberForms(c.idNumber))]);
  const held: { key: string; personId: string; countyCode: string }[] = await manager.query(
    `SELECT card_no AS key, person_id AS "personId", county_code AS "countyCode" FROM ${s}.held_card_numbers($1)`, [cards.map((c) => c.cardNo)]);
  return { ids: group(ids.map((r) => ({ ...r, key: eighteenCharacterForm(r.key) }))), cards: group(held) };
}

/** Support's records of a chunk's persons (inside the caller's jurisdiction: row-level security) and their cards: two statements. */
export async function recordsOf(manager: EntityManager, personIds: string[]): Promise<{ persons: Map<string, RegistryPerson>; cards: Map<string, SubsidyCard> }> {
  const persons = await manager.getRepository(RegistryPerson).createQueryBuilder('p').where('p.person_id = ANY(:ids)', { ids: personIds }).getMany();
  const cards = await manager.getRepository(SubsidyCard).createQueryBuilder('c').where('c.person_id = ANY(:ids)', { ids: personIds }).getMany();
  return { persons: new Map(persons.map((p) => [p.personId, p])), cards: new Map(cards.map((c) => [c.personId, c])) };
}

/** The checks of a card against support's records, for a person support holds inside the caller's jurisdiction (no database). */
export function checkCardAgainstRecords(person: RegistryPerson, current: SubsidyCard | null, card: ValidCard, holders: Holders): CardProblem[] {
  const problems: CardProblem[] = [];
  if (person.status !== 'ACTIVE') problems.push({ field: 'personId', code: 'BAD_USER_INPUT', zh: '该人员已减员，不能登记一卡通', en: 'This person has been removed from the registry: no card is recorded' });
  const otherId = (holders.ids.get(card.idNumber) ?? []).find((h) => h.personId !== person.personId);
  if (person.idNumber && eighteenCharacterForm(person.idNumber) !== card.idNumber) {
    problems.push({ field: 'idNumber', code: 'CONFLICT', zh: '该人员已有登记的身份证号，与所填不符：身份证号的更正须在户籍登记中办理', en: 'Support holds another ID number for this person: a correction is made in the registry' });
  } else if (person.birthDate !== card.birthDate) {
    problems.push({ field: 'idNumber', code: 'BAD_USER_INPUT', zh: '身份证号中的出生日期与登记的出生日期不符', en: 'The birth date inside the ID number differs from the registered one' });
  } else if (otherId) {
    problems.push({ field: 'idNumber', code: 'CONFLICT', zh: `该身份证号已登记给另一名在册人员（${otherId.countyCode}）`, en: `This ID number is held by another registered person (county ${otherId.countyCode})` });
  }
  const otherCard = (holders.cards.get(card.cardNo) ?? []).find((h) => h.personId !== person.personId);
  if (otherCard) problems.push({ field: 'cardNo', code: 'CONFLICT', zh: `该卡号已登记给另一人员（${otherCard.countyCode}）`, en: `This card number is recorded for another person (county ${otherCard.countyCode})` });
  if (!current && !card.bank) problems.push({ field: 'bank', code: 'BAD_USER_INPUT', zh: '首次登记一卡通须填写开户银行', en: 'bank is required for a person’s first card' });
  return problems;
}

/** The card row to write, or null when it is recorded already as given. */
export function cardRow(person: RegistryPerson, current: SubsidyCard | null, card: ValidCard): Record<string, unknown> | null {
  const row = {
    person_id: person.personId, area_code: person.areaCode, county_code: person.countyCode, card_no: card.cardNo,
    bank: card.bank ?? current!.bank, opened_on: card.openedOn ?? (current?.cardNo === card.cardNo ? current.openedOn : today()), id_number: card.idNumber,
  };
  const same = current && current.cardNo === row.card_no && current.bank === row.bank && current.openedOn === row.opened_on && current.idNumber === row.id_number
    && current.areaCode === row.area_code;
  return same ? null : row;
}

/**
 * Writes cards (rows from `cardRow`) and fills the persons' empty ID numbers in support's registry
 * table with the recorded ones, set-based, in the caller's transaction.
 */
export async function writeCards(manager: EntityManager, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const s = `"${schemaName(manager.connection)}"`;
  const column = (key: string) => rows.map((r) => r[key]);
  await manager.query(
    `INSERT INTO ${s}.subsidy_card (person_id, area_code, county_code, card_no, bank, opened_on, id_number)
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::date[], $7::varchar[])
     ON CONFLICT (person_id) DO UPDATE SET area_code = EXCLUDED.area_code, county_code = EXCLUDED.county_code, card_no = EXCLUDED.card_no,
       bank = EXCLUDED.bank, opened_on = EXCLUDED.opened_on, id_number = EXCLUDED.id_number`,
    ['person_id', 'area_code', 'county_code', 'card_no', 'bank', 'opened_on', 'id_number'].map(column));
  await manager.query(
    `UPDATE ${s}.registry_person p SET id_number = k.id_number, updated_at = now()
       FROM unnest($1::uuid[], $2::varchar[]) AS k(person_id, id_number) WHERE p.person_id = k.person_id AND p.id_number IS NULL`,
    [column('person_id'), column('id_number')]);
}

const PERSON: [string, string] = ['该人员', 'Person'];

/** Records (or replaces) a person's card, inside the caller's jurisdiction as support holds the person; one transaction. */
export async function recordSubsidyCard(ctx: SupportContext, input: CardInput): Promise<SubsidyCard> {
  const problems = new Problems();
  const card = checkCard(problems, 'input', input);
  problems.throwIfAny();
  return inTransaction(ctx, async (manager) => {
    const { persons, cards } = await recordsOf(manager, [card!.personId]);
    const person = persons.get(card!.personId);
    if (!person) {
      // a person of another county is hidden (row-level security): FORBIDDEN, not NOT_FOUND
      if (await existsElsewhere(manager, RegistryPerson, 'person_id', card!.personId)) throw forbidden('该人员不在您的管辖范围内', 'This person is outside your jurisdiction', 'input.personId');
      throw notFound(...PERSON, 'input.personId');
    }
    requireCounty(ctx, person.areaCode);
    const current = cards.get(person.personId) ?? null;
    const found = checkCardAgainstRecords(person, current, card!, await holdersOf(manager, [card!]));
    const conflicting = found.find((p) => p.code === 'CONFLICT');
    if (conflicting) throw conflict(`input.${conflicting.field}`, conflicting.zh, conflicting.en);
    const refused = new Problems();
    for (const p of found) refused.add(`input.${p.field}`, p.zh, p.en);
    refused.throwIfAny();
    const row = cardRow(person, current, card!);
    if (row) await writeCards(manager, [row]);
    return manager.getRepository(SubsidyCard).findOneByOrFail({ personId: person.personId });
  }, () => conflict('input.cardNo', '该卡号或身份证号已被登记', 'The card number or ID number is already recorded'));
}
