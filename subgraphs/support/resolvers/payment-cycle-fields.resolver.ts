import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type Page } from '../../../platform/graphql/pagination';
import { SensitiveCategory } from '../../../platform/security/purposes';
import { reveal } from '../../../platform/security/sensitive';
import { AdminAreaStub } from '../entities/admin-area.stub';
import { HouseholdStub } from '../entities/household.stub';
import { LedgerEntry } from '../entities/ledger-entry.entity';
import { yuan } from '../entities/money';
import { PaymentCycle } from '../entities/payment-cycle.entity';
import { PaymentLine } from '../entities/payment-line.entity';
import { PersonStub } from '../entities/person.stub';
import { SubsidyCard } from '../entities/subsidy-card.entity';
import { CycleReconciliation } from '../services/support-query.service';
import type { SupportContext } from '../support.context';
import { LineStatus } from '../support.enums';
import { PaymentLineConnection } from './payment-cycle.resolver';

const area = (code: string) => Object.assign(new AdminAreaStub(), { code });

@Resolver(() => PaymentCycle)
export class PaymentCycleFieldsResolver {
  @FieldResolver(() => String, { description: 'Total in yuan, exactly (two decimals) · 合计金额（元）' })
  totalYuan(@Root() c: PaymentCycle): string {
    return yuan(c.totalFen);
  }

  @FieldResolver(() => AdminAreaStub, { description: 'County · 县（区、市）' })
  county(@Root() c: PaymentCycle): AdminAreaStub {
    return area(c.countyCode);
  }

  @FieldResolver(() => PaymentLineConnection, { description: 'The cycle’s lines, paginated · 发放明细' })
  lines(@Root() c: PaymentCycle, @Args() page: PageArgs, @Ctx() ctx: SupportContext): Promise<Page<PaymentLine>> {
    return ctx.loaders.linesOfCycle(c.id, page);
  }

  @FieldResolver(() => CycleReconciliation, { nullable: true, description: 'Lines, ledger and total side by side · 对账情况' })
  reconciliation(@Root() c: PaymentCycle, @Ctx() ctx: SupportContext): Promise<CycleReconciliation | null> {
    return ctx.loaders.reconciliation.load(c.id);
  }

  @FieldResolver(() => PaymentCycle, { nullable: true, description: 'The cycle a re-payment repays · 原批次' })
  sourceCycle(@Root() c: PaymentCycle, @Ctx() ctx: SupportContext): Promise<PaymentCycle | null> | null {
    return c.sourceCycleId ? ctx.loaders.cycle.load(c.sourceCycleId) : null;
  }
}

@Resolver(() => PaymentLine)
export class PaymentLineFieldsResolver {
  @FieldResolver(() => PersonStub, { description: 'The person paid · 发放对象' })
  person(@Root() l: PaymentLine): PersonStub {
    return { id: l.personId };
  }

  @FieldResolver(() => HouseholdStub, { description: 'The person’s household · 所属移民户' })
  household(@Root() l: PaymentLine): HouseholdStub {
    return { id: l.householdId };
  }

  @FieldResolver(() => PaymentCycle, { nullable: true, description: 'The cycle · 所属批次' })
  cycle(@Root() l: PaymentLine, @Ctx() ctx: SupportContext): Promise<PaymentCycle | null> {
    return ctx.loaders.cycle.load(l.cycleId);
  }

  @FieldResolver(() => String, { description: 'Amount in yuan, exactly · 金额（元）' })
  amountYuan(@Root() l: PaymentLine): string {
    return yuan(l.amountFen);
  }

  @FieldResolver(() => LineStatus, { description: 'Where the line stands with the bank · 发放状态' })
  status(@Root() l: PaymentLine, @Ctx() ctx: SupportContext): Promise<LineStatus> {
    return ctx.loaders.lineStatus.load(l.id);
  }

  @FieldResolver(() => [LedgerEntry], { description: 'The line’s ledger entries · 台账记录' })
  ledger(@Root() l: PaymentLine, @Ctx() ctx: SupportContext): Promise<LedgerEntry[]> {
    return ctx.loaders.ledgerOfLine.load(l.id);
  }
}

@Resolver(() => SubsidyCard)
export class SubsidyCardFieldsResolver {
  @FieldResolver(() => String, { description: 'Card number: in full for the offices (audited), masked for everyone else · 卡号（按角色脱敏）' })
  cardNo(@Root() card: SubsidyCard, @Ctx() ctx: SupportContext): string | null {
    return reveal(ctx, SensitiveCategory.BANK_CARD, { type: 'SupportSubsidyCard', id: card.personId, areaCode: card.areaCode }, 'cardNo', card.cardNo);
  }
}
