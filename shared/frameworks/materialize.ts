import { FrameworkSchema, type BuiltInFramework, type Framework } from '../domain/framework';

/** Turns a built-in definition into a stored framework version (validated). */
export function materializeBuiltIn(definition: BuiltInFramework, at: string, options: { frozen?: boolean } = {}): Framework {
  return FrameworkSchema.parse({
    ...definition,
    version: 1,
    builtIn: true,
    frozen: options.frozen ?? false,
    createdAt: at,
    updatedAt: at,
  });
}
