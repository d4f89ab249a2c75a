import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { FlatCategory, SiteConstructionMode, SiteRelocationType } from '../land-housing.enums';

@InputType({ description: 'A new resettlement site · 新建安置点' })
export class CreateSiteInput {
  @Field({ description: 'Name, unique in its community · 名称' })
  name: string;

  @Field({ description: 'Community (village) it lies in, 12 digits · 所在社区（村）代码' })
  areaCode: string;

  @Field(() => SiteRelocationType, { description: 'Relocation it serves · 安置类型' })
  relocationType: SiteRelocationType;

  @Field(() => SiteConstructionMode, { description: 'How its homes are built · 建设方式' })
  constructionMode: SiteConstructionMode;

  @Field(() => Int, { description: 'Households it is built for · 设计安置户数' })
  capacity: number;

  @Field(() => Float, { nullable: true, description: 'Unified sites only: most floor area a flat may exceed the swap by, m² (0 when omitted) · 置换面积外最多可增购面积' })
  maxExtraArea?: number | null;
}

@InputType({ description: 'A new building with its units · 新建楼栋及单元' })
export class CreateBuildingInput {
  @Field(() => ID, { description: 'Resettlement site · 安置点' })
  siteId: string;

  @Field({ description: 'Building number, unique in the site, e.g. 3幢 · 幢号' })
  number: string;

  @Field(() => Int, { description: 'Storeys, 1–60 · 层数' })
  floors: number;

  @Field(() => Int, { description: 'Units (stairwells), 1–12; numbered 1单元, 2单元 … · 单元数' })
  units: number;
}

@InputType({ description: 'A flat to create · 安置房' })
export class NewFlatInput {
  @Field(() => Int, { description: 'Floor, within the building’s storeys · 楼层' })
  floor: number;

  @Field({ description: 'Flat number, unique in the unit, e.g. 0302 · 房号' })
  number: string;

  @Field(() => Float, { description: 'Floor area in m², 10–500, at most two decimals · 建筑面积（平方米）' })
  floorArea: number;

  @Field(() => FlatCategory, { description: 'Housing category · 安置房类别' })
  category: FlatCategory;
}

@InputType({ description: 'Flats to create in one unit · 批量新建安置房' })
export class CreateFlatsInput {
  @Field(() => ID, { description: 'Unit · 单元' })
  unitId: string;

  @Field(() => [NewFlatInput], { description: 'The flats, 1–500 · 安置房（1–500 套）' })
  flats: NewFlatInput[];
}
