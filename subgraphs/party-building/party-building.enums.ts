import { registerEnum } from '../../platform/graphql/enums';

/** The four levels of party organisation (党组 > 党支部 > 党小组 > 红网格). */
export enum PartyOrganisationLevel {
  LEADING_GROUP = 'LEADING_GROUP',
  BRANCH = 'BRANCH',
  SMALL_GROUP = 'SMALL_GROUP',
  RED_GRID = 'RED_GRID',
}

/** The level directly above each level (a leading group has none). */
export const PARENT_LEVEL: Record<PartyOrganisationLevel, PartyOrganisationLevel | null> = {
  LEADING_GROUP: null,
  BRANCH: PartyOrganisationLevel.LEADING_GROUP,
  SMALL_GROUP: PartyOrganisationLevel.BRANCH,
  RED_GRID: PartyOrganisationLevel.SMALL_GROUP,
};

/** Party activities: 三会一课 and the community's other formats. */
export enum PartyActivityType {
  BRANCH_GENERAL_MEETING = 'BRANCH_GENERAL_MEETING',
  BRANCH_COMMITTEE_MEETING = 'BRANCH_COMMITTEE_MEETING',
  SMALL_GROUP_MEETING = 'SMALL_GROUP_MEETING',
  PARTY_LESSON = 'PARTY_LESSON',
  THEME_PARTY_DAY = 'THEME_PARTY_DAY',
  MICRO_LECTURE = 'MICRO_LECTURE',
  COURTYARD_MEETING = 'COURTYARD_MEETING',
  POLICY_BRIEFING = 'POLICY_BRIEFING',
  LEGAL_TALK = 'LEGAL_TALK',
}

/** Activity types only one level of organisation holds (三会: branch meetings, small-group meetings). */
export const ACTIVITY_LEVEL: Partial<Record<PartyActivityType, PartyOrganisationLevel>> = {
  BRANCH_GENERAL_MEETING: PartyOrganisationLevel.BRANCH,
  BRANCH_COMMITTEE_MEETING: PartyOrganisationLevel.BRANCH,
  SMALL_GROUP_MEETING: PartyOrganisationLevel.SMALL_GROUP,
};

/** What residents raise. */
export enum GovernanceCaseCategory {
  GRID_PROBLEM = 'GRID_PROBLEM',
  LIVELIHOOD_TASK = 'LIVELIHOOD_TASK',
  DISPUTE_MEDIATION = 'DISPUTE_MEDIATION',
  PETITION = 'PETITION',
}

/** Days allowed to settle a case of each category when no deadline is given (限时办结制). */
export const DEFAULT_DEADLINE_DAYS: Record<GovernanceCaseCategory, number> = {
  GRID_PROBLEM: 7,
  LIVELIHOOD_TASK: 90,
  DISPUTE_MEDIATION: 30,
  PETITION: 60,
};

export enum GovernanceCaseStatus {
  OPEN = 'OPEN',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  ESCALATED = 'ESCALATED',
}

/** The legal moves of a case: open → assigned → in progress → resolved or escalated. */
export const CASE_TRANSITIONS: Record<GovernanceCaseStatus, GovernanceCaseStatus[]> = {
  OPEN: [GovernanceCaseStatus.ASSIGNED],
  ASSIGNED: [GovernanceCaseStatus.IN_PROGRESS, GovernanceCaseStatus.ESCALATED],
  IN_PROGRESS: [GovernanceCaseStatus.RESOLVED, GovernanceCaseStatus.ESCALATED],
  RESOLVED: [],
  ESCALATED: [],
};

/** Statuses of a case still being handled (overdue once past its deadline). */
export const OPEN_STATUSES = [GovernanceCaseStatus.OPEN, GovernanceCaseStatus.ASSIGNED, GovernanceCaseStatus.IN_PROGRESS];

registerEnum(PartyOrganisationLevel, 'PartyOrganisationLevel', 'Level of a party organisation · 党组织层级', {
  LEADING_GROUP: 'Leading party group · 党组',
  BRANCH: 'Party branch · 党支部',
  SMALL_GROUP: 'Party small group · 党小组',
  RED_GRID: 'Red grid · 红网格',
});
registerEnum(PartyActivityType, 'PartyActivityType', 'Kind of party activity · 党组织活动类型', {
  BRANCH_GENERAL_MEETING: 'Branch general meeting (三会一课) · 支部党员大会',
  BRANCH_COMMITTEE_MEETING: 'Branch committee meeting (三会一课) · 支部委员会',
  SMALL_GROUP_MEETING: 'Small-group meeting (三会一课) · 党小组会',
  PARTY_LESSON: 'Party lesson (三会一课) · 党课',
  THEME_PARTY_DAY: 'Theme party day · 主题党日',
  MICRO_LECTURE: 'Micro-lecture on resettlement policy · 微讲堂',
  COURTYARD_MEETING: 'Courtyard meeting · 院坝会',
  POLICY_BRIEFING: 'Policy briefing · 政策宣讲',
  LEGAL_TALK: 'Legal talk · 法律讲座',
});
registerEnum(GovernanceCaseCategory, 'GovernanceCaseCategory', 'Kind of case raised by residents · 事项类别', {
  GRID_PROBLEM: 'Problem coordinated through the grid · 网格协调问题',
  LIVELIHOOD_TASK: 'Livelihood task · 民生实事',
  DISPUTE_MEDIATION: 'Dispute mediation · 矛盾纠纷调解',
  PETITION: 'Petition · 信访',
});
registerEnum(GovernanceCaseStatus, 'GovernanceCaseStatus', 'Where a case stands · 事项办理状态', {
  OPEN: 'Open, received by the first responsible person · 已受理',
  ASSIGNED: 'Assigned to a handler · 已交办',
  IN_PROGRESS: 'Being handled · 办理中',
  RESOLVED: 'Resolved · 已办结',
  ESCALATED: 'Escalated to a higher level · 已上报',
});
