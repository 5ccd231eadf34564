import { categoryFeedLoader } from '../feed.server.js';

export const loader = categoryFeedLoader('json');
