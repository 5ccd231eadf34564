export { createHttpDrain, type DrainResult, type HttpDrain } from './drain.js';
