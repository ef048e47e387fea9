/**
 * CSP nonces: 16 random bytes each, as hex, cut from a block filled by the operating system's
 * random source 256 nonces at a time (one call into the random source per block, not per nonce).
 * Each byte is handed out once.
 */
import { randomFillSync } from 'node:crypto';

const NONCE_BYTES = 16;
const BLOCK_NONCES = 256;

export function createNonceSource(): () => string {
  const block = Buffer.alloc(NONCE_BYTES * BLOCK_NONCES);
  let offset = block.length;
  return () => {
    if (offset === block.length) {
      randomFillSync(block);
      offset = 0;
    }
    const nonce = block.toString('hex', offset, offset + NONCE_BYTES);
    offset += NONCE_BYTES;
    return nonce;
  };
}
