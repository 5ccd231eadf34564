import { describe, expect, it } from 'vitest';
import { readPostForm, toPostInput } from './post-form.js';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  data.set('title', 'A title');
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('the editor form’s cover', () => {
  it('sends the chosen image and its alt text, or no cover', () => {
    expect(
      toPostInput(readPostForm(form({ coverImageId: '14', coverAlt: ' A lake ' }))),
    ).toMatchObject({ coverImageId: 14, coverAlt: 'A lake' });
    expect(toPostInput(readPostForm(form({ coverImageId: '', coverAlt: '' })))).toMatchObject({
      coverImageId: null,
    });
  });

  it('leaves the cover as it is when the form has no cover field', () => {
    const input = toPostInput(readPostForm(form({})));
    expect(input).not.toHaveProperty('coverImageId');
    expect(input).not.toHaveProperty('coverAlt');
  });
});
