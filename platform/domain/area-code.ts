/** The county (区、县、市) an area code lies in: its first six digits. */
export const countyOf = (areaCode: string): string => areaCode.slice(0, 6);
