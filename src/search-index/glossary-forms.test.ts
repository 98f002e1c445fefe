import { describe, expect, test } from 'vitest';
import { decodeForms, encodeForms, englishForms, glossaryForms } from './glossary-forms.ts';

describe('englishForms', () => {
  test('abbreviations in brackets, the words they abbreviate, the name with and without brackets', () => {
    expect(englishForms('Diagnosis-Related Groups (DRG) payment')).toEqual({
      names: ['Diagnosis-Related Groups (DRG) payment', 'Diagnosis-Related Groups payment', 'Diagnosis-Related Groups'],
      abbreviations: ['DRG'],
    });
  });
  test('an alternative name in brackets at the end is a name; a qualifier (a place) or a modifier in the middle is not', () => {
    expect(englishForms('Tiered diagnosis and treatment (hierarchical medical system)').names).toEqual([
      'Tiered diagnosis and treatment (hierarchical medical system)',
      'Tiered diagnosis and treatment',
      'hierarchical medical system',
    ]);
    expect(englishForms('Preventive treatment of disease (zhiweibing)').names).toContain('zhiweibing');
    expect(englishForms('"At most one trip" reform (Zhejiang)').names).toEqual([
      'At most one trip reform (Zhejiang)',
      'At most one trip reform',
    ]);
    expect(englishForms('Mixed (multi-component) provider payment system').names).toEqual([
      'Mixed (multi-component) provider payment system',
      'Mixed provider payment system',
    ]);
  });
});

describe('glossaryForms', () => {
  const entries = [
    { id: 'drg', term: 'DRG付费', aliases: ['DRG'], english: 'Diagnosis-Related Groups (DRG) payment' },
    { id: 'a', term: '甲', aliases: [], english: 'Shared name (SN)' },
    { id: 'b', term: '乙', aliases: [], english: 'Shared name' },
  ];
  test('abbreviations join the searched forms (once); English names lead to the entry; a name two entries share leads to neither', () => {
    const [drg, a, b] = glossaryForms(entries);
    expect(drg.forms).toEqual(['DRG付费', 'DRG']);
    expect(drg.english).toContain('Diagnosis-Related Groups');
    expect(a.forms).toEqual(['甲', 'SN']);
    expect(a.english ?? []).not.toContain('Shared name');
    expect(b.english ?? []).not.toContain('Shared name');
  });
  test('the file format reads back what was written', () => {
    const forms = glossaryForms(entries);
    expect(decodeForms(JSON.parse(JSON.stringify(encodeForms(forms))))).toEqual(forms);
  });
});
