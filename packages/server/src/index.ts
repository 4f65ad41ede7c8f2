/**
 * @nianbao/server — nianbao as a stateless HTTP service for back ends in any language: `POST /v1/validate`,
 * `/v1/render` (PDF, HTML, DOCX), `/v1/import`, `/v1/audit`, the OpenAPI 3.1 document at `/openapi.json`, health,
 * readiness and Prometheus metrics. Renders and imports run on a pool of warm worker threads with a bounded queue.
 */
export { createServer, DEFAULT_BODY_LIMIT, type NianbaoServer, type ServerOptions } from './app.js';
export { type RunningService, type ServeOptions, serve } from './listen.js';
export { runServe, type ServeArgs, ServeArgsError, serveOptions } from './main.js';
export type { Problem, ProblemCode, ProblemIssue } from './problem.js';
