// The profile the export uses, remembered per app (localStorage) so the next export starts with
// the writer's last choice; the built-in GB/T 9704 profile when nothing (or a deleted profile) is
// remembered.
import type { SavedProfile } from '@common/contract';

const KEY = 'wengao.exportProfile';
/** Id of the built-in profile (core's BUILTIN_PROFILE_ID). */
export const DEFAULT_PROFILE_ID = 'gbt9704';

/** The remembered profile id, or the built-in one. */
export function rememberedProfileId(): string {
  try {
    return localStorage.getItem(KEY) ?? DEFAULT_PROFILE_ID;
  } catch {
    return DEFAULT_PROFILE_ID;
  }
}

/** Remembers the profile chosen for exports. */
export function rememberProfileId(id: string): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this dialog only.
  }
}

/** The id to use from a list: the wanted one if it still exists, else the built-in one. */
export function availableProfileId(list: readonly SavedProfile[], wanted: string): string {
  return list.some((p) => p.id === wanted) ? wanted : DEFAULT_PROFILE_ID;
}
