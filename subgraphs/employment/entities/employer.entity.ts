import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EmployerKind } from '../employment.enums';

@ObjectType({ description: 'Employer: assistance workshop, enterprise, cooperative or public body · 用工主体' })
@Directive('@key(fields: "id")')
@Entity({ name: 'employer' })
export class Employer {
  @Field(() => ID, { description: 'Stable identifier · 标识' })
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field({ description: 'Name · 名称' })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Field(() => EmployerKind, { description: 'Kind of employer · 用工主体类型' })
  @Column({ type: 'varchar', length: 24 })
  kind: EmployerKind;

  @Field({ description: 'Sector, e.g. ethnic clothing, packaging, new materials · 行业' })
  @Column({ type: 'varchar', length: 32 })
  sector: string;

  @Field({ description: 'Area the employer is registered in (county, township or community code) · 所在区划代码' })
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Field({ description: 'County of the employer · 所属县（区、市）代码' })
  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Field(() => String, { nullable: true, description: 'Contact person · 联系人' })
  @Column({ name: 'contact_name', type: 'varchar', length: 32, nullable: true })
  contactName: string | null;

  @Field(() => String, { nullable: true, description: 'Contact telephone · 联系电话' })
  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone: string | null;
}
