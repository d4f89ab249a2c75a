/**
 * What the grid and pairing mutations refuse, and how they say it: the mutations and the
 * party-building sheets (grid assignments, pairings) refuse the same things with the same words.
 */
type Message = [zh: string, en: string];

export const NOT_IN_UNIT: Message = ['该户尚未划入网格单元，请先划入', 'The household is not in a grid unit yet; assign it first'];
export const IN_UNIT_OUTSIDE: Message = ['有移民户已划入您管辖范围以外的网格', 'A household belongs to a unit outside your jurisdiction'];
export const CADRE_OTHER_COUNTY: Message = ['干部须与移民户在同一县（区、市）', 'The cadre must serve in the household’s county'];
export const ALREADY_PAIRED: Message = ['该干部已与该户结对', 'The cadre is already paired with this household'];
