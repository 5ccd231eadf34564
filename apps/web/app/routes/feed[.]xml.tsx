import { siteFeedLoader } from '../feed.server.js';

export const loader = siteFeedLoader('xml');
