import { registerEnum } from '../../platform/graphql/enums';

/** A working-age person's labour status (劳动力状态): in the labour force or not, and why. */
export enum LabourStatus {
  EMPLOYED = 'EMPLOYED',
  UNEMPLOYED_SEEKING = 'UNEMPLOYED_SEEKING',
  STUDENT = 'STUDENT',
  DISABLED = 'DISABLED',
  CARING = 'CARING',
  RETIRED = 'RETIRED',
}

/** Statuses counted in the labour force (employment rate = employed / labour force). */
export const LABOUR_FORCE: readonly LabourStatus[] = [LabourStatus.EMPLOYED, LabourStatus.UNEMPLOYED_SEEKING];

export enum EmployerKind {
  ASSISTANCE_WORKSHOP = 'ASSISTANCE_WORKSHOP',
  ENTERPRISE = 'ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
  PUBLIC_BODY = 'PUBLIC_BODY',
}

export enum PlacementType {
  LOCAL_ENTERPRISE = 'LOCAL_ENTERPRISE',
  ASSISTANCE_WORKSHOP = 'ASSISTANCE_WORKSHOP',
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
  LABOUR_EXPORT = 'LABOUR_EXPORT',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
}

export enum SelfEmploymentKind {
  RESTAURANT = 'RESTAURANT',
  BED_AND_BREAKFAST = 'BED_AND_BREAKFAST',
  E_COMMERCE = 'E_COMMERCE',
  SHOP = 'SHOP',
  TRANSPORT = 'TRANSPORT',
  OTHER = 'OTHER',
}

export enum TrainingCourseKind {
  PRACTICAL_TECHNOLOGY = 'PRACTICAL_TECHNOLOGY',
  VOCATIONAL_SKILL = 'VOCATIONAL_SKILL',
  VOCATIONAL_EDUCATION = 'VOCATIONAL_EDUCATION',
}

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}

registerEnum(LabourStatus, 'LabourStatus', 'Labour status of a working-age person · 劳动力状态', {
  EMPLOYED: 'Employed · 已就业',
  UNEMPLOYED_SEEKING: 'Unemployed and seeking work · 未就业（有就业意愿）',
  STUDENT: 'Not in the labour force: in school · 非劳动力：在校学生',
  DISABLED: 'Not in the labour force: unable to work (disability, illness) · 非劳动力：丧失劳动能力',
  CARING: 'Not in the labour force: caring for family · 非劳动力：照料家庭',
  RETIRED: 'Not in the labour force: retired · 非劳动力：退休',
});
registerEnum(EmployerKind, 'EmployerKind', 'Kind of employer · 用工主体类型', {
  ASSISTANCE_WORKSHOP: 'Assistance workshop in a resettlement community · 帮扶车间',
  ENTERPRISE: 'Enterprise · 企业',
  COOPERATIVE: 'Cooperative · 合作社',
  PUBLIC_BODY: 'Public body (community committee, township, bureau) · 机关事业单位、村（居）委会',
});
registerEnum(PlacementType, 'PlacementType', 'How a person is employed · 就业方式', {
  LOCAL_ENTERPRISE: 'Local enterprise or cooperative · 本地企业就业',
  ASSISTANCE_WORKSHOP: 'Assistance workshop · 帮扶车间就业',
  PUBLIC_WELFARE_POST: 'Public-welfare post · 公益性岗位',
  LABOUR_EXPORT: 'Labour export to another province · 劳务输出（省外务工）',
  SELF_EMPLOYED: 'Self-employed (restaurant, B&B, e-commerce …) · 自主创业、灵活就业',
});
registerEnum(SelfEmploymentKind, 'SelfEmploymentKind', 'Kind of self-employment · 自主创业类型', {
  RESTAURANT: 'Restaurant · 餐饮',
  BED_AND_BREAKFAST: 'B&B · 民宿',
  E_COMMERCE: 'E-commerce, live streaming · 电商、直播带货',
  SHOP: 'Shop · 商店',
  TRANSPORT: 'Transport · 运输',
  OTHER: 'Other · 其他',
});
registerEnum(TrainingCourseKind, 'TrainingCourseKind', 'Kind of training course · 培训类别', {
  PRACTICAL_TECHNOLOGY: 'Practical-technology training · 实用技术培训',
  VOCATIONAL_SKILL: 'Vocational-skill training · 职业技能培训',
  VOCATIONAL_EDUCATION: 'Vocational education · 职业教育',
});
registerEnum(EnrolmentStatus, 'TrainingEnrolmentStatus', 'Where a trainee stands in a session · 培训学员状态', {
  ENROLLED: 'Enrolled · 已报名',
  COMPLETED: 'Completed · 已结业',
  DROPPED: 'Dropped out · 中途退出',
});

/** Provinces a labour-export placement may go to (mainland, by their usual short Chinese names). */
export const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
] as const;
