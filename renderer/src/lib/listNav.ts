// Keyboard movement in a list of choices (the panel's results and the typeahead picker): ↑/↓ move
// one step and wrap around, Home/End jump to the ends. Pure.

/** The next active index after a key, or null when the key does not move in lists. */
export function moveActive(index: number, key: string, length: number): number | null {
  if (length === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return index < 0 ? 0 : (index + 1) % length;
    case 'ArrowUp':
      return index < 0 ? length - 1 : (index - 1 + length) % length;
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return null;
  }
}

/** The active index kept in range when the list changes (first item when it was out of range). */
export function clampActive(index: number, length: number): number {
  if (length === 0) return -1;
  return index >= 0 && index < length ? index : 0;
}
