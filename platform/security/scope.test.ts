import { ancestorCodes, areaPrefix, checkAreaFilter, Scope } from './scope';
import { normalizeAreaCode } from '../graphql/validation';

describe('jurisdiction scope', () => {
  it('turns codes into prefixes: the prefecture covers its counties', () => {
    expect(areaPrefix('530600')).toBe('5306');
    expect(areaPrefix('530622')).toBe('530622');
    expect(areaPrefix('530622101001')).toBe('530622101001');
  });

  it('covers rows below the jurisdiction only', () => {
    const county = new Scope(['530622']);
    expect(county.covers('530622101001003')).toBe(true);
    expect(county.covers('530626100001001')).toBe(false);
    expect(new Scope(['530600']).covers('530681001001001')).toBe(true);
  });

  it('sees the areas above a jurisdiction, for navigation, but not their siblings', () => {
    const community = new Scope(['530622101001']);
    expect(ancestorCodes('530622101001')).toEqual(['530600', '530622', '530622101']);
    expect(community.seesArea('530600')).toBe(true);
    expect(community.seesArea('530622101')).toBe(true);
    expect(community.seesArea('530622101002')).toBe(false);
    expect(community.seesArea('530626')).toBe(false);
  });

  it('drops prefixes covered by a shorter one', () => {
    expect(new Scope(['530622', '530622101', '530626']).prefixes).toEqual(['530622', '530626']);
  });

  it('builds an index-friendly range condition', () => {
    const { clause, params } = new Scope(['530622']).condition('h.area_code', 's');
    expect(clause).toBe('((h.area_code >= :s_lo0 AND h.area_code < :s_hi0))');
    expect(params).toEqual({ s_lo0: '530622', s_hi0: '530622~' });
  });

  it('checks area filters: malformed is BAD_USER_INPUT, outside is FORBIDDEN, wider is allowed', () => {
    const county = new Scope(['530622']);
    expect(() => checkAreaFilter(county, '5306', 'filter.areaCode')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filter.areaCode' }) }));
    expect(() => checkAreaFilter(county, '530626', 'f')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(checkAreaFilter(county, '530600', 'f')).toBe('530600');
    expect(checkAreaFilter(county, '530622101', 'f')).toBe('530622101');
  });

  it('maps Shuifu’s old county code to today’s', () => {
    expect(normalizeAreaCode('530630')).toBe('530681');
    expect(normalizeAreaCode('530630001002')).toBe('530681001002');
    expect(normalizeAreaCode('530622')).toBe('530622');
  });
});
