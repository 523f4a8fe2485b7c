/**
 * The bridge between the sandboxed renderer and main: only invoke(channel, input) for names in the channel
 * table, and one event subscription. No Node or Electron object reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames } from '../common/channels';

const known = new Set<string>(channelNames);
const knownEvents = new Set<string>(eventNames);

contextBridge.exposeInMainWorld('familiespor', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!known.has(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'Ukendt handling.' } });
    return ipcRenderer.invoke('familiespor:invoke', channel, input);
  },
  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (knownEvents.has(message.event)) listener(message.event, message.payload);
    };
    ipcRenderer.on('familiespor:event', wrapped);
    return () => ipcRenderer.removeListener('familiespor:event', wrapped);
  },
});
