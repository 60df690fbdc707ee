/** getStorageSync / setStorageSync …: localStorage, one namespace per identity (each is a phone). */
import { currentOpenid } from './identity';
import { wxApi } from './wx-api';

const key = (name: string) => `wx-storage:${currentOpenid()}:${name}`;

export function setStorageSync(name: string, value: unknown): void {
  localStorage.setItem(key(name), JSON.stringify(value));
}

export function getStorageSync(name: string): unknown {
  const raw = localStorage.getItem(key(name));
  return raw === null ? '' : (JSON.parse(raw) as unknown);
}

export function removeStorageSync(name: string): void {
  localStorage.removeItem(key(name));
}

export function clearStorageSync(): void {
  const prefix = key('');
  for (const k of Object.keys(localStorage)) if (k.startsWith(prefix)) localStorage.removeItem(k);
}

export const setStorage = wxApi('setStorage', (o: { key: string; data: unknown }) => {
  setStorageSync(o.key, o.data);
  return {};
});
export const getStorage = wxApi('getStorage', (o: { key: string }) => ({
  data: getStorageSync(o.key),
}));
