import { z } from "zod";

type WithoutDefaults<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>;
};

/**
 * The body of an update: every field of `schema` optional and without its
 * default, so a request changes the fields it sent and only those. zod 4's
 * `.partial()` keeps each field's default: a PATCH of a site's tariff came back
 * with `currency: "USD"` and `timezone: "UTC"` and overwrote the stored ones,
 * and a PUT of one setting reset the others. Descriptions are kept.
 */
export function partialUpdate<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  return z.object(
    Object.fromEntries(
      Object.entries(schema.shape as unknown as Record<string, z.ZodType>).map(([key, field]) => {
        if (!(field instanceof z.ZodDefault)) return [key, field.optional()];
        const meta = field.meta();
        const inner = field.removeDefault() as z.ZodType;
        return [key, (meta ? inner.meta(meta) : inner).optional()];
      }),
    ) as unknown as WithoutDefaults<T>,
  );
}
