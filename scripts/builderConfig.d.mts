// Types of builderConfig.mjs.

/** Loads electron-builder.yml as electron-builder does and validates it against its schema. */
export declare function loadBuilderConfig(root: string, configFile?: string): Promise<Record<string, unknown>>;
