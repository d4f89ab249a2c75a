import { changeHistoryMigration } from '../../shared/change-history';

/** Every employment table: every change kept in `change_log`, with who, when, the source and the old and new values. */
export const EmploymentChangeHistory1732900000001 = changeHistoryMigration('EmploymentChangeHistory1732900000001', ['labour_status', 'employer', 'placement', 'training_course', 'training_session', 'training_enrolment', 'income_survey'].map((table) => ({ table })));
