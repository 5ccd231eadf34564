import { authorFeedLoader } from '../feed.server.js';

export const loader = authorFeedLoader('atom');
