// Loaded into the browser-mode backend with `node --require` by startServer({ clock: true }) — never part of the app.
// Moves the backend's "now" (new Date() without arguments) by the offset in milliseconds written to the file named by
// FAMILIESPOR_TEST_CLOCK, so a test can write notes at one shift and read the handover at a later one. Date.now() is
// left alone: the idle lock and the login throttling keep measuring real time.
'use strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload for node --require
const fs = require('node:fs');
const file = process.env.FAMILIESPOR_TEST_CLOCK;
const RealDate = Date;
function offset() {
  try {
    return Number(fs.readFileSync(file, 'utf8')) || 0;
  } catch {
    return 0;
  }
}
globalThis.Date = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [RealDate.now() + offset()] : args, newTarget);
  },
});
