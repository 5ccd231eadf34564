import { z } from 'zod';
import { SLUG_PATTERN } from '../../posts/posts.schemas.js';
import { MAX_SLUG_LENGTH } from '../posts/post-slugs.js';

/** A post or category slug as the public URLs accept it. */
export const slugField = z
  .string({ error: 'must be text' })
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(MAX_SLUG_LENGTH, `must be at most ${MAX_SLUG_LENGTH} characters`)
  .regex(SLUG_PATTERN, 'must be lowercase letters and digits separated by single dashes');
