import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'Cadre or party member serving in a grid · 网格干部（党员）' })
@Directive('@key(fields: "id")')
@Entity({ name: 'cadre' })
export class Cadre {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Name · 姓名' })
  @Column({ type: 'varchar', length: 32 })
  name: string;

  /** Mobile phone, unique: the key the cadres and pairings sheets name a cadre by (shown through the masking policy). */
  @Column({ type: 'varchar', length: 11, collation: 'C' })
  phone: string;

  @Field({ description: 'Work unit, e.g. a county bureau · 工作单位' })
  @Column({ name: 'work_unit', type: 'varchar', length: 64 })
  workUnit: string;

  @Field({ description: 'Whether a member of the Communist Party · 是否党员' })
  @Column({ name: 'party_member', type: 'boolean' })
  partyMember: boolean;

  @Column({ name: 'grid_id', type: 'uuid', nullable: true })
  gridId: string | null;

  @Field({ description: 'Code of the area served: the grid’s community, or the county when not in a grid · 服务区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'Code of the county · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
