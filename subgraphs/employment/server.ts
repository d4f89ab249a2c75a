import { openDataSource, type Engine } from '../../platform/db/data-source';
import type { OpenDatabase, ServeOptions } from '../../platform/server/subgraph-module';
import { startSubgraph, type RunningSubgraph } from '../../platform/server/subgraph-server';
import { loadEmploymentConfig } from './employment.config';
import type { EmploymentContext } from './employment.context';
import { createEmploymentLoaders } from './employment.loaders';
import { buildEmploymentSchema } from './employment.schema';
import { Employer } from './entities/employer.entity';
import { HouseholdIncomeSurvey } from './entities/income-survey.entity';
import { LabourStatusRecord } from './entities/labour-status.entity';
import { EmploymentPlacement } from './entities/placement.entity';
import { JobTrainingCourse, JobTrainingEnrolment, JobTrainingSession } from './entities/training.entity';
import { EmploymentSchema1732250000000 } from './migrations/1732250000000-employment-schema';
import { EmploymentRowLevelSecurity1732900000000 } from './migrations/1732900000000-row-level-security';
import { EmploymentChangeHistory1732900000001 } from './migrations/1732900000001-change-history';
import { EmploymentDataVersion1764410000003 } from './migrations/1764410000003-data-version';
import { EmploymentChangeHistoryPerStatement1764420000001 } from './migrations/1764420000001-change-history-per-statement';
import { EmploymentImportSheets1764440000000 } from './migrations/1764440000000-import-sheets';
import { EmploymentRegistryProjection1764460000001 } from './migrations/1764460000001-registry-projection';
import { ImportProblem } from '../../platform/imports/import-problem.entity';
import { ImportRun } from '../../platform/imports/import-run.entity';
import { IMPORT_BODY_LIMIT } from '../../platform/imports/import.resolver';
import { registryFileRoutes } from '../../platform/imports/registry-files';
import { EMPLOYMENT_SHEETS } from './imports/sheets';

export const EMPLOYMENT = 'employment';
export const employmentEntities = [LabourStatusRecord, Employer, EmploymentPlacement, JobTrainingCourse, JobTrainingSession, JobTrainingEnrolment, HouseholdIncomeSurvey, ImportRun, ImportProblem];
export const employmentMigrations = [EmploymentSchema1732250000000, EmploymentRowLevelSecurity1732900000000, EmploymentChangeHistory1732900000001, EmploymentDataVersion1764410000003, EmploymentChangeHistoryPerStatement1764420000001, EmploymentImportSheets1764440000000, EmploymentRegistryProjection1764460000001];

export function openEmploymentDatabase(engine: Engine, options: { schema?: string; logSql?: boolean } = {}) {
  return openDataSource({ name: EMPLOYMENT, engine, entities: employmentEntities, migrations: employmentMigrations, ...options });
}

/** Starts the employment subgraph over an open, migrated data source. */
export async function serveEmployment(db: OpenDatabase, options: ServeOptions): Promise<RunningSubgraph> {
  const { schema } = await buildEmploymentSchema();
  const config = loadEmploymentConfig();
  return startSubgraph<EmploymentContext>(
    {
      name: EMPLOYMENT,
      schema,
      dataSource: db.dataSource,
      engine: db.engine,
      statements: db.statements,
      gatewayPublicKey: options.gatewayPublicKey,
      extendContext: (base) => ({ ...base, config, loaders: createEmploymentLoaders(base, config) }),
      bodyLimit: IMPORT_BODY_LIMIT,
      routes: registryFileRoutes(EMPLOYMENT_SHEETS),
    },
    options.port ?? 0,
    options.host,
  );
}
