import type { MigrationInterface, QueryRunner } from 'typeorm';
import { runStatements } from '../../../platform/db/migration-helpers';

/**
 * The support subgraph's tables. Values of enumerations are written out here (a migration
 * describes the schema as it was when it ran, whatever the code's enums become later).
 * Money is integer fen (bigint), never floating point.
 */
const SCHEME = `('POST_RELOCATION_SUPPORT', 'ANNUAL_COMPENSATION')`;
const AREA = `area_code varchar(15) COLLATE "C" NOT NULL,
        county_code varchar(6) COLLATE "C" NOT NULL`;

export class SupportSchema1765000000000 implements MigrationInterface {
  name = 'SupportSchema1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      // the registry projection: what the support office knows of persons and households (registry-projection.ts fills it)
      `CREATE TABLE {s}.registry_household (
        household_id uuid PRIMARY KEY,
        ${AREA},
        station_id varchar(16) NOT NULL,
        relocated_on date,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX registry_household_area_idx ON {s}.registry_household (area_code)`,
      `CREATE TABLE {s}.registry_person (
        person_id uuid PRIMARY KEY,
        household_id uuid NOT NULL,
        ${AREA},
        name varchar(32) NOT NULL,
        id_number varchar(18) COLLATE "C" NOT NULL,
        birth_date date NOT NULL,
        production_mode varchar(24) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'REMOVED')),
        removal_reason varchar(16),
        removed_on date,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX registry_person_household_idx ON {s}.registry_person (household_id)`,
      `CREATE INDEX registry_person_area_idx ON {s}.registry_person (area_code)`,
      // the person's subsidy card (惠民惠农"一卡通"): sensitive (BANK_CARD)
      `CREATE TABLE {s}.subsidy_card (
        person_id uuid PRIMARY KEY,
        ${AREA},
        card_no varchar(19) COLLATE "C" NOT NULL CHECK (card_no ~ '^[0-9]{16,19}$'),
        bank varchar(32) NOT NULL,
        opened_on date NOT NULL
      )`,
      `CREATE INDEX subsidy_card_area_idx ON {s}.subsidy_card (area_code)`,
      // suspensions, ends and reinstatements; the entitlement itself is derived (the view below)
      `CREATE TABLE {s}.entitlement_change (
        id uuid PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        person_id uuid NOT NULL,
        scheme varchar(32) CHECK (scheme IN ${SCHEME}),
        status varchar(16) NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ENDED')),
        reason varchar(32) NOT NULL CHECK (reason IN ('DECEASED', 'STATE_EMPLOYED', 'IMPRISONED', 'MOVED_OUT', 'NOT_FOUND', 'REMOVED_FROM_REGISTRY', 'PERIOD_ELAPSED', 'VERIFIED_PRESENT')),
        effective_on date NOT NULL,
        source varchar(16) NOT NULL CHECK (source IN ('VERIFICATION', 'REGISTRY')),
        verification_id uuid,
        ${AREA},
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX entitlement_change_person_idx ON {s}.entitlement_change (person_id, effective_on DESC, seq DESC)`,
      `CREATE INDEX entitlement_change_area_idx ON {s}.entitlement_change (area_code)`,
      `CREATE TABLE {s}.verification (
        id uuid PRIMARY KEY,
        ${AREA},
        year integer NOT NULL CHECK (year BETWEEN 2006 AND 2100),
        status varchar(8) NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        opened_by varchar(128) NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_by varchar(128),
        closed_at timestamptz,
        UNIQUE (county_code, year),
        CHECK (area_code = county_code)
      )`,
      `CREATE TABLE {s}.verification_entry (
        id uuid PRIMARY KEY,
        verification_id uuid NOT NULL REFERENCES {s}.verification (id),
        year integer NOT NULL,
        person_id uuid NOT NULL,
        household_id uuid NOT NULL,
        ${AREA},
        result varchar(16) CHECK (result IN ('PRESENT', 'DECEASED', 'STATE_EMPLOYED', 'IMPRISONED', 'MOVED_OUT', 'NOT_FOUND')),
        verified_on date,
        verifier varchar(128),
        note varchar(200),
        UNIQUE (verification_id, person_id),
        CHECK ((result IS NULL) = (verified_on IS NULL) AND (result IS NULL) = (verifier IS NULL))
      )`,
      `CREATE INDEX verification_entry_person_idx ON {s}.verification_entry (person_id, year)`,
      `CREATE INDEX verification_entry_area_idx ON {s}.verification_entry (area_code)`,
      `CREATE TABLE {s}.payment_standard (
        id uuid PRIMARY KEY,
        scheme varchar(32) NOT NULL CHECK (scheme IN ${SCHEME}),
        ${AREA},
        station_id varchar(16),
        year integer NOT NULL CHECK (year BETWEEN 2006 AND 2100),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        CHECK (area_code = county_code)
      )`,
      `CREATE UNIQUE INDEX payment_standard_uq ON {s}.payment_standard (scheme, county_code, (coalesce(station_id, '')), year)`,
      `CREATE TABLE {s}.payment_cycle (
        id uuid PRIMARY KEY,
        code varchar(40) COLLATE "C" NOT NULL UNIQUE,
        scheme varchar(32) NOT NULL CHECK (scheme IN ${SCHEME}),
        kind varchar(16) NOT NULL CHECK (kind IN ('REGULAR', 'REPAYMENT')),
        ${AREA},
        year integer NOT NULL CHECK (year BETWEEN 2006 AND 2100),
        period smallint NOT NULL CHECK (period >= 1),
        periods smallint NOT NULL CHECK (period <= periods),
        verification_id uuid NOT NULL REFERENCES {s}.verification (id),
        source_cycle_id uuid REFERENCES {s}.payment_cycle (id),
        state varchar(16) NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'EXPORTED', 'RECONCILED')),
        line_count integer NOT NULL DEFAULT 0,
        total_fen bigint NOT NULL DEFAULT 0,
        prepared_by varchar(128) NOT NULL,
        prepared_at timestamptz NOT NULL DEFAULT now(),
        submitted_by varchar(128),
        submitted_at timestamptz,
        approved_by varchar(128),
        approved_at timestamptz,
        exported_by varchar(128),
        exported_at timestamptz,
        reconciled_by varchar(128),
        reconciled_at timestamptz,
        CHECK (area_code = county_code),
        -- maker–checker, as the database's own backstop
        CHECK (approved_by IS NULL OR approved_by <> prepared_by),
        CHECK ((kind = 'REPAYMENT') = (source_cycle_id IS NOT NULL))
      )`,
      `CREATE UNIQUE INDEX payment_cycle_regular_uq ON {s}.payment_cycle (scheme, county_code, year, period) WHERE kind = 'REGULAR'`,
      `CREATE UNIQUE INDEX payment_cycle_repayment_uq ON {s}.payment_cycle (source_cycle_id) WHERE kind = 'REPAYMENT'`,
      `CREATE INDEX payment_cycle_area_idx ON {s}.payment_cycle (area_code, year)`,
      `CREATE TABLE {s}.payment_line (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL REFERENCES {s}.payment_cycle (id),
        scheme varchar(32) NOT NULL CHECK (scheme IN ${SCHEME}),
        year integer NOT NULL,
        person_id uuid NOT NULL,
        household_id uuid NOT NULL,
        ${AREA},
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        source_line_id uuid REFERENCES {s}.payment_line (id),
        UNIQUE (cycle_id, person_id)
      )`,
      `CREATE INDEX payment_line_person_idx ON {s}.payment_line (person_id)`,
      `CREATE INDEX payment_line_household_idx ON {s}.payment_line (household_id)`,
      `CREATE INDEX payment_line_area_idx ON {s}.payment_line (area_code)`,
      `CREATE TABLE {s}.bank_return (
        line_id uuid PRIMARY KEY REFERENCES {s}.payment_line (id),
        cycle_id uuid NOT NULL REFERENCES {s}.payment_cycle (id),
        ${AREA},
        paid boolean NOT NULL,
        reason varchar(100),
        returned_on date NOT NULL,
        CHECK (paid = (reason IS NULL))
      )`,
      `CREATE INDEX bank_return_cycle_idx ON {s}.bank_return (cycle_id)`,
      `CREATE TABLE {s}.ledger_entry (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL REFERENCES {s}.payment_cycle (id),
        line_id uuid NOT NULL REFERENCES {s}.payment_line (id),
        person_id uuid NOT NULL,
        household_id uuid NOT NULL,
        ${AREA},
        scheme varchar(32) NOT NULL CHECK (scheme IN ${SCHEME}),
        year integer NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('PAYMENT', 'FAILURE', 'REVERSAL')),
        amount_fen bigint NOT NULL CHECK ((kind = 'PAYMENT') = (amount_fen > 0) AND amount_fen <> 0),
        reason varchar(200),
        reverses_id uuid REFERENCES {s}.ledger_entry (id),
        recorded_by varchar(128) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((kind = 'REVERSAL') = (reverses_id IS NOT NULL))
      )`,
      `CREATE UNIQUE INDEX ledger_entry_line_uq ON {s}.ledger_entry (line_id, kind) WHERE kind <> 'REVERSAL'`,
      `CREATE UNIQUE INDEX ledger_entry_reverses_uq ON {s}.ledger_entry (reverses_id)`,
      `CREATE INDEX ledger_entry_cycle_idx ON {s}.ledger_entry (cycle_id)`,
      `CREATE INDEX ledger_entry_person_idx ON {s}.ledger_entry (person_id)`,
      `CREATE INDEX ledger_entry_area_idx ON {s}.ledger_entry (area_code)`,
      `CREATE TABLE {s}.support_project (
        id uuid PRIMARY KEY,
        code varchar(16) COLLATE "C" NOT NULL UNIQUE,
        name varchar(64) NOT NULL,
        kind varchar(24) NOT NULL CHECK (kind IN ('COLLECTIVE_ASSET', 'BEAUTIFUL_HOME', 'HAZARD_RELIEF')),
        batch smallint CHECK (batch BETWEEN 1 AND 9),
        ${AREA},
        status varchar(24) NOT NULL CHECK (status IN ('PLANNED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'OPERATING')),
        households_benefiting integer NOT NULL CHECK (households_benefiting >= 0),
        started_year integer NOT NULL CHECK (started_year BETWEEN 2006 AND 2100)
      )`,
      `CREATE INDEX support_project_area_idx ON {s}.support_project (area_code)`,
      `CREATE TABLE {s}.project_fund (
        project_id uuid NOT NULL REFERENCES {s}.support_project (id),
        year integer NOT NULL CHECK (year BETWEEN 2006 AND 2100),
        ${AREA},
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (project_id, year)
      )`,
      `CREATE INDEX project_fund_area_idx ON {s}.project_fund (area_code)`,
      /*
       * Entitlements, derived from the registry projection and the changes: one per person and
       * scheme, never typed. Post-relocation support: moved by 2006-06-30 → 现状 (EXISTING), from
       * 2006-07-01; later → 原迁 (ORIGINAL), from the move; 20 years. Annual compensation: for
       * who chose it (production mode), from the move, without end. Persons born after the move
       * are not on the register. The latest change decides the status; past its end: ENDED.
       */
      `CREATE VIEW {s}.entitlement WITH (security_invoker = true) AS
       SELECT md5(p.person_id::text || ':' || s.scheme)::uuid AS id, p.person_id, p.household_id, p.area_code, p.county_code,
              h.station_id, s.scheme, d.category, d.start_on, d.end_on,
              CASE WHEN c.status = 'ENDED' THEN 'ENDED' WHEN d.end_on < current_date THEN 'ENDED' ELSE coalesce(c.status, 'ACTIVE') END AS status,
              CASE WHEN c.status = 'ENDED' THEN c.reason WHEN d.end_on < current_date THEN 'PERIOD_ELAPSED' ELSE c.reason END AS status_reason,
              CASE WHEN c.status = 'ENDED' THEN c.effective_on WHEN d.end_on < current_date THEN d.end_on ELSE c.effective_on END AS status_on
         FROM {s}.registry_person p
         JOIN {s}.registry_household h ON h.household_id = p.household_id
         CROSS JOIN (VALUES ('POST_RELOCATION_SUPPORT'), ('ANNUAL_COMPENSATION')) AS s(scheme)
         CROSS JOIN LATERAL (
           SELECT CASE WHEN h.relocated_on <= DATE '2006-06-30' THEN 'EXISTING' ELSE 'ORIGINAL' END AS category,
                  CASE WHEN s.scheme = 'POST_RELOCATION_SUPPORT' AND h.relocated_on <= DATE '2006-06-30' THEN DATE '2006-07-01' ELSE h.relocated_on END AS start_on,
                  CASE WHEN s.scheme = 'POST_RELOCATION_SUPPORT'
                       THEN ((CASE WHEN h.relocated_on <= DATE '2006-06-30' THEN DATE '2006-07-01' ELSE h.relocated_on END) + interval '20 years' - interval '1 day')::date END AS end_on
         ) d
         LEFT JOIN LATERAL (
           SELECT x.status, x.reason, x.effective_on FROM {s}.entitlement_change x
            WHERE x.person_id = p.person_id AND (x.scheme IS NULL OR x.scheme = s.scheme)
            ORDER BY x.effective_on DESC, x.seq DESC LIMIT 1
         ) c ON TRUE
        WHERE h.relocated_on IS NOT NULL AND p.birth_date <= h.relocated_on
          AND (s.scheme = 'POST_RELOCATION_SUPPORT' OR p.production_mode = 'ANNUAL_COMPENSATION')`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runStatements(queryRunner, [
      'DROP VIEW {s}.entitlement',
      ...['project_fund', 'support_project', 'ledger_entry', 'bank_return', 'payment_line', 'payment_cycle', 'payment_standard',
        'verification_entry', 'verification', 'entitlement_change', 'subsidy_card', 'registry_person', 'registry_household'].map((t) => `DROP TABLE {s}.${t}`),
    ]);
  }
}
