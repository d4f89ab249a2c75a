import { changeHistoryMigration, type TrackedTable } from '../../../platform/history/change-history';

/** The tables whose changes are kept. */
export const EMPLOYMENT_TRACKED: TrackedTable[] = ['labour_status', 'employer', 'placement', 'training_course', 'training_session', 'training_enrolment', 'income_survey'].map((table) => ({ table }));

/** Every employment table: every change kept in `change_log`, with who, when, the source and the old and new values. */
export const EmploymentChangeHistory1732900000001 = changeHistoryMigration('EmploymentChangeHistory1732900000001', EMPLOYMENT_TRACKED);
