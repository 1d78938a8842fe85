import fc from 'fast-check';
import type { z } from 'zod';
import { certificateSerialSchema, landUseTypeSchema, landUseTypes, parcelKeySchema } from './land.js';
import { ruleOfIssue } from './rule-issue.js';

const ruleOf = (result: { error?: z.ZodError | undefined }) => ruleOfIssue(result.error?.issues[0]);

describe('parcelKeySchema', () => {
  it('accepts numbers or digit strings and outputs numbers', () => {
    expect(parcelKeySchema.parse({ communeCode: '25747', mapSheet: '12', parcelNumber: 345 })).toEqual({
      communeCode: '25747',
      mapSheet: 12,
      parcelNumber: 345,
    });
  });

  it.each([
    [{ communeCode: '2574', mapSheet: 1, parcelNumber: 1 }, 'communeCode', 'format'],
    [{ communeCode: '25747', mapSheet: 0, parcelNumber: 1 }, 'mapSheet', 'range'],
    [{ communeCode: '25747', mapSheet: 1, parcelNumber: -3 }, 'parcelNumber', 'format'],
    [{ communeCode: '25747', mapSheet: 1.5, parcelNumber: 1 }, 'mapSheet', 'format'],
    [{ communeCode: '25747', mapSheet: '12a', parcelNumber: 1 }, 'mapSheet', 'format'],
  ])('rejects %j at %s with rule %s', (value, field, rule) => {
    const issue = parcelKeySchema.safeParse(value).error?.issues[0];
    expect({ field: issue?.path.join('.'), rule: ruleOfIssue(issue) }).toEqual({ field, rule });
  });
});

describe('certificateSerialSchema', () => {
  it.each([
    ['DA 12345678', 'DA 12345678'],
    ['da12345678', 'DA 12345678'],
    ['  Da 123 456 78 ', 'DA 12345678'],
    ['bđ 123456', 'BĐ 123456'],
    ['ÐC123456', 'ĐC 123456'],
  ])('canonicalises %j to %j', (input, canonical) => {
    expect(certificateSerialSchema.parse(input)).toBe(canonical);
  });

  it.each([
    ['DA 1234567', 'length'],
    ['DA 123456789', 'length'],
    ['D 12345678', 'format'],
    ['DA-12345678', 'format'],
    ['12345678', 'format'],
  ])('rejects %j with rule %s', (input, rule) => {
    expect(ruleOf(certificateSerialSchema.safeParse(input))).toBe(rule);
  });

  it('round-trips: the canonical form parses to itself, from any case and spacing', () => {
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZĐ');
    const digits = fc.constantFrom(6, 8).chain((length) => fc.stringMatching(new RegExp(`^\\d{${length}}$`)));
    fc.assert(
      fc.property(letters, letters, digits, fc.boolean(), (first, second, number, lower) => {
        const canonical = `${first}${second} ${number}`;
        const written = lower ? `${first}${second}  ${number}`.toLowerCase() : `${first}${second}${number}`;
        return (
          certificateSerialSchema.parse(written) === canonical &&
          certificateSerialSchema.parse(canonical) === canonical
        );
      }),
    );
  });
});

describe('landUseTypeSchema', () => {
  it('accepts every code of DOMAIN.md, whatever its case', () => {
    for (const code of ['ONT', 'ODT', 'LUC', 'CLN', 'HNK', 'RSX', 'NTS', 'SKC', 'TMD', 'DGT', 'BCS']) {
      expect(landUseTypeSchema.parse(` ${code.toLowerCase()}`)).toBe(code);
    }
  });

  it('gives each code its meaning in English and Vietnamese', () => {
    expect(landUseTypes.ONT).toEqual({ en: 'Rural residential land', vi: 'Đất ở tại nông thôn' });
  });

  it('rejects an unknown code with rule unknown_land_use_type', () => {
    expect(ruleOf(landUseTypeSchema.safeParse('XYZ'))).toBe('unknown_land_use_type');
  });
});
