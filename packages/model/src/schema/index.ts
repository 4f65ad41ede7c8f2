/** Report JSON v1 at run time: parsing with every problem reported, and the JSON Schema. */
export { reportJsonSchema } from './json-schema.js';
export {
  type ParseIssue,
  type ParseIssueCode,
  type ParseResult,
  parseReport,
  parseReportJson,
} from './parse.js';
