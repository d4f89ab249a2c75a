import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `cardNo` is sensitive (BANK_CARD): exposed through a field resolver that masks it. */
@ObjectType('SupportSubsidyCard', { description: 'The person’s subsidy card (惠民惠农“一卡通”) payments go to · 惠民惠农一卡通' })
@Entity({ name: 'subsidy_card' })
export class SubsidyCard {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Column({ name: 'card_no', type: 'varchar', length: 19, collation: 'C' })
  cardNo: string;

  @Field({ description: 'Bank · 开户银行' })
  @Column({ type: 'varchar', length: 32 })
  bank: string;

  @Field({ description: 'Date the card was opened, YYYY-MM-DD · 开卡日期' })
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  /** The ID number the office recorded with the card (`recordSubsidyCard`); empty when the registry gave the holder's. */
  @Column({ name: 'id_number', type: 'varchar', length: 18, collation: 'C', nullable: true })
  idNumber: string | null;
}
