// Build step: copies the font files @nianbao/pdf uses out of the @expo-google-fonts family packages (nine weights
// each, devDependencies only) into dist/, with their licences. The published package holds just these files, so a
// server that installs @nianbao/pdf downloads 53 MB of fonts instead of several hundred.
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist');
const resolvePath = (specifier) => fileURLToPath(import.meta.resolve(specifier));

/** Output name → source in the family package. Keep in step with package.json `exports`. */
const FILES = {
  'NotoSerifSC-Regular.ttf': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'NotoSerifSC-Bold.ttf': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'NotoSansSC-Bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  // Rare-character fallbacks: Google's Noto Sans SC lacks most of CJK Extension B (𠮷 in place and personal
  // names); the JP and HK cuts add about 2,000 such characters between them.
  'NotoSansJP-Regular.ttf': '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'NotoSansHK-Regular.ttf': '@expo-google-fonts/noto-sans-hk/400Regular/NotoSansHK_400Regular.ttf',
};
const LICENCES = {
  'LICENSE-NotoSerifSC.txt': '@expo-google-fonts/noto-serif-sc/LICENSE_FONT',
  'LICENSE-NotoSansSC.txt': '@expo-google-fonts/noto-sans-sc/LICENSE_FONT',
  'LICENSE-NotoSansJP.txt': '@expo-google-fonts/noto-sans-jp/LICENSE_FONT',
  'LICENSE-NotoSansHK.txt': '@expo-google-fonts/noto-sans-hk/LICENSE_FONT',
};

mkdirSync(out, { recursive: true });
for (const [name, specifier] of Object.entries({ ...FILES, ...LICENCES })) {
  const from = resolvePath(specifier);
  const to = join(out, name);
  // Copy only when changed, so turbo's cache and incremental builds stay cheap.
  let same = false;
  try {
    same = statSync(to).size === statSync(from).size && readFileSync(to).equals(readFileSync(from));
  } catch {
    same = false;
  }
  if (!same) copyFileSync(from, to);
}
