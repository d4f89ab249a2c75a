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
// the stubs load in this order: it is the order of their types in the SDL
import { PersonStub } from './entities/person.stub';
import { HouseholdStub } from './entities/household.stub';
import { AdminAreaStub } from './entities/admin-area.stub';
import { AreaFieldsResolver } from './resolvers/area-fields.resolver';
import { EmployerMutationResolver } from './resolvers/employer-mutation.resolver';
import { EmployerResolver } from './resolvers/employer.resolver';
import { HouseholdFieldsResolver } from './resolvers/household-fields.resolver';
import { IncomeSurveyFieldsResolver } from './resolvers/income-fields.resolver';
import { IncomeSurveyMutationResolver } from './resolvers/income-mutation.resolver';
import { IncomeSurveyResolver } from './resolvers/income.resolver';
import { LabourStatusFieldsResolver } from './resolvers/labour-status-fields.resolver';
import { LabourStatusMutationResolver } from './resolvers/labour-status-mutation.resolver';
import { LabourStatusResolver } from './resolvers/labour-status.resolver';
import { PersonFieldsResolver } from './resolvers/person-fields.resolver';
import { PlacementFieldsResolver } from './resolvers/placement-fields.resolver';
import { PlacementMutationResolver } from './resolvers/placement-mutation.resolver';
import { PlacementResolver } from './resolvers/placement.resolver';
import { CourseFieldsResolver, EnrolmentFieldsResolver, SessionFieldsResolver } from './resolvers/training-fields.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { TrainingMutationResolver } from './resolvers/training-mutation.resolver';
import { TrainingResolver } from './resolvers/training.resolver';

/** The employment subgraph's federated schema and SDL (no database needed). */
export function buildEmploymentSchema() {
  return buildFederatedSchema<EmploymentContext>({
    resolvers: [
      LabourStatusResolver,
      LabourStatusMutationResolver,
      LabourStatusFieldsResolver,
      EmployerResolver,
      EmployerMutationResolver,
      PlacementResolver,
      PlacementMutationResolver,
      PlacementFieldsResolver,
      TrainingResolver,
      TrainingMutationResolver,
      CourseFieldsResolver,
      SessionFieldsResolver,
      EnrolmentFieldsResolver,
      IncomeSurveyResolver,
      IncomeSurveyMutationResolver,
      IncomeSurveyFieldsResolver,
      PersonFieldsResolver,
      HouseholdFieldsResolver,
      AreaFieldsResolver,
      StatisticsResolver,
      changeHistoryResolver(LabourStatusRecord, 'labour_status'),
      changeHistoryResolver(EmploymentPlacement, 'placement'),
      changeHistoryResolver(JobTrainingEnrolment, 'training_enrolment'),
      changeHistoryResolver(HouseholdIncomeSurvey, 'income_survey'),
      ...importResolvers('employment', EMPLOYMENT_SHEETS),
    ],
    orphanedTypes: [PersonStub, HouseholdStub, AdminAreaStub],
    referenceResolvers: employmentReferences,
    authChecker,
  });
}
