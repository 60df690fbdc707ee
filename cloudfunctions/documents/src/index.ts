// The only place wx-server-sdk is imported: it wires the real cloud and clock into the function.
import cloud from 'wx-server-sdk';
import { systemClock } from '../../../server/app/clock';
import { createMain } from './main';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const main = createMain({ cloud, clock: systemClock, env: process.env });
