import { packageConfig } from '../../vitest.shared.mjs';

// Browser tests start Chromium; give their hooks room on a 2-core machine too.
export default packageConfig({ test: { hookTimeout: 60_000 } });
