/** Hashing and randomness, from the platform. */
export interface Crypto {
  sha256(input: string | Uint8Array): string;
  /** Crockford base32, from a cryptographic source. */
  randomCode(length: number): string;
  /** HMAC-SHA256 of `message` under `key`, 64 lowercase hex characters. */
  hmacSha256(key: string, message: string): string;
}
