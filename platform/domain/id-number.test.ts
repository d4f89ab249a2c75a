import { checkCharacter, eighteenCharacterForm, idNumberForms, makeIdNumber, maskIdNumber, maskPhone, parseIdNumber } from './id-number';

describe('resident ID numbers (GB 11643)', () => {
  // the standard's own worked example: 11010519491231002X
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: { normalized: '11010519491231002X', areaCode: '110105', birthDate: '1949-12-31', sex: 'FEMALE' },
    });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    const r = parseIdNumber(' 11010519491231002x ');
    expect(r.ok && r.value.normalized).toBe('11010519491231002X');
  });

  it('derives sex from the parity of the sequence', () => {
    const male = makeIdNumber('530622', '1980-05-17', 123);
    const female = makeIdNumber('530622', '1980-05-17', 124);
    expect(parseIdNumber(male)).toMatchObject({ ok: true, value: { sex: 'MALE', birthDate: '1980-05-17' } });
    expect(parseIdNumber(female)).toMatchObject({ ok: true, value: { sex: 'FEMALE' } });
  });

  it('rejects a wrong check character', () => {
    const valid = makeIdNumber('530622', '1980-05-17', 123);
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(parseIdNumber(wrong)).toEqual({ ok: false, problem: 'CHECK_CHARACTER' });
  });

  it('rejects impossible and future birth dates', () => {
    const feb30 = '530622' + '19800230' + '123';
    expect(parseIdNumber(feb30 + checkCharacter(feb30))).toEqual({ ok: false, problem: 'BIRTH_DATE' });
    const future = '530622' + '20991231' + '123';
    expect(parseIdNumber(future + checkCharacter(future))).toEqual({ ok: false, problem: 'BIRTH_DATE' });
  });

  it('recognises what Excel does to ID numbers', () => {
    expect(parseIdNumber('5.30622E+17')).toEqual({ ok: false, problem: 'EXCEL_FLOAT' });
    expect(parseIdNumber('11010519491231002')).toEqual({ ok: false, problem: 'LOST_CHECK_X' });
    expect(parseIdNumber('5306221980')).toEqual({ ok: false, problem: 'FORMAT' });
  });

  it('reads old 15-digit numbers', () => {
    expect(parseIdNumber('530622800517123')).toMatchObject({ ok: true, value: { birthDate: '1980-05-17', sex: 'MALE' } });
  });

  it('masks ID numbers and phones', () => {
    expect(maskIdNumber('530622198005171234')).toBe('530622************');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('the two forms of one number', () => {
  it('a 15-digit number and its 18-character form are one person', () => {
    expect(eighteenCharacterForm('110105491231002')).toBe('11010519491231002X'); // the standard's example, issued in its old form
    expect(eighteenCharacterForm(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(idNumberForms('110105491231002')).toEqual(['11010519491231002X', '110105491231002']);
    expect(idNumberForms('11010519491231002X')).toEqual(['11010519491231002X', '110105491231002']);
    expect(idNumberForms(makeIdNumber('530622', '2001-02-03', 11))).toHaveLength(1); // born after 1999: no old form
  });
});
