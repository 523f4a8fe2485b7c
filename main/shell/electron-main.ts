/**
 * The thin Electron shell: one window, the app:// protocol that serves the renderer, navigation and permission
 * guards, and ipcMain as a transport to the backend core. Nothing else lives here. What each guard is for is listed
 * in the README ("Security: the Electron shell").
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import { dataDirOverride, workstationDataDir } from '../../db/location';
import { UnsafeLocationError, type Backend } from '../core/backend';
import { DataFolderStartError } from '../data-folder/location-file';
import { startWorkstation } from '../data-folder/start';
import { APP_ORIGIN, APP_SCHEME, appProtocolResponse, isAppUrl } from './app-protocol';
import { createInvokeHandler } from './ipc-invoke';
import { WindowPdfPrinter } from './pdf-printer';

const rendererDir = path.join(__dirname, '..', 'renderer');

/** Operator diagnostics; a console that cannot be written to (no stdout on Windows, a closed pipe) is not a crash. */
function diagnose(message: string): void {
  try {
    console.error(message);
  } catch {
    // Nothing else to tell.
  }
}

// Danish date and time pickers (dd.mm.åååå) whatever the Windows display language.
app.commandLine.appendSwitch('lang', 'da');
// Every renderer sandboxed, whatever a window's own webPreferences say.
app.enableSandbox();

// A standard, secure scheme (origin 'app://familiespor', 'self' in the CSP); not bypassCSP, not CORS-enabled.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The data folder: given at start, else chosen at setup (remembered beside the default), else the default. */
function openBackend(): Backend {
  const userDataDir = app.getPath('userData');
  const defaultDataDir = workstationDataDir({ platform: process.platform, env: {}, argv: [], packaged: app.isPackaged, userDataDir });
  // Where an earlier install kept the data (the Windows user's own folder): moved to the machine-wide one at start.
  const legacyDataDir = path.join(userDataDir, 'data');
  return startWorkstation({ override: dataDirOverride(process.argv, process.env), defaultDataDir, legacyDataDir }, { diagnose, printer: new WindowPdfPrinter(() => mainWindow) });
}

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

function serveRenderer(): void {
  // The same static-file server as the loopback bridge (main/static): traversal, symlinks out, directories refused.
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request.url, request.method));
}

function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    // The page never leaves app://familiespor: no link, redirect or script takes it (or a frame in it) elsewhere.
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // No new windows (window.open, target=_blank, middle click): nothing is opened, not even in the system browser.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Familiespor',
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      // Our own bundled preload: it exposes only invoke(channel, input) for names in the channel table, and events.
      preload: path.join(__dirname, '..', 'preload', 'preload.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle click would otherwise open a link in a new window (the window-open handler denies it anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
      spellcheck: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function registerIpc(core: Backend): void {
  // Sender frame checked, channel names only as strings, and never an exception back: see ipc-invoke.ts.
  ipcMain.handle('familiespor:invoke', createInvokeHandler(core, diagnose));
  core.subscribe((name, payload) => {
    try {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send('familiespor:event', { event: name, payload });
    } catch (err) {
      diagnose(`Event ${name} not delivered: ${err instanceof Error ? err.message : typeof err}`);
    }
  });
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: 'Filer', submenu: [{ role: 'quit', label: 'Afslut' }] },
      {
        label: 'Redigér',
        submenu: [
          { role: 'undo', label: 'Fortryd' },
          { role: 'redo', label: 'Annullér fortryd' },
          { type: 'separator' },
          { role: 'cut', label: 'Klip' },
          { role: 'copy', label: 'Kopiér' },
          { role: 'paste', label: 'Sæt ind' },
          { role: 'selectAll', label: 'Markér alt' },
        ],
      },
      { label: 'Vis', submenu: [{ role: 'resetZoom', label: 'Normal størrelse' }, { role: 'zoomIn', label: 'Zoom ind' }, { role: 'zoomOut', label: 'Zoom ud' }, { role: 'togglefullscreen', label: 'Fuld skærm' }] },
      { label: 'Hjælp', submenu: [{ label: 'Om Familiespor', click: () => void shell.beep() }] },
    ]),
  );
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database: hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(() => {
    try {
      backend = openBackend();
    } catch (err) {
      const known = err instanceof UnsafeLocationError || err instanceof DataFolderStartError;
      const message = known ? err.message : 'Familiespor kunne ikke starte. Kontakt jeres IT-ansvarlige.';
      dialog.showErrorBox('Familiespor', message);
      app.quit();
      return;
    }
    serveRenderer();
    guardWebContents();
    registerIpc(backend);
    buildMenu();
    createWindow();
  });
  // Every way out (window closed, Afslut, Ctrl+Q) ends the session properly: logout row, checkpoint, key zeroed.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !backend) return;
    event.preventDefault();
    closing = true;
    void backend.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}
