import { z } from "zod";
import { locales } from "../i18n/locales";
import { roles } from "./permissions";

export const RoleName = z.enum(roles).meta({ id: "Role" });

export const LoginInput = z
  .object({ name: z.string().min(1).max(100), password: z.string().min(1).max(1000) })
  .meta({ id: "LoginInput" });
export type LoginInput = z.infer<typeof LoginInput>;

export const CreateTokenInput = z
  .object({
    name: z.string().trim().min(1).max(100).meta({ example: "ci-deployer" }),
    role: RoleName,
    scope: z
      .enum(["predict"])
      .optional()
      .meta({ description: "`predict`: the token may only send predictions and feedback to deployments" }),
  })
  .meta({ id: "CreateTokenInput" });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const TokenOut = z
  .object({
    id: z.string(),
    name: z.string(),
    role: RoleName,
    scope: z.enum(["predict"]).nullable(),
    prefix: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type TokenOut = z.infer<typeof TokenOut>;

export const CreatedTokenOut = z
  .object({
    id: z.string(),
    name: z.string(),
    role: RoleName,
    scope: z.enum(["predict"]).nullable(),
    token: z.string().meta({ description: "Shown once; only its hash is stored" }),
  })
  .meta({ id: "CreatedApiToken" });

export const CreateUserInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9._-]+$/i, "letters, digits, dot, dash and underscore only"),
    password: z.string().min(8).max(1000),
    role: RoleName,
  })
  .meta({ id: "CreateUserInput" });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const MeOut = z
  .object({ role: RoleName, name: z.string(), kind: z.enum(["user", "token", "system"]) })
  .meta({ id: "Me" });

export const UpdateMeInput = z
  .object({
    locale: z.enum(locales).nullable().meta({
      description: "The interface language: `en` or `zh-CN`; null follows the browser (cookie, Accept-Language)",
      example: "zh-CN",
    }),
  })
  .strict()
  .meta({ id: "UpdateMeInput" });
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

export const MePreferencesOut = z.object({ locale: z.enum(locales).nullable() }).meta({ id: "MePreferences" });
