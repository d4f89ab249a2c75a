import { Sex } from '../households.enums';
import { Random } from '../../../platform/demo/random';

/** Surnames common in north-east Yunnan, weighted roughly by frequency. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['李', 8], ['王', 7], ['张', 6], ['杨', 6], ['刘', 5], ['陈', 5], ['赵', 3], ['黄', 3], ['周', 3],
  ['吴', 3], ['何', 3], ['罗', 3], ['马', 2.5], ['徐', 2], ['孙', 2], ['胡', 2], ['朱', 2], ['高', 2],
  ['付', 1.5], ['邓', 1.5], ['谢', 1.5], ['余', 1.5], ['郭', 1.5], ['林', 1], ['蒋', 1], ['曾', 1],
  ['彭', 1], ['唐', 1], ['冯', 1], ['肖', 1], ['田', 1], ['董', 1], ['袁', 1], ['熊', 1], ['龙', 1],
  ['韩', 0.8], ['蔡', 0.8], ['潘', 0.8], ['邹', 0.8], ['宋', 0.8], ['苏', 0.8], ['魏', 0.8], ['范', 0.8],
  ['石', 0.8], ['卢', 0.8], ['邱', 0.8], ['汪', 0.6], ['吕', 0.5], ['钱', 0.5], ['金', 0.5], ['陆', 0.5],
  ['夏', 0.5], ['姚', 0.5], ['沈', 0.5], ['江', 0.5], ['钟', 0.5], ['万', 0.5], ['文', 0.5], ['陶', 0.5],
];

/** Surnames frequent among the minorities of Zhaotong (Yi, Hui, Miao). */
const MINORITY_SURNAMES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  彝族: [['禄', 3], ['安', 3], ['陇', 2], ['李', 3], ['杨', 2], ['吉', 1], ['阿', 1], ['沙', 1]],
  回族: [['马', 8], ['沙', 2], ['纳', 2], ['丁', 1.5], ['海', 1], ['李', 1], ['白', 1], ['保', 1]],
  苗族: [['王', 4], ['杨', 3], ['张', 3], ['龙', 2], ['熊', 2], ['陶', 2], ['朱', 1], ['韩', 1]],
};

/** Given-name characters, by sex and by generation (born before or after 1990). */
const GIVEN: Readonly<Record<Sex, { older: string; younger: string }>> = {
  [Sex.MALE]: {
    older: '国建明华文军平志勇强德成龙云富贵发才顺学忠红东洪江金永光天福万中祥正昌开元兴荣刚海林波',
    younger: '伟超杰磊涛斌鹏辉俊宇浩博轩子睿泽航阳晨鑫凯然皓豪翔毅明俊杰逸诚',
  },
  [Sex.FEMALE]: {
    older: '芳丽秀英华敏静燕玲娟霞兰红梅琼艳萍莉凤桂珍春美翠琴会花玉仙菊兰巧焕',
    younger: '慧婷雪欣怡雨佳涵梓萱诗琪思颖悦妍蕾倩瑶晶璐可馨月楠彤雯婧',
  },
};

interface CharPools { first: readonly string[]; second: readonly string[] }

/** First characters come from the person's generation; second ones from either. */
function pools(sex: Sex, younger: boolean): CharPools {
  const own = [...(younger ? GIVEN[sex].younger : GIVEN[sex].older)];
  const otherGeneration = [...(younger ? GIVEN[sex].older : GIVEN[sex].younger)];
  return { first: own, second: [...own, ...otherGeneration] };
}

const POOLS: Readonly<Record<Sex, { older: CharPools; younger: CharPools }>> = {
  [Sex.MALE]: { older: pools(Sex.MALE, false), younger: pools(Sex.MALE, true) },
  [Sex.FEMALE]: { older: pools(Sex.FEMALE, false), younger: pools(Sex.FEMALE, true) },
};

/** A surname, drawn from the pool that fits the person's ethnicity. */
export function pickSurname(random: Random, ethnicity = '汉族'): string {
  const pool = MINORITY_SURNAMES[ethnicity];
  return pool && random.chance(0.7) ? random.weighted(pool) : random.weighted(SURNAMES);
}

/** A given name of one or two characters, flavoured by sex and birth year. */
export function makeGivenName(random: Random, sex: Sex, birthYear: number): string {
  const younger = birthYear >= 1990;
  const { first, second } = younger ? POOLS[sex].younger : POOLS[sex].older;
  const a = random.pick(first);
  if (random.chance(younger ? 0.2 : 0.3)) return a;
  let b = random.pick(second);
  if (b === a && random.chance(0.7)) b = random.pick(second);
  return a + b;
}

/** A full Chinese name: the given surname (or a fresh one) followed by a given name. */
export function makeName(random: Random, sex: Sex, birthYear: number, surname?: string): string {
  return (surname ?? pickSurname(random)) + makeGivenName(random, sex, birthYear);
}
