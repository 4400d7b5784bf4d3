/**
 * The keyboard focus can be seen: in Chromium, Tab to controls on the
 * app's different surfaces (sidebar, page, card, a primary and a danger
 * button, a date field's parts) and measure the ring that is drawn, from the
 * computed styles: its colour (composited over what is behind it, if
 * translucent) against the colours next to it must reach WCAG's 3:1 (SC
 * 1.4.11 / 2.4.13). Relative luminance and the contrast ratio are computed
 * here, per WCAG 2.2, independently of the app's code. In forced-colors mode
 * (Windows High Contrast), which drops box-shadows, a real outline must
 * remain. The restore's "Replace everything", which deletes all current data,
 * carries the app's danger button style.
 */
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { ensureProfile, openWithSample, watchPage } from './helpers';

type Rgba = [number, number, number, number];

function parseColor(css: string): Rgba {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/.exec(css.trim());
  if (!m) throw new Error(`Not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

/** WCAG 2.2 relative luminance of an opaque sRGB colour. */
function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (c: Rgba) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** What the browser computed for the focused element, and the background layers behind it. */
type Computed = {
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  outlineOffset: string;
  boxShadow: string;
  borderWidth: string;
  borderColor: string;
  /** The element's own background colour. */
  own: string;
  /** Background colours of the ancestors, nearest first, up to the root. */
  behind: string[];
};

async function computed(target: Locator): Promise<Computed> {
  return target.evaluate((el) => {
    const cs = getComputedStyle(el);
    const behind: string[] = [];
    for (let p = el.parentElement; p; p = p.parentElement) behind.push(getComputedStyle(p).backgroundColor);
    return {
      outlineStyle: cs.outlineStyle,
      outlineWidth: cs.outlineWidth,
      outlineColor: cs.outlineColor,
      outlineOffset: cs.outlineOffset,
      boxShadow: cs.boxShadow,
      borderWidth: cs.borderTopWidth,
      borderColor: cs.borderTopColor,
      own: cs.backgroundColor,
      behind,
    };
  });
}

/** The opaque colour that the layers (nearest first) make together, over a white canvas. */
function flatten(layers: string[]): Rgba {
  let color: Rgba = [255, 255, 255, 1];
  for (const layer of [...layers].reverse()) color = over(parseColor(layer), color);
  return color;
}

/** The focus indicator drawn: an outline if there is one, else the first box-shadow ring. */
function indicator(c: Computed): { color: Rgba; width: number; offset: number; inset: boolean } | null {
  const width = parseFloat(c.outlineWidth);
  if (c.outlineStyle !== 'none' && width >= 1) {
    const offset = parseFloat(c.outlineOffset);
    return { color: parseColor(c.outlineColor), width, offset, inset: offset < 0 };
  }
  if (c.boxShadow === 'none') return null;
  const first = c.boxShadow.split(/,(?![^(]*\))/)[0]!.trim();
  const color = /rgba?\([^)]*\)/.exec(first)?.[0];
  const lengths = first.replace(/rgba?\([^)]*\)/, '').replace('inset', '').trim().split(/\s+/).map(parseFloat);
  const spread = lengths[3] ?? 0;
  if (!color || spread <= 0) return null;
  return { color: parseColor(color), width: spread, offset: 0, inset: first.includes('inset') };
}

type Measured = { what: string; ring: string; background: string; ratios: number[] };

/**
 * The ring around the focused `target`, against each colour it touches: what
 * is behind the element on its outer side; on its inner side the same
 * backdrop when the ring stands clear of the element, else the element's
 * border or fill.
 */
async function measure(what: string, target: Locator): Promise<Measured> {
  await expect(target).toBeFocused();
  const c = await computed(target);
  const ring = indicator(c);
  if (!ring) return { what, ring: 'none', background: '', ratios: [1] };
  const backdrop = flatten(c.behind);
  const own = flatten([c.own, ...c.behind]);
  const border = parseFloat(c.borderWidth) > 0 && parseColor(c.borderColor)[3] > 0 ? over(parseColor(c.borderColor), own) : own;
  const outside = ring.inset ? (parseFloat(c.borderWidth) > 0 ? border : own) : backdrop;
  const inside = ring.inset || ring.offset <= 0 ? own : backdrop;
  const drawn = over(ring.color, ring.inset ? own : backdrop);
  const neighbours = ring.inset ? [outside, inside] : [outside, ring.offset > 0 ? inside : border];
  return { what, ring: hex(drawn), background: hex(backdrop), ratios: neighbours.map((n) => Math.round(contrast(drawn, n) * 100) / 100) };
}

/** Puts the keyboard focus on `target` the way a keyboard user does: from the control before it, with Tab. */
async function tabTo(page: Page, target: Locator) {
  await target.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

async function exportPlainBackup(page: Page, file: string) {
  await page.getByRole('button', { name: 'Back up now…' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save backup' }).click();
  await (await download).saveAs(file);
}

/** Fails unless every measured ring reaches 3:1 against each of its neighbours; the figures are attached to the report. */
async function expectContrast(measured: Measured[], testInfo: TestInfo) {
  const report = measured.map((m) => `${m.what}: ring ${m.ring} on ${m.background || '(none)'}, ${m.ratios.map((r) => `${r}:1`).join(' / ')}`);
  await testInfo.attach('focus-contrast.txt', { body: report.join('\n'), contentType: 'text/plain' });
  expect(report.filter((_, i) => Math.min(...measured[i]!.ratios) < 3), report.join('\n')).toEqual([]);
}

test('the keyboard focus ring reaches 3:1 on the sidebar, the page, a card and its buttons', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchPage(page);
  await openWithSample(page);
  const measured: Measured[] = [];

  await page.goto('/#/candidates');
  // The page drawn first: when it is shown, the shell moves a focus it finds in the sidebar to the page's heading
  // (app.tsx onShown), which would take it from a sidebar link the test had just focused.
  await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const aboutLink = nav.getByRole('link', { name: /^About/ });
  await tabTo(page, aboutLink);
  measured.push(await measure('sidebar link', aboutLink));
  const currentLink = nav.getByRole('link', { name: /^Candidates/ });
  await tabTo(page, currentLink);
  measured.push(await measure('sidebar link of the current page', currentLink));
  const search = page.locator('main').getByRole('searchbox').first();
  await tabTo(page, search);
  measured.push(await measure('search field on the page', search));

  await page.goto('/#/about');
  const backUp = page.getByRole('button', { name: 'Back up now…' });
  await tabTo(page, backUp);
  measured.push(await measure('primary button on a card', backUp));
  const restoreFrom = page.getByRole('button', { name: 'Restore from a file…' });
  await tabTo(page, restoreFrom);
  measured.push(await measure('secondary button on a card', restoreFrom));

  // Several surfaces, not one measured many times.
  expect(new Set(measured.map((m) => m.background)).size).toBeGreaterThanOrEqual(3);
  await expectContrast(measured, testInfo);
  expect(problems).toEqual([]);
});

test('“Replace everything”, which deletes all current data, is the app’s danger button, with a visible focus ring', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchPage(page);
  await openWithSample(page);
  await page.goto('/#/about');
  const file = testInfo.outputPath('backup.json');
  await exportPlainBackup(page, file);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from a file…' }).click();
  await (await chooser).setFiles(file);
  const confirm = page.getByRole('group', { name: 'Replace everything with backup.json?' });
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  // The Restore button was busy (disabled) while the file was read, which left the focus on the page: the panel has it.
  await expect(confirm.getByRole('heading', { name: 'Replace everything with backup.json?' })).toBeFocused();
  const replace = confirm.getByRole('button', { name: 'Replace everything' });

  // The class the confirm dialogs' Delete buttons use, and what it paints: not the blue of an ordinary primary action.
  await expect(replace).toHaveClass(/\bbutton-danger\b/);
  await expect(replace).not.toHaveClass(/\bbutton-primary\b/);
  const fills = await page.evaluate(() => {
    const fill = (className: string) => {
      const probe = document.createElement('button');
      probe.className = className;
      document.body.append(probe);
      const color = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return color;
    };
    return { danger: fill('button button-danger'), primary: fill('button button-primary') };
  });
  expect(fills.danger).not.toBe(fills.primary);
  expect(await replace.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(fills.danger);

  await tabTo(page, replace);
  await expectContrast([await measure('“Replace everything” in the restore panel', replace)], testInfo);
  // Not restored: Cancel leaves the data as it was.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  // Cancel leaves with the panel: the focus goes back to where the restore began.
  await expect(page.getByRole('button', { name: 'Restore from a file…' })).toBeFocused();
  expect(problems).toEqual([]);
});

test('a date field shows the focus ring at each of its Tab stops, its calendar button included', async ({ page }, testInfo) => {
  const problems = watchPage(page);
  await page.goto('/');
  await ensureProfile(page);
  await page.goto('/#/cycles/new');
  // Month, day, year and the calendar picker button are stops of one <input>.
  const opensOn = page.getByLabel('Opens on');
  await opensOn.focus();
  const measured: Measured[] = [];
  let pickerSeen = false;
  while ((await opensOn.evaluate((el) => el === document.activeElement)) && measured.length < 8) {
    // The picker button has the focus when the field holds it without being :focus-visible itself (Chromium).
    const picker = await opensOn.evaluate((el) => !el.matches(':focus-visible'));
    pickerSeen ||= picker;
    measured.push(await measure(`date field, stop ${measured.length + 1}${picker ? ' (calendar button)' : ''}`, opensOn));
    await page.keyboard.press('Tab');
  }
  expect(measured.length, 'the date field has its parts as Tab stops').toBeGreaterThanOrEqual(2);
  expect(pickerSeen, 'the Tab walk reached the calendar picker button').toBe(true);
  await expectContrast(measured, testInfo);
  expect(problems).toEqual([]);
});

test('in forced colours (Windows High Contrast), which drop box-shadows, the focus is a real outline', async ({ page }) => {
  const problems = watchPage(page);
  await page.goto('/');
  await ensureProfile(page);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/#/about');
  // The page drawn before the sidebar link is focused (see the test above).
  await expect(page.getByRole('heading', { level: 1, name: 'About Levelset' })).toBeVisible();
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  const targets = [
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /^Frameworks/ }),
    page.getByRole('button', { name: 'Back up now…' }),
    page.getByRole('button', { name: 'Restore from a file…' }),
  ];
  for (const target of targets) {
    await tabTo(page, target);
    const c = await computed(target);
    const name = await target.innerText();
    expect(c.outlineStyle, `${name}: outline style in forced colours`).not.toBe('none');
    expect(parseFloat(c.outlineWidth), `${name}: outline width in forced colours`).toBeGreaterThanOrEqual(2);
  }
  expect(problems).toEqual([]);
});
