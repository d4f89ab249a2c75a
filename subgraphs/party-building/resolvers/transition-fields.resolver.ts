import { FieldResolver, Resolver, Root } from 'type-graphql';
import { CaseTransition } from '../entities/case-transition.entity';

@Resolver(() => CaseTransition)
export class CaseTransitionFieldsResolver {
  @FieldResolver(() => String, { description: 'When, ISO 8601 in UTC · 操作时间' })
  at(@Root() t: CaseTransition): string {
    return (t.at instanceof Date ? t.at : new Date(t.at)).toISOString();
  }
}
