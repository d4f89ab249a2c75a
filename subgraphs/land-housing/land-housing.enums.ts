import { registerEnum } from '../../platform/graphql/enums';

/** Land use of a flooded parcel (土地用途). */
export enum LandUse {
  CULTIVATED = 'CULTIVATED',
  ORCHARD = 'ORCHARD',
  FOREST = 'FOREST',
  HOMESTEAD = 'HOMESTEAD',
  OTHER = 'OTHER',
}

/** Who owned a flooded parcel: a household, or the village collective. */
export enum LandOwnerKind {
  HOUSEHOLD = 'HOUSEHOLD',
  COLLECTIVE = 'COLLECTIVE',
}

/** Structure of an original (flooded) house (房屋结构). */
export enum HouseStructure {
  FRAME = 'FRAME',
  BRICK_CONCRETE = 'BRICK_CONCRETE',
  BRICK_WOOD = 'BRICK_WOOD',
  EARTH_WOOD = 'EARTH_WOOD',
  SHED = 'SHED',
}

/** What kind of relocation a resettlement site serves. */
export enum SiteRelocationType {
  URBAN = 'URBAN',
  CENTRALISED_RURAL = 'CENTRALISED_RURAL',
}

/** How a site's homes were built (住房建设方式). */
export enum SiteConstructionMode {
  UNIFIED = 'UNIFIED',
  INFRASTRUCTURE_UNIFIED = 'INFRASTRUCTURE_UNIFIED',
  SELF_BUILT = 'SELF_BUILT',
}

/** What a flat is, under the county's housing policy. */
export enum FlatCategory {
  STANDARD = 'STANDARD',
  BASIC = 'BASIC',
  GUARANTEED = 'GUARANTEED',
}

/** How a household uses the flat it was handed. */
export enum OccupancyStatus {
  OCCUPIED = 'OCCUPIED',
  VACANT = 'VACANT',
  RENTED_OUT = 'RENTED_OUT',
}

/** Where a flat stands: not allocated, allocated and waiting for handover, or handed over and in use. */
export enum FlatStatus {
  UNALLOCATED = 'UNALLOCATED',
  AWAITING_HANDOVER = 'AWAITING_HANDOVER',
  OCCUPIED = 'OCCUPIED',
  VACANT = 'VACANT',
  RENTED_OUT = 'RENTED_OUT',
}

/** How the difference between the allocated and the swapped floor area is settled. */
export enum SettlementMethod {
  EVEN = 'EVEN',
  PAY_DIFFERENCE = 'PAY_DIFFERENCE',
  CASH_COMPENSATION = 'CASH_COMPENSATION',
  NO_SWAP = 'NO_SWAP',
}

registerEnum(LandUse, 'LandUse', 'Land use of a flooded parcel · 土地用途', {
  CULTIVATED: 'Cultivated land · 耕地',
  ORCHARD: 'Orchard · 园地',
  FOREST: 'Forest · 林地',
  HOMESTEAD: 'Homestead · 宅基地',
  OTHER: 'Other land · 其他土地',
});
registerEnum(LandOwnerKind, 'LandOwnerKind', 'Owner of a flooded parcel · 土地权属', {
  HOUSEHOLD: 'A household (contracted or homestead land) · 农户',
  COLLECTIVE: 'The village collective · 村集体',
});
registerEnum(HouseStructure, 'HouseStructure', 'Structure of an original house · 房屋结构', {
  FRAME: 'Frame · 框架',
  BRICK_CONCRETE: 'Brick-concrete · 砖混',
  BRICK_WOOD: 'Brick-wood · 砖木',
  EARTH_WOOD: 'Earth-wood · 土木',
  SHED: 'Sheds and outbuildings · 杂房',
});
registerEnum(SiteRelocationType, 'SiteRelocationType', 'Relocation a resettlement site serves · 安置点类型', {
  URBAN: 'Urbanisation: flats in town · 城镇化安置',
  CENTRALISED_RURAL: 'Centralised rural settlement · 农村集中安置',
});
registerEnum(SiteConstructionMode, 'SiteConstructionMode', 'How a site’s homes were built · 安置点建设方式', {
  UNIFIED: 'Unified construction; original floor area swapped for a flat · 统建（房屋面积置换）',
  INFRASTRUCTURE_UNIFIED: 'Infrastructure built by government, houses built with help · 基础统建+主体帮建',
  SELF_BUILT: 'Self-built · 自建',
});
registerEnum(FlatCategory, 'FlatCategory', 'Housing category of a flat · 安置房类别', {
  STANDARD: 'Resettlement flat · 安置房',
  BASIC: 'Basic housing (Qiaojia), allocated against swapped floor area · 基本住房',
  GUARANTEED: 'Guaranteed housing (Qiaojia), allocated without a swap · 保障住房',
});
registerEnum(OccupancyStatus, 'OccupancyStatus', 'How a handed-over flat is used · 入住状态', {
  OCCUPIED: 'Occupied by the household · 已入住',
  VACANT: 'Vacant · 空置',
  RENTED_OUT: 'Rented out (rooms, B&B) · 出租',
});
registerEnum(FlatStatus, 'FlatStatus', 'Where a flat stands · 房源状态', {
  UNALLOCATED: 'Not allocated · 未分配',
  AWAITING_HANDOVER: 'Allocated, not yet handed over · 已分配待交房',
  OCCUPIED: 'Handed over and occupied · 已入住',
  VACANT: 'Handed over, vacant · 空置',
  RENTED_OUT: 'Handed over, rented out · 出租',
});
registerEnum(SettlementMethod, 'SettlementMethod', 'How the area difference of an allocation is settled · 面积差结算方式', {
  EVEN: 'Swapped and allocated areas are equal · 面积相等，无需结算',
  PAY_DIFFERENCE: 'The household pays for the area beyond its swap, at cost price · 超出置换面积部分由移民户按成本价补交',
  CASH_COMPENSATION: 'The household is paid for swapped area the flat does not use · 未用完的置换面积货币补偿',
  NO_SWAP: 'No floor area swapped: the home is paid for under the site’s terms · 未置换，按安置点政策购置',
});
