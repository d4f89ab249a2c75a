import { STATION_IDS, STATION_LABELS } from '../../../platform/domain/stations';
import type { SheetColumn } from '../../../platform/imports/sheet-format';
import { HousingMode, ProductionMode, Relation, RelocationMode, Sex } from '../households.enums';

/** Chinese labels of the enums, as county clerks write them (the sheets show these; codes are accepted too). */
export const LABELS = {
  station: STATION_LABELS,
  relocation: {
    [RelocationMode.URBANISATION]: '城镇化安置',
    [RelocationMode.CENTRALISED]: '集中安置',
    [RelocationMode.SCATTERED]: '分散安置',
    [RelocationMode.OUT_MIGRATION]: '外迁安置',
    [RelocationMode.WITH_RELATIVES]: '投亲靠友',
  },
  housing: {
    [HousingMode.UNIFIED]: '统建',
    [HousingMode.INFRASTRUCTURE_UNIFIED]: '基础统建+主体帮建',
    [HousingMode.SELF_BUILT]: '自建',
  },
  production: {
    [ProductionMode.ANNUAL_COMPENSATION]: '逐年补偿',
    [ProductionMode.AGRICULTURAL]: '农业安置',
    [ProductionMode.SELF_EMPLOYMENT]: '自谋职业',
    [ProductionMode.PENSION]: '养老保障',
    [ProductionMode.OTHER]: '其他',
  },
  sex: { [Sex.MALE]: '男', [Sex.FEMALE]: '女' },
  relation: {
    [Relation.HEAD]: '户主',
    [Relation.SPOUSE]: '配偶',
    [Relation.CHILD]: '子女',
    [Relation.CHILD_IN_LAW]: '儿媳/女婿',
    [Relation.GRANDCHILD]: '孙子女',
    [Relation.PARENT]: '父母',
    [Relation.GRANDPARENT]: '祖父母',
    [Relation.SIBLING]: '兄弟姐妹',
    [Relation.OTHER]: '其他',
  },
};

if (Object.keys(LABELS.station).join() !== STATION_IDS.join()) throw new Error('station labels out of step with STATION_IDS');

/** The household's registry number: the key of the households sheet, the reference in the persons sheet. */
export const REGISTRY_NO = {
  key: 'registryNo', header: '登记编号', aliases: ['户籍编号', '移民户编号', '户编号'], kind: 'text', required: true,
  note: '移民户登记编号，全市唯一 · Registry number, unique in the prefecture',
} as const satisfies SheetColumn;
