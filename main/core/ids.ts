// Document ids: short, random, URL-safe, and safe on a command line.
import { randomBytes } from 'node:crypto';

/**
 * A new random document id: 12 URL-safe characters (72 random bits), never starting with - or _
 * so `cli show <id>` cannot mistake it for an option.
 */
export function newDocumentId(): string {
  for (;;) {
    const id = randomBytes(9).toString('base64url');
    if (/^[0-9A-Za-z]/.test(id)) return id;
  }
}
