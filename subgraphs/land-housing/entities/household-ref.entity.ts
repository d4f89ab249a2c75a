import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A household as this subgraph knows it: its id (the households subgraph's key) and the area it
 * lives in, which scopes every land and housing record of the household. Recorded with the
 * household's first survey or allocation; never exposed as its own type.
 */
@Entity({ name: 'household_ref' })
export class HouseholdRef {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
