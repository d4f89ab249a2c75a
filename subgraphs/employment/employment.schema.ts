import { authChecker } from '../../platform/security/auth-checker';
import { changeHistoryResolver } from '../../platform/history/change-history.resolver';
import { buildFederatedSchema } from '../../platform/graphql/federated-schema';
import { importResolvers } from '../../platform/imports/import.resolver';
import { EMPLOYMENT_SHEETS } from './imports/sheets';
import { HouseholdIncomeSurvey } from './entities/income-survey.entity';
import { LabourStatusRecord } from './entities/labour-status.entity';
import { EmploymentPlacement } from './entities/placement.entity';
import { JobTrainingEnrolment } from './entities/training.entity';
import type { EmploymentContext } from './employment.context';
import { employmentReferences } from './employment.references';
import { AdminArea, Household, Person } from './entities/registry.stubs';
import { EmployerResolver } from './resolvers/employer.resolver';
import { IncomeSurveyResolver } from './resolvers/income.resolver';
import { LabourStatusFieldsResolver } from './resolvers/labour-status-fields.resolver';
import { LabourStatusResolver } from './resolvers/labour-status.resolver';
import { PlacementFieldsResolver } from './resolvers/placement-fields.resolver';
import { PlacementResolver } from './resolvers/placement.resolver';
import { AreaEmploymentResolver, HouseholdEmploymentResolver, PersonEmploymentResolver } from './resolvers/registry-fields.resolver';
import { CourseFieldsResolver, EnrolmentFieldsResolver, SessionFieldsResolver } from './resolvers/training-fields.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { TrainingResolver } from './resolvers/training.resolver';

/** The employment subgraph's federated schema and SDL (no database needed). */
export function buildEmploymentSchema() {
  return buildFederatedSchema<EmploymentContext>({
    resolvers: [
      LabourStatusResolver,
      LabourStatusFieldsResolver,
      EmployerResolver,
      PlacementResolver,
      PlacementFieldsResolver,
      TrainingResolver,
      CourseFieldsResolver,
      SessionFieldsResolver,
      EnrolmentFieldsResolver,
      IncomeSurveyResolver,
      PersonEmploymentResolver,
      HouseholdEmploymentResolver,
      AreaEmploymentResolver,
      StatisticsResolver,
      changeHistoryResolver(LabourStatusRecord, 'labour_status'),
      changeHistoryResolver(EmploymentPlacement, 'placement'),
      changeHistoryResolver(JobTrainingEnrolment, 'training_enrolment'),
      changeHistoryResolver(HouseholdIncomeSurvey, 'income_survey'),
      ...importResolvers('employment', EMPLOYMENT_SHEETS),
    ],
    orphanedTypes: [Person, Household, AdminArea],
    referenceResolvers: employmentReferences,
    authChecker,
  });
}
