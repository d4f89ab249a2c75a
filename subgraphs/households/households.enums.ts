import { registerEnum } from '../../platform/graphql/enums';

/** Levels of the administrative hierarchy. */
export enum AreaLevel {
  PREFECTURE = 'PREFECTURE',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
  GROUP = 'GROUP',
}

/** Relocation resettlement (搬迁安置): where the household lives now. */
export enum RelocationMode {
  URBANISATION = 'URBANISATION',
  CENTRALISED = 'CENTRALISED',
  SCATTERED = 'SCATTERED',
  OUT_MIGRATION = 'OUT_MIGRATION',
  WITH_RELATIVES = 'WITH_RELATIVES',
}

/** Production resettlement (生产安置): how the person makes a living once the land is gone. */
export enum ProductionMode {
  ANNUAL_COMPENSATION = 'ANNUAL_COMPENSATION',
  AGRICULTURAL = 'AGRICULTURAL',
  SELF_EMPLOYMENT = 'SELF_EMPLOYMENT',
  PENSION = 'PENSION',
  OTHER = 'OTHER',
}

/** Housing construction mode at the resettlement site. */
export enum HousingMode {
  UNIFIED = 'UNIFIED',
  INFRASTRUCTURE_UNIFIED = 'INFRASTRUCTURE_UNIFIED',
  SELF_BUILT = 'SELF_BUILT',
}

export enum HouseholdStatus {
  REGISTERED = 'REGISTERED',
  RELOCATED = 'RELOCATED',
  CANCELLED = 'CANCELLED',
}

/** Post-relocation support cohort (后期扶持人口类别). */
export enum SupportCohort {
  EXISTING = 'EXISTING',
  ORIGINAL = 'ORIGINAL',
}

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

export enum Relation {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  CHILD_IN_LAW = 'CHILD_IN_LAW',
  GRANDCHILD = 'GRANDCHILD',
  PARENT = 'PARENT',
  GRANDPARENT = 'GRANDPARENT',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}

export enum VulnerabilityFlag {
  LEFT_BEHIND_ELDERLY = 'LEFT_BEHIND_ELDERLY',
  LEFT_BEHIND_CHILD = 'LEFT_BEHIND_CHILD',
  DISABLED = 'DISABLED',
  MINIMUM_LIVING_ALLOWANCE = 'MINIMUM_LIVING_ALLOWANCE',
}

export enum RemovalReason {
  DECEASED = 'DECEASED',
  MOVED_OUT = 'MOVED_OUT',
  MARRIED_OUT = 'MARRIED_OUT',
  DUPLICATE = 'DUPLICATE',
  OTHER = 'OTHER',
}

export enum PersonStatus {
  ACTIVE = 'ACTIVE',
  REMOVED = 'REMOVED',
}

/** Why a household's current area changes (户籍迁移/安置调整). */
export enum MoveReason {
  RESETTLED = 'RESETTLED',
  RESETTLEMENT_ADJUSTED = 'RESETTLEMENT_ADJUSTED',
  WITH_RELATIVES = 'WITH_RELATIVES',
  REGISTRY_CORRECTED = 'REGISTRY_CORRECTED',
  OTHER = 'OTHER',
}

registerEnum(AreaLevel, 'AreaLevel', 'Administrative level · 行政层级', {
  PREFECTURE: 'Prefecture · 市（州）',
  COUNTY: 'County, district or county-level city · 县（区、市）',
  TOWNSHIP: 'Township, town or subdistrict · 乡（镇、街道）',
  COMMUNITY: 'Village or community · 村（社区）',
  GROUP: 'Resident group · 居民小组/村民小组',
});
registerEnum(RelocationMode, 'RelocationMode', 'Relocation resettlement mode · 搬迁安置方式', {
  URBANISATION: 'Urbanisation (apartments in town) · 城镇化安置',
  CENTRALISED: 'Centralised rural site · 集中安置',
  SCATTERED: 'Scattered · 分散安置',
  OUT_MIGRATION: 'Out-migration · 外迁安置',
  WITH_RELATIVES: 'With relatives or friends · 投亲靠友',
});
registerEnum(ProductionMode, 'ProductionMode', 'Production resettlement mode · 生产安置方式', {
  ANNUAL_COMPENSATION: 'Annual compensation · 逐年补偿',
  AGRICULTURAL: 'Agricultural (new land) · 农业安置',
  SELF_EMPLOYMENT: 'Self-employment · 自谋职业',
  PENSION: 'Pension arrangement · 养老保障',
  OTHER: 'Other · 其他',
});
registerEnum(HousingMode, 'HousingMode', 'Housing construction mode · 住房建设方式', {
  UNIFIED: 'Unified construction (floor-area swap) · 统建（房屋面积置换）',
  INFRASTRUCTURE_UNIFIED: 'Infrastructure unified, houses built with help · 基础统建+主体帮建',
  SELF_BUILT: 'Self-built · 自建',
});
registerEnum(HouseholdStatus, 'HouseholdStatus', 'Household registry status · 移民户状态', {
  REGISTERED: 'Registered, not yet relocated · 已登记待搬迁',
  RELOCATED: 'Relocated · 已搬迁',
  CANCELLED: 'Registration cancelled · 已注销',
});
registerEnum(SupportCohort, 'SupportCohort', 'Post-relocation support cohort · 后期扶持人口类别', {
  EXISTING: 'Moved before 30 June 2006, supported from 1 July 2006 · 现状人口',
  ORIGINAL: 'Moved later, supported 20 years from the move · 原迁人口',
});
registerEnum(Sex, 'Sex', 'Sex · 性别', { MALE: 'Male · 男', FEMALE: 'Female · 女' });
registerEnum(Relation, 'Relation', 'Relation to the head of household · 与户主关系', {
  HEAD: 'Head of household · 户主',
  SPOUSE: 'Spouse · 配偶',
  CHILD: 'Child · 子女',
  CHILD_IN_LAW: 'Child-in-law · 儿媳/女婿',
  GRANDCHILD: 'Grandchild · 孙子女',
  PARENT: 'Parent · 父母',
  GRANDPARENT: 'Grandparent · 祖父母',
  SIBLING: 'Sibling · 兄弟姐妹',
  OTHER: 'Other · 其他',
});
registerEnum(VulnerabilityFlag, 'VulnerabilityFlag', 'Vulnerability flag tracked by communities · 重点关爱标识', {
  LEFT_BEHIND_ELDERLY: 'Left-behind elderly · 留守老人',
  LEFT_BEHIND_CHILD: 'Left-behind child · 留守儿童',
  DISABLED: 'Disabled · 残疾人',
  MINIMUM_LIVING_ALLOWANCE: 'Minimum living allowance · 低保',
});
registerEnum(RemovalReason, 'RemovalReason', 'Why a member left the household · 减员原因', {
  DECEASED: 'Deceased · 死亡',
  MOVED_OUT: 'Moved out · 迁出',
  MARRIED_OUT: 'Married out · 婚出',
  DUPLICATE: 'Duplicate registration · 重复登记',
  OTHER: 'Other · 其他',
});
registerEnum(PersonStatus, 'PersonStatus', 'Person registry status · 人员状态', {
  ACTIVE: 'Active member · 在册',
  REMOVED: 'Removed from the household · 已减员',
});
registerEnum(MoveReason, 'MoveReason', 'Why a household moves · 迁移原因', {
  RESETTLED: 'Moved into its resettlement site · 迁入安置点',
  RESETTLEMENT_ADJUSTED: 'Resettlement place adjusted · 安置地调整',
  WITH_RELATIVES: 'Moved in with relatives or friends · 投亲靠友',
  REGISTRY_CORRECTED: 'The recorded area was wrong · 登记现居住地更正',
  OTHER: 'Other · 其他',
});
