import { describe, expect, it } from 'vitest';
import {
  isoToLocal,
  localToIso,
  readIds,
  readOffset,
  readPostForm,
  readVersion,
  toPostInput,
} from '../../app/admin/post-form.js';

function formOf(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('readPostForm and toPostInput', () => {
  it('reads every field, trims the short ones and normalises line endings', () => {
    const values = readPostForm(
      formOf([
        ['title', '  Streaming replication '],
        ['slug', ''],
        ['summary', ' Why and how. '],
        ['body', '## Setup\r\n\r\nText\r'],
        ['externalUrl', ' '],
        ['categories', 'postgresql'],
        ['categories', 'ops'],
      ]),
    );
    expect(values).toEqual({
      kind: 'post',
      title: 'Streaming replication',
      slug: '',
      summary: 'Why and how.',
      body: '## Setup\n\nText\n',
      externalUrl: '',
      categories: ['postgresql', 'ops'],
      series: '',
      newSeries: '',
      seriesPart: '',
      coverImageId: null,
      coverAlt: '',
    });
    // No slug: the API makes one from the title. No link: null.
    expect(toPostInput(values)).toEqual({
      kind: 'post',
      title: 'Streaming replication',
      summary: 'Why and how.',
      body: '## Setup\n\nText\n',
      externalUrl: null,
      categories: ['postgresql', 'ops'],
      series: null,
    });
    expect(
      toPostInput({ ...values, slug: 'replication', externalUrl: 'https://x.example' }),
    ).toMatchObject({
      slug: 'replication',
      externalUrl: 'https://x.example',
    });
  });

  it('reads an empty form as empty values, never undefined', () => {
    expect(readPostForm(new FormData())).toEqual({
      kind: 'post',
      title: '',
      slug: '',
      summary: '',
      body: '',
      externalUrl: '',
      categories: [],
      series: '',
      newSeries: '',
      seriesPart: '',
      coverImageId: null,
      coverAlt: '',
    });
  });

  it('places the post in the picked series, or in the one just started, part 1 by default', () => {
    const values = readPostForm(
      formOf([
        ['title', 'T'],
        ['series', 'compilers'],
        ['newSeries', ' Parsers '],
        ['seriesPart', ' 3 '],
      ]),
    );
    expect(values).toMatchObject({ series: 'compilers', newSeries: 'Parsers', seriesPart: '3' });
    expect(toPostInput(values).series).toEqual({ slug: 'compilers', part: 3 });
    expect(toPostInput(values, 'parsers').series).toEqual({ slug: 'parsers', part: 3 });
    expect(toPostInput({ ...values, seriesPart: '' }).series).toEqual({
      slug: 'compilers',
      part: 1,
    });
    // Not a number: sent so that the API names the field, never taken as part 1.
    expect(toPostInput({ ...values, seriesPart: '2x' }).series?.part).toBeNaN();
  });
});

describe('a page in the editor', () => {
  it('is read back as a page, whatever else the form holds', () => {
    expect(readPostForm(formOf([['kind', 'page']])).kind).toBe('page');
    expect(readPostForm(formOf([['kind', 'something']])).kind).toBe('post');
  });
});

describe('numbers from forms', () => {
  it('takes only positive integers as version and ids', () => {
    expect(readVersion(formOf([['version', '7']]))).toBe(7);
    for (const bad of ['0', '-1', '1.5', '7abc', '', '99999999999']) {
      expect(readVersion(formOf([['version', bad]]))).toBeNull();
    }
    expect(
      readIds(
        formOf([
          ['id', '3'],
          ['id', 'x'],
          ['id', '0'],
          ['id', '12'],
        ]),
        'id',
      ),
    ).toEqual([3, 12]);
  });

  it('accepts real time zone offsets only', () => {
    expect(readOffset(formOf([['tzOffset', '-120']]))).toBe(-120);
    expect(readOffset(formOf([['tzOffset', '5000']]))).toBe(0);
    expect(readOffset(new FormData())).toBe(0);
  });
});

describe('datetime-local values', () => {
  it('reads a local time with the browser offset (minutes behind UTC) into UTC', () => {
    expect(localToIso('2026-12-01T09:00', 0)).toBe('2026-12-01T09:00:00.000Z');
    // Berlin in winter: getTimezoneOffset() is -60, 09:00 there is 08:00 UTC.
    expect(localToIso('2026-12-01T09:00', -60)).toBe('2026-12-01T08:00:00.000Z');
    expect(localToIso('2026-12-01T23:30', 300)).toBe('2026-12-02T04:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const bad of ['', 'tomorrow', '2026-02-31T10:00', '2026-12-01', '2026-12-01T9:00']) {
      expect(localToIso(bad, 0)).toBeNull();
    }
  });

  it('isoToLocal is its inverse', () => {
    expect(isoToLocal('2026-12-01T08:00:00.000Z', -60)).toBe('2026-12-01T09:00');
    expect(localToIso(isoToLocal('2026-06-15T17:45:00.000Z', 240), 240)).toBe(
      '2026-06-15T17:45:00.000Z',
    );
  });
});
