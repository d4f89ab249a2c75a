import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The registry projection: what this subgraph knows of the households subgraph's persons and
 * households, kept by `services/registry-projection.ts` (not served as GraphQL types).
 */
@Entity({ name: 'registry_person' })
export class RegistryPerson {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  /** Empty for a person learned from the registry's events (they never carry the ID number). */
  @Column({ name: 'id_number', type: 'varchar', length: 18, collation: 'C', nullable: true })
  idNumber: string | null;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'production_mode', type: 'varchar', length: 24 })
  productionMode: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ name: 'removal_reason', type: 'varchar', length: 16, nullable: true })
  removalReason: string | null;

  @Column({ name: 'removed_on', type: 'date', nullable: true })
  removedOn: string | null;
}

@Entity({ name: 'registry_household' })
export class RegistryHousehold {
  @PrimaryColumn({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'area_code', type: 'varchar', length: 15, collation: 'C' })
  areaCode: string;

  @Column({ name: 'county_code', type: 'varchar', length: 6, collation: 'C' })
  countyCode: string;

  @Column({ name: 'station_id', type: 'varchar', length: 16 })
  stationId: string;

  @Column({ name: 'relocated_on', type: 'date', nullable: true })
  relocatedOn: string | null;
}
