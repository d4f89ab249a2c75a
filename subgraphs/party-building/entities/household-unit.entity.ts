import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which grid unit a household (households subgraph) belongs to; one unit per household. */
@Entity({ name: 'household_unit' })
export class HouseholdUnit {
  @PrimaryColumn({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @Column({ name: 'assigned_on', type: 'date' })
  assignedOn: string;

  /** The household's area (its resident group), or the unit's community when assigned through the API. */
  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;
}
