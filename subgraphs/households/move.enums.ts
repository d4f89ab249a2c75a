import { registerEnum } from '../../platform/graphql/enums';

/** Why a household's current area changes (户籍迁移/安置调整). */
export enum MoveReason {
  RESETTLED = 'RESETTLED',
  RESETTLEMENT_ADJUSTED = 'RESETTLEMENT_ADJUSTED',
  WITH_RELATIVES = 'WITH_RELATIVES',
  REGISTRY_CORRECTED = 'REGISTRY_CORRECTED',
  OTHER = 'OTHER',
}

registerEnum(MoveReason, 'MoveReason', 'Why a household moves · 迁移原因', {
  RESETTLED: 'Moved into its resettlement site · 迁入安置点',
  RESETTLEMENT_ADJUSTED: 'Resettlement place adjusted · 安置地调整',
  WITH_RELATIVES: 'Moved in with relatives or friends · 投亲靠友',
  REGISTRY_CORRECTED: 'The recorded area was wrong · 登记现居住地更正',
  OTHER: 'Other · 其他',
});
