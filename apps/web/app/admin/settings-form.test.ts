import { expect, test } from 'vitest';
import { readSettingsForm } from './settings-form.js';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

test('reads every setting, keeping navigation rows in order and dropping blank ones', () => {
  const input = readSettingsForm(
    form([
      ['title', 'Field Notes'],
      ['description', 'Learned the hard way'],
      ['ownerName', 'Ada'],
      ['logoImageId', '7'],
      ['faviconImageId', ''],
      ['navLabel', 'About'],
      ['navUrl', '/posts/about'],
      ['navLabel', ' '],
      ['navUrl', ''],
      ['navLabel', 'Code'],
      ['navUrl', ' https://example.org '],
      ['postsPerPage', '5'],
      ['holdFirstComments', 'on'],
    ]),
  );
  expect(input).toEqual({
    title: 'Field Notes',
    description: 'Learned the hard way',
    ownerName: 'Ada',
    logoImageId: 7,
    faviconImageId: null,
    navigation: [
      { label: 'About', url: '/posts/about' },
      { label: 'Code', url: 'https://example.org' },
    ],
    postsPerPage: 5,
    commentsEnabled: false,
    holdFirstComments: true,
    fullContentFeeds: false,
    pageOrder: [],
  });
});

test('orders the pages by the positions typed, ties in the order listed, and reads the feed switch', () => {
  const input = readSettingsForm(
    form([
      ['pageId', '4'],
      ['pagePosition', '3'],
      ['pageId', '9'],
      ['pagePosition', '1'],
      ['pageId', '2'],
      ['pagePosition', '3'],
      ['pageId', '5'],
      ['pagePosition', ''],
      ['fullContentFeeds', 'on'],
    ]),
  );
  expect(input.pageOrder).toEqual([9, 4, 2, 5]);
  expect(input.fullContentFeeds).toBe(true);
});

test('a half-filled navigation row is sent, for the API to name what is missing', () => {
  const input = readSettingsForm(
    form([
      ['navLabel', 'About'],
      ['navUrl', ''],
    ]),
  );
  expect(input.navigation).toEqual([{ label: 'About', url: '' }]);
});
