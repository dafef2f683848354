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

/** The password policy, one place: the API enforces it and the forms show it. */
export const PASSWORD_MIN_LENGTH = 8;
export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(1000);

export const UserName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9._-]+$/i, "letters, digits, dot, dash and underscore only");

export const CreateUserInput = z
  .object({ name: UserName, password: Password, role: RoleName })
  .meta({ id: "CreateUserInput" });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UserParams = z.object({ name: z.string().min(1).max(100).meta({ description: "user name" }) });

export const UpdateUserInput = z
  .object({
    role: RoleName.optional(),
    disabled: z
      .boolean()
      .optional()
      .meta({ description: "true disables the user: their sessions end and the API tokens they created are revoked" }),
  })
  .strict()
  .meta({ id: "UpdateUserInput" });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ResetPasswordInput = z
  .object({
    password: Password.optional().meta({
      description: "The new password; omit it and Rackmind generates one, returned once in the answer",
    }),
  })
  .strict()
  .meta({ id: "ResetPasswordInput" });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const PasswordResetOut = z
  .object({
    name: z.string(),
    generatedPassword: z
      .string()
      .nullable()
      .meta({ description: "The generated password, shown this once (null when the caller chose it)" }),
    sessionsEnded: z.number().int(),
  })
  .meta({ id: "PasswordReset" });
export type PasswordResetOut = z.infer<typeof PasswordResetOut>;

export const UserOut = z
  .object({
    id: z.string(),
    name: z.string(),
    role: RoleName,
    createdAt: z.string(),
    disabled: z.boolean(),
    disabledAt: z.string().nullable(),
    lockedUntil: z
      .string()
      .nullable()
      .meta({ description: "Sign-in refused until then after too many failed attempts (null: not locked)" }),
  })
  .meta({ id: "User" });
export type UserOut = z.infer<typeof UserOut>;

export const LockoutOut = z
  .object({
    kind: z.enum(["user", "address"]),
    subject: z.string().meta({ description: "the user name or client address" }),
    failures: z.number().int(),
    lockedUntil: z.string(),
    retryAfterSeconds: z.number().int(),
  })
  .meta({ id: "LoginLockout" });
export type LockoutOut = z.infer<typeof LockoutOut>;

export const LockoutParams = z.object({
  kind: z.enum(["user", "address"]),
  subject: z.string().min(1).max(100),
});

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
