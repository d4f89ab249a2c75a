import { defineSubgraph } from '../../platform/server/define-subgraph';
import { hasEmploymentData, loadEmploymentDemo } from './demo/load';
import { loadEmploymentConfig, type EmploymentConfig } from './employment.config';
import type { EmploymentContext } from './employment.context';
import { createEmploymentLoaders } from './employment.loaders';
import { buildEmploymentSchema } from './employment.schema';
import { Employer } from './entities/employer.entity';
import { HouseholdIncomeSurvey } from './entities/income-survey.entity';
import { LabourStatusRecord } from './entities/labour-status.entity';
import { EmploymentPlacement } from './entities/placement.entity';
import { JobTrainingCourse, JobTrainingEnrolment, JobTrainingSession } from './entities/training.entity';
import { EMPLOYMENT_SHEETS } from './imports/sheets';
import { EMPLOYMENT_PROJECTION } from './employment.projection';
import { EmploymentSchema1732250000000 } from './migrations/1732250000000-employment-schema';
import { EmploymentRowLevelSecurity1732900000000 } from './migrations/1732900000000-row-level-security';
import { EmploymentChangeHistory1732900000001 } from './migrations/1732900000001-change-history';
import { EmploymentDataVersion1764410000003 } from './migrations/1764410000003-data-version';
import { EmploymentChangeHistoryPerStatement1764420000001 } from './migrations/1764420000001-change-history-per-statement';
import { EmploymentImportSheets1764440000000 } from './migrations/1764440000000-import-sheets';
import { EmploymentRegistryProjection1764460000001 } from './migrations/1764460000001-registry-projection';
import { EmploymentStatisticsRollups1765400000002 } from './migrations/1765400000002-statistics-rollups';
import { EmploymentChangeRecordsAsText1765400000003 } from './migrations/1765400000003-change-records-as-text';
import { EmploymentChangeRecordsAsJson1765510000003 } from './migrations/1765510000003-change-records-as-json';

/** The employment subgraph: labour status, employers, placements, training and income surveys. */
export const employmentModule = defineSubgraph<EmploymentContext, EmploymentConfig>({
  name: 'employment',
  port: 4003,
  entities: [LabourStatusRecord, Employer, EmploymentPlacement, JobTrainingCourse, JobTrainingSession, JobTrainingEnrolment, HouseholdIncomeSurvey],
  migrations: [
    EmploymentSchema1732250000000,
    EmploymentRowLevelSecurity1732900000000,
    EmploymentChangeHistory1732900000001,
    EmploymentDataVersion1764410000003,
    EmploymentChangeHistoryPerStatement1764420000001,
    EmploymentImportSheets1764440000000,
    EmploymentRegistryProjection1764460000001,
    EmploymentStatisticsRollups1765400000002,
    EmploymentChangeRecordsAsText1765400000003,
    EmploymentChangeRecordsAsJson1765510000003,
  ],
  schema: buildEmploymentSchema,
  settings: () => loadEmploymentConfig(),
  extendContext: (base, config) => ({ ...base, config, loaders: createEmploymentLoaders(base, config) }),
  sheets: EMPLOYMENT_SHEETS,
  projection: EMPLOYMENT_PROJECTION,
  demo: { hasData: hasEmploymentData, load: loadEmploymentDemo },
});
