import { z } from "zod";
import {
  CreatedTokenOut,
  CreateTokenInput,
  CreateUserInput,
  LockoutOut,
  LockoutParams,
  LoginInput,
  MeOut,
  MePreferencesOut,
  PasswordResetOut,
  ResetPasswordInput,
  TokenOut,
  UpdateMeInput,
  UpdateUserInput,
  UserOut,
  UserParams,
} from "../../auth/schemas";
import { defineContract, pageOf } from "../contract";

// Signing in and out, the caller, API tokens and users.

export const login = defineContract({
  method: "post",
  path: "/api/v1/auth/login",
  permission: null,
  summary: "Sign in; sets the session cookie",
  description:
    "After 5 failed passwords for one user name within 15 minutes the name is locked for 15 minutes (30 failures from one client address lock the address): " +
    "429 `rate_limited` with `Retry-After` (seconds) and `details: {scope, retryAfterSeconds, lockedUntil}`, for the failure that reaches the limit and every attempt until the lock ends. " +
    "Unknown names are locked the same way. An admin lifts a lock with DELETE /api/v1/auth/lockouts/{kind}/{subject}.",
  body: LoginInput,
  response: { status: 200, description: "Signed in", schema: MeOut.pick({ name: true, role: true }) },
  errors: [401, 429],
});

export const logout = defineContract({
  method: "post",
  path: "/api/v1/auth/logout",
  permission: null,
  summary: "Sign out; clears the session cookie",
  description: "Needs no valid session: an expired cookie is cleared all the same.",
  response: { status: 204, description: "Signed out" },
});

export const getMe = defineContract({
  method: "get",
  path: "/api/v1/me",
  permission: "self.read",
  summary: "Who am I",
  response: { status: 200, description: "The caller", schema: MeOut },
});

export const updateMe = defineContract({
  method: "patch",
  path: "/api/v1/me",
  permission: "self.preferences",
  summary: "Set the signed-in user's own preferences (the interface language)",
  description: "Audited as `user.set_locale`. Only a signed-in user has preferences: an API token gets 400.",
  body: UpdateMeInput,
  response: { status: 200, description: "The preferences as stored", schema: MePreferencesOut },
  errors: [400, 422],
});

export const listTokens = defineContract({
  method: "get",
  path: "/api/v1/tokens",
  permission: "tokens.read",
  summary: "List API tokens",
  response: { status: 200, description: "Tokens (hashes never leave the server)", schema: pageOf(TokenOut) },
});

export const createToken = defineContract({
  method: "post",
  path: "/api/v1/tokens",
  permission: "tokens.write",
  summary: "Create an API token (shown once)",
  body: CreateTokenInput,
  response: { status: 201, description: "Created", schema: CreatedTokenOut },
});

export const revokeToken = defineContract({
  method: "delete",
  path: "/api/v1/tokens/{id}",
  permission: "tokens.write",
  summary: "Revoke an API token",
  params: z.object({ id: z.uuid() }),
  response: { status: 204, description: "Revoked" },
  errors: [404, 422],
});

export const listUsers = defineContract({
  method: "get",
  path: "/api/v1/users",
  permission: "users.read",
  summary: "List users",
  response: { status: 200, description: "Users", schema: pageOf(UserOut) },
});

export const createUser = defineContract({
  method: "post",
  path: "/api/v1/users",
  permission: "users.write",
  summary: "Create a user",
  body: CreateUserInput,
  response: { status: 201, description: "Created", schema: UserOut },
  errors: [409],
});

export const getUser = defineContract({
  method: "get",
  path: "/api/v1/users/{name}",
  permission: "users.read",
  summary: "A user",
  params: UserParams,
  response: { status: 200, description: "The user", schema: UserOut },
  errors: [404],
});

export const updateUser = defineContract({
  method: "patch",
  path: "/api/v1/users/{name}",
  permission: "users.write",
  summary: "Change a user's role, or disable / re-enable them (audited)",
  description:
    "Disabling ends the user's sessions and revokes the API tokens they created (re-enabling restores neither). " +
    "409 `conflict` with `details.field` when the change would leave no active admin, or when you disable yourself.",
  params: UserParams,
  body: UpdateUserInput,
  response: { status: 200, description: "The user now", schema: UserOut },
  errors: [404, 409],
});

export const resetUserPassword = defineContract({
  method: "post",
  path: "/api/v1/users/{name}/password",
  permission: "users.write",
  summary: "Set a user's password, or have one generated (shown once)",
  description:
    "With `password`, sets it (policy: at least 8 characters); without, generates one and returns it in `generatedPassword`, only in this answer. " +
    "The user's sessions end (not when you reset your own) and a login lock on the name is lifted. Audited (never the password).",
  params: UserParams,
  body: ResetPasswordInput,
  response: { status: 200, description: "Reset", schema: PasswordResetOut },
  errors: [404],
});

export const listLockouts = defineContract({
  method: "get",
  path: "/api/v1/auth/lockouts",
  permission: "users.read",
  summary: "User names and client addresses locked out of signing in now",
  response: { status: 200, description: "Locks in force", schema: pageOf(LockoutOut) },
});

export const unlockLogin = defineContract({
  method: "delete",
  path: "/api/v1/auth/lockouts/{kind}/{subject}",
  permission: "users.write",
  summary: "Lift a login lock on a user name or client address (audited)",
  description: "Also forgets the failures counted against it. Unlocking what is not locked changes nothing.",
  params: LockoutParams,
  response: { status: 204, description: "Unlocked" },
  errors: [422],
});
