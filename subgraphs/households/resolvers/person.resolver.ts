import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ConnectionType, PageArgs, type Page } from '../../../platform/graphql/pagination';
import { Person } from '../entities/person.entity';
import type { HouseholdsContext } from '../households.context';
import { PersonFilter } from '../inputs/filters.input';
import { listPersons } from '../services/person-query.service';
import { requireId } from '../../../platform/graphql/validation';

export const PersonConnection = ConnectionType(Person, 'Person', 'A page of persons · 人员分页列表');

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by id, inside your jurisdiction · 按标识查询人员' })
  person(@Arg('id', () => ID, { description: 'Person id · 人员标识' }) id: string, @Ctx() ctx: HouseholdsContext): Promise<Person | null> {
    return ctx.loaders.person.load(requireId(id, 'id'));
  }

  @Query(() => PersonConnection, { description: 'Persons inside your jurisdiction, filtered and paginated · 人员列表' })
  persons(
    @Ctx() ctx: HouseholdsContext,
    @Args() page: PageArgs,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Filter · 筛选条件' }) filter?: PersonFilter,
  ): Promise<Page<Person>> {
    return listPersons(ctx, filter, page);
  }
}
