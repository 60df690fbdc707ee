import { createHash, createHmac, randomInt } from 'node:crypto';
import type { Crypto } from '../app/ports/crypto.port';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const nodeCrypto: Crypto = {
  sha256(input) {
    return createHash('sha256').update(input).digest('hex');
  },
  randomCode(length) {
    let code = '';
    for (let i = 0; i < length; i += 1) code += CROCKFORD[randomInt(CROCKFORD.length)];
    return code;
  },
  hmacSha256(key, message) {
    return createHmac('sha256', key).update(message).digest('hex');
  },
};
