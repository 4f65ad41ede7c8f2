// Typed without importing vitest: apps/storybook type-checks this file with its own vitest instance, and two
// copies of vitest's types in one program do not agree.

/** Export conditions under which workspace packages resolve to their TypeScript sources in tests. */
export declare const sourceConditions: string[];
/** The JSON reporter every runner writes for scripts/sum-test-results.mjs. */
export declare const reporting: { reporters: ['default', 'json']; outputFile: { json: string } };
/** The shared vitest config with a package's own differences (a vitest `UserConfig`) merged in. */
export declare function packageConfig(overrides?: Record<string, unknown>): Record<string, unknown>;
