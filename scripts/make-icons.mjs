// Renders build/icon.svg to the app icon in every size the installers need, with the Chromium the browser tests use
// (CHROMIUM_PATH or /usr/bin/chromium): build/icons/<n>x<n>.png (Linux: deb and AppImage), build/icon.png (512 px)
// and build/icon.ico (Windows: the exe, the installer and the shortcuts; PNG-compressed entries, Windows Vista and
// later). Run `node scripts/make-icons.mjs` after changing the SVG and commit the results.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const svg = fs.readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];

/** An ICO container holding the given PNG images (each entry: its size and where its bytes start). */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = header.length + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const rendered = new Map();
    for (const size of pngSizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img) => img.decode());
      rendered.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
    }
    fs.mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
    for (const [size, png] of rendered) fs.writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), png);
    fs.writeFileSync(path.join(buildDir, 'icon.png'), rendered.get(512));
    fs.writeFileSync(path.join(buildDir, 'icon.ico'), icoFromPngs(icoSizes.map((size) => ({ size, png: rendered.get(size) }))));
    console.log(`Ikoner skrevet til ${path.relative(root, buildDir)}/`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
