import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Chromium and LibreOffice find fonts through fontconfig. A machine without a CJK system font (no
 * fonts-noto-cjk) prints every Chinese character as an empty box, so the PDFs these tests read would hold no
 * text worth reading. The tests therefore point fontconfig at the open fonts of @nianbao/fonts (the system's
 * configuration included first), with the Chinese office fonts' names mapped to them, as the DOCX package's
 * LibreOffice checks do: the rendering does not depend on what the machine has installed.
 */

/** Chinese office font names mapped to the open fonts of @nianbao/fonts. */
const ALIASES: Record<string, string> = {
  方正小标宋简体: 'Noto Sans SC',
  黑体: 'Noto Sans SC',
  楷体_GB2312: 'Noto Serif SC',
  仿宋_GB2312: 'Noto Serif SC',
  宋体: 'Noto Serif SC',
  'Noto Serif CJK SC': 'Noto Serif SC',
  'Noto Sans CJK SC': 'Noto Sans SC',
};

let file: string | undefined;

/** The environment for a Chromium or LibreOffice run: FONTCONFIG_FILE naming @nianbao/fonts (made once). */
export function fontEnv(): Record<string, string> {
  if (!file) {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-fonts-'));
    const fontsDir = dirname(fileURLToPath(import.meta.resolve('@nianbao/fonts/NotoSerifSC-Regular.ttf')));
    const aliases = Object.entries(ALIASES)
      .map(
        ([from, to]) =>
          `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`,
      )
      .join('');
    file = join(dir, 'fonts.conf');
    writeFileSync(
      file,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fontsDir}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir>${aliases}</fontconfig>`,
    );
  }
  return { FONTCONFIG_FILE: file };
}
