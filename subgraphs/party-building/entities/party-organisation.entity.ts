import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PartyOrganisationLevel } from '../party-building.enums';

@ObjectType({ description: 'Party organisation: leading group, branch, small group or red grid · 党组织' })
@Directive('@key(fields: "id")')
@Entity({ name: 'party_organisation' })
export class PartyOrganisation {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Name · 名称' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => PartyOrganisationLevel, { description: 'Level · 层级' })
  @Column({ type: 'varchar', length: 16 })
  level: PartyOrganisationLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Field({ description: 'Code of the area the organisation works in · 所在区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'Code of the county · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
