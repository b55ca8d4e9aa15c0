import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../main/api/contract';
import { channelOf } from './channels';

/**
 * The page gets one named function per KioskApi method and nothing else: no ipcRenderer, no channel names,
 * no listeners. Each function forwards its single argument and returns the core's envelope.
 */
const kiosk = Object.fromEntries(methodNames.map((method) => [method, (input: unknown) => ipcRenderer.invoke(channelOf(method), input)]));

contextBridge.exposeInMainWorld('kiosk', Object.freeze(kiosk));
