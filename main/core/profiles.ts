// The profiles.* methods: the built-in GB/T 9704 profile plus the user's saved ones (版式方案).
// Rules: a profile that cannot be laid out is refused with every problem in Chinese, names are
// unique (ignoring case and width), and the built-in profile can be neither saved over nor
// deleted. Export resolves a saved profile's id through resolveProfile.
import type { SavedProfile } from '../common/contract';
import type { Handlers } from '../common/dispatcher';
import { AppError } from '../common/errors';
import type { FormatProfile } from '../common/formatProfile';
import { GBT9704_PROFILE, formatProfileSchema, validateProfile } from '../common/formatProfile';
import { newDocumentId } from './ids';
import type { ProfileRow } from './storage/profileStore';
import type { Storage } from './storage/storage';

/** Id of the built-in GB/T 9704 profile. */
export const BUILTIN_PROFILE_ID = 'gbt9704';

/** The built-in profile as profiles.list shows it. */
export const BUILTIN_SAVED_PROFILE: SavedProfile = { id: BUILTIN_PROFILE_ID, name: GBT9704_PROFILE.name, builtin: true, profile: GBT9704_PROFILE, updatedAt: null };

const builtinSaveMessage = '内置的 GB/T 9704 版式方案不能修改。请先“复制为新方案”，再修改复制出的方案。';
const builtinDeleteMessage = '内置的 GB/T 9704 版式方案不能删除。';

/** The message for an id that names no profile. */
function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `版式方案不存在（编号 ${id}），可能已被删除。请重新选择版式方案，或用 profiles 命令查看现有方案。`);
}

/** A profile name as compared for uniqueness: trimmed, full-width folded to half-width, case ignored. */
export function profileNameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** A stored row as the contract shows it, or null when its JSON no longer fits the schema. */
function savedOf(row: ProfileRow): SavedProfile | null {
  let json: unknown;
  try {
    json = JSON.parse(row.profile);
  } catch {
    return null;
  }
  const parsed = formatProfileSchema.safeParse(json);
  if (!parsed.success) return null;
  return { id: row.id, name: row.name, builtin: false, profile: { ...parsed.data, name: row.name }, updatedAt: row.updatedAt };
}

/** The profile a saved profile's id names (the built-in one for "gbt9704"); NOT_FOUND otherwise. */
export function resolveProfile(storage: Storage, id: string): FormatProfile {
  if (id === BUILTIN_PROFILE_ID) return GBT9704_PROFILE;
  const row = storage.read((s) => s.profiles.byId(id));
  const saved = row ? savedOf(row) : null;
  if (!saved) throw notFound(id);
  return saved.profile;
}

/** Builds the profiles.* handlers over the storage. */
export function createProfileHandlers(storage: Storage, now: () => number): Handlers<'profiles.list' | 'profiles.save' | 'profiles.delete'> {
  return {
    'profiles.list'() {
      const rows = storage.read((s) => s.profiles.list());
      return [BUILTIN_SAVED_PROFILE, ...rows.map(savedOf).filter((p): p is SavedProfile => p !== null)];
    },
    async 'profiles.save'(input) {
      if (input.id === BUILTIN_PROFILE_ID) throw new AppError('INVALID_INPUT', builtinSaveMessage);
      const name = input.name.trim();
      const profile: FormatProfile = { ...input.profile, name };
      const valid = validateProfile(profile);
      if (!valid.ok) throw new AppError('INVALID_INPUT', `版式方案“${name}”有 ${valid.errors.length} 处设置无法排版，没有保存：${valid.errors.join('；')}`);
      const key = profileNameKey(name);
      if (key === profileNameKey(GBT9704_PROFILE.name)) throw new AppError('CONFLICT', `“${name}”是内置方案的名称。请换一个名称。`);
      return storage.write((s) => {
        const rows = s.profiles.list();
        const clash = rows.find((r) => r.id !== input.id && profileNameKey(r.name) === key);
        if (clash) throw new AppError('CONFLICT', `已有名为“${clash.name}”的版式方案。请换一个名称，或直接修改那个方案。`);
        const json = JSON.stringify(profile);
        const time = now();
        let id = input.id;
        if (id !== undefined) {
          if (!s.profiles.update(id, name, json, time)) throw notFound(id);
        } else {
          id = newDocumentId();
          s.profiles.insert({ id, name, profile: json, createdAt: time, updatedAt: time });
        }
        return { id, name, builtin: false, profile, updatedAt: time };
      });
    },
    async 'profiles.delete'(input) {
      if (input.id === BUILTIN_PROFILE_ID) throw new AppError('INVALID_INPUT', builtinDeleteMessage);
      await storage.write((s) => {
        if (!s.profiles.delete(input.id)) throw notFound(input.id);
      });
      return { ok: true };
    },
  };
}
