/* Dotted JSON paths live in ../json-path.ts (the checker, which must not load the schema, names fields too). */
export { formatPath, type PathSegment, parsePath } from '../json-path.js';
