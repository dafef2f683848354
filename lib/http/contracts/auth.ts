import { z } from "zod";
import {
  CreatedTokenOut,
  CreateTokenInput,
  CreateUserInput,
  LoginInput,
  MeOut,
  MePreferencesOut,
  RoleName,
  TokenOut,
  UpdateMeInput,
} from "../../auth/schemas";
import { defineContract, pageOf } from "../contract";

// Signing in and out, the caller, API tokens and users.

const UserOut = z
  .object({ id: z.string(), name: z.string(), role: RoleName, createdAt: z.string(), disabled: z.boolean() })
  .meta({ id: "User" });

export const login = defineContract({
  method: "post",
  path: "/api/v1/auth/login",
  permission: null,
  summary: "Sign in; sets the session cookie",
  body: LoginInput,
  response: { status: 200, description: "Signed in", schema: MeOut.pick({ name: true, role: true }) },
  errors: [401],
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
