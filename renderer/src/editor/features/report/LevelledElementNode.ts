// What wg-heading and wg-runin share: a heading level 1–4 (一、 （一） 1. （1）) and, on level 1,
// the section kind of the four-part scaffold, with the same JSON fields and the same rules (a
// kind is kept on level 1 only).
import { ElementNode } from 'lexical';
import type { NodeKey } from 'lexical';
import type { HeadingLevel } from '@common/numbering';
import type { SectionKind } from '@common/reportModel';
import { sectionKinds } from '@common/reportModel';

/** Reads a heading level, defaulting to 1. */
export function toLevel(value: unknown): HeadingLevel {
  return value === 2 || value === 3 || value === 4 ? value : 1;
}

/** Reads a section kind (null when absent or unknown). */
export function toKind(value: unknown): SectionKind | null {
  return typeof value === 'string' && (sectionKinds as readonly string[]).includes(value) ? (value as SectionKind) : null;
}

/** An element with a heading level and (level 1) a section kind. */
export abstract class LevelledElementNode extends ElementNode {
  /** @internal */
  __level: HeadingLevel;
  /** @internal */
  __kind: SectionKind | null;

  constructor(level: HeadingLevel, kind: SectionKind | null, key?: NodeKey) {
    super(key);
    this.__level = level;
    this.__kind = level === 1 ? kind : null;
  }

  /** Takes level and kind from JSON (on a writable node). */
  protected readLevelJSON(json: { level?: unknown; kind?: unknown }): void {
    this.__level = toLevel(json.level);
    this.__kind = this.__level === 1 ? toKind(json.kind) : null;
  }

  /** Level and kind as stored in JSON. */
  protected levelJSON(): { level: HeadingLevel; kind: SectionKind | null } {
    const self = this.getLatest();
    return { level: self.__level, kind: self.__level === 1 ? self.__kind : null };
  }

  /** The level, 1 (一、) to 4 (（1）). */
  getLevel(): HeadingLevel {
    return this.getLatest().__level;
  }

  /** Sets the level; a kind is kept on level 1 only. */
  setLevel(level: HeadingLevel): this {
    const self = this.getWritable();
    self.__level = level;
    if (level !== 1) self.__kind = null;
    return self;
  }

  /** The stored section kind (level 1), or null (then the words suggest one). */
  getKind(): SectionKind | null {
    return this.getLatest().__kind;
  }

  /** Sets the section kind (ignored below level 1). */
  setKind(kind: SectionKind | null): this {
    const self = this.getWritable();
    self.__kind = self.__level === 1 ? kind : null;
    return self;
  }
}
