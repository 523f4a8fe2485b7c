import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule is enforced by lint', () => {
  it.each([
    ["import { createBackend } from '../../main/core/backend';", 'main'],
    ["import { openEncrypted } from '../../db/database';", 'db'],
    ["import { ipcRenderer } from 'electron';", 'electron'],
    ["import { ipcRenderer } from 'electron/renderer';", 'electron/renderer'],
    ["import qs from 'querystring';", 'querystring'],
    ["import fs from 'node:fs';", 'node:'],
    ["import fs from 'fs';", 'fs'],
    ["import path from 'path';", 'path'],
    ["import Database from 'better-sqlite3-multiple-ciphers';", 'driver'],
    ["import { Kysely } from 'kysely';", 'kysely'],
  ])('renderer/ may not: %s', async (code) => {
    expect(await layerErrors('renderer/src/Example.tsx', code)).not.toHaveLength(0);
  });

  it('renderer/ may import common/ and React', async () => {
    expect(await layerErrors('renderer/src/Example.tsx', "import { channels } from '../../common/channels';\nimport { useState } from 'react';")).toEqual([]);
  });

  it.each([
    "import { Kysely } from 'kysely';",
    "import fs from 'node:fs';",
    "import { x } from '../db/schema';",
    "import { x } from '../main/backend';",
    "import React from 'react';",
  ])('common/ may not: %s', async (code) => {
    expect(await layerErrors('common/example.ts', code)).not.toHaveLength(0);
  });

  it('common/ may import zod and common/', async () => {
    expect(await layerErrors('common/example.ts', "import { z } from 'zod';\nimport { roles } from './roles';")).toEqual([]);
  });

  it('only the Electron shell imports electron in main/; db/ never does', async () => {
    expect(await layerErrors('main/core/example.ts', "import { app } from 'electron';")).not.toHaveLength(0);
    expect(await layerErrors('main/domains/journal/example.ts', "import { app } from 'electron';")).not.toHaveLength(0);
    expect(await layerErrors('main/bridge/example.ts', "import { app } from 'electron';")).not.toHaveLength(0);
    expect(await layerErrors('db/example.ts', "import { app } from 'electron';")).not.toHaveLength(0);
    expect(await layerErrors('main/shell/electron-main.ts', "import { app } from 'electron';")).toEqual([]);
  });

  it('the backend core and domains import no transport; the shell never imports the bridge', async () => {
    expect(await layerErrors('main/core/example.ts', "import { startBridge } from '../bridge/http-bridge';")).not.toHaveLength(0);
    expect(await layerErrors('main/domains/journal/example.ts', "import { x } from '../../shell/csp';")).not.toHaveLength(0);
    expect(await layerErrors('main/shell/example.ts', "import { startBridge } from '../bridge/http-bridge';")).not.toHaveLength(0);
    expect(await layerErrors('main/bridge/example.ts', "import { createBackend } from '../core/backend';")).toEqual([]);
  });

  it('the static-file server (main/static/) is shared by the shell and the bridge, and imports neither, nor electron, nor HTTP', async () => {
    for (const code of [
      "import { app } from 'electron';",
      "import { protocol } from 'electron/main';",
      "import { startBridge } from '../bridge/http-bridge';",
      "import { appProtocolResponse } from '../shell/app-protocol';",
      "import http from 'node:http';",
      "import http from 'http';",
      "import { createBackend } from '../core/backend';",
    ]) {
      expect(await layerErrors('main/static/example.ts', code), code).not.toHaveLength(0);
    }
    expect(await layerErrors('main/static/example.ts', "import fs from 'node:fs';\nimport path from 'node:path';\nimport { CSP } from './csp';")).toEqual([]);
    expect(await layerErrors('main/shell/example.ts', "import { resolveStatic } from '../static/static-files';")).toEqual([]);
    expect(await layerErrors('main/bridge/example.ts', "import { resolveStatic } from '../static/static-files';")).toEqual([]);
    // The bridge runs without Electron, so it does not reach into the shell either.
    expect(await layerErrors('main/bridge/example.ts', "import { isAppUrl } from '../shell/app-protocol';")).not.toHaveLength(0);
  });
});
