import { describe, expect, it } from 'vitest';
import { groupLabel, roleLabel } from './person-roles.js';

describe('Podcasting 2.0 person roles in the page language', () => {
  it('reads host and guest as Dutch words on Dutch pages, whatever their case', () => {
    expect(roleLabel('host', 'nl')).toBe('Presentator');
    expect(roleLabel('Guest', 'nl')).toBe('Gast');
    expect(groupLabel('Cast', 'nl')).toBe('Cast');
    expect(groupLabel('writing', 'nl')).toBe('Tekst');
  });

  it('writes English in the taxonomy spelling and keeps roles it does not know as written', () => {
    expect(roleLabel('co-host', 'en')).toBe('Co-Host');
    expect(roleLabel('executive producer', 'en')).toBe('Executive Producer');
    expect(roleLabel('wethouder', 'nl')).toBe('wethouder');
    expect(roleLabel('wethouder', 'en')).toBe('wethouder');
  });
});
