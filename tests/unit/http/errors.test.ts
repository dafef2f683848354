import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, type ErrorCode } from "../../../lib/errors";
import { errorResponse, errorStatus, toErrorResponse } from "../../../lib/http/errors";

async function bodyOf(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return (await res.json()) as { error: { code: string; message: string; details: unknown } };
}

/** What Prisma throws for a failed query, without loading Prisma. */
function prismaKnownError(code: string, meta?: Record<string, unknown>) {
  return Object.assign(new Error(`Invalid prisma call: secret column internal_${code}`), {
    name: "PrismaClientKnownRequestError",
    code,
    meta,
    clientVersion: "7.10.0",
  });
}

const expectedStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_entity: 422,
  rate_limited: 429,
  unavailable: 503,
  integrity_error: 500,
  insufficient_storage: 507,
  bad_gateway: 502,
  gateway_timeout: 504,
  internal: 500,
};

describe("AppError", () => {
  it("is an Error carrying its code, message and details", () => {
    const err = new AppError("not_found", "Server gpu-07 does not exist", { hostname: "gpu-07" });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("AppError");
    expect(err.code).toBe("not_found");
    expect(err.message).toBe("Server gpu-07 does not exist");
    expect(err.details).toEqual({ hostname: "gpu-07" });
  });

  it("has null details unless given some", () => {
    expect(new AppError("conflict", "taken").details).toBeNull();
  });
});

describe("toErrorResponse for an AppError", () => {
  it("maps exactly the codes this test knows about", () => {
    expect(Object.keys(errorStatus).sort()).toEqual(Object.keys(expectedStatus).sort());
  });

  it.each(Object.entries(expectedStatus) as [ErrorCode, number][])(
    "answers %s with HTTP %i in the one error shape",
    async (code, status) => {
      const res = toErrorResponse(new AppError(code, `message for ${code}`, { why: code }));
      expect(res.status).toBe(status);
      expect(await bodyOf(res)).toEqual({ error: { code, message: `message for ${code}`, details: { why: code } } });
    },
  );

  it("sends details as null when the error has none", async () => {
    const body = await bodyOf(toErrorResponse(new AppError("forbidden", "no")));
    expect(body.error).toHaveProperty("details", null);
  });
});

describe("errorResponse", () => {
  it("passes extra headers through", () => {
    const res = errorResponse("rate_limited", "slow down", null, { "retry-after": "30" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
  });
});

describe("toErrorResponse for a ZodError", () => {
  const Input = z.object({ name: z.string().min(1), rack: z.object({ heightU: z.number().int() }) });
  const zodError = () => {
    const result = Input.safeParse({ name: "", rack: { heightU: 1.5 } });
    if (result.success) throw new Error("expected the input to be invalid");
    return result.error;
  };

  it("answers 422 unprocessable_entity", async () => {
    const res = toErrorResponse(zodError());
    expect(res.status).toBe(422);
    expect((await bodyOf(res)).error.code).toBe("unprocessable_entity");
  });

  it("lists every issue in details with its dotted path, message and code", async () => {
    const { details } = (await bodyOf(toErrorResponse(zodError()))).error;
    expect(details).toEqual([
      { path: "name", message: expect.any(String), code: "too_small" },
      { path: "rack.heightU", message: expect.any(String), code: "invalid_type" },
    ]);
  });

  it("names the first issue's path in the message and counts the rest", async () => {
    const { message } = (await bodyOf(toErrorResponse(zodError()))).error;
    expect(message).toMatch(/^Invalid input — name: .+ \(and 1 more\)$/);
  });

  it("leaves out the path and the count for a single issue at the root", async () => {
    const result = z.string().safeParse(42);
    expect(result.success).toBe(false);
    const { message, details } = (await bodyOf(toErrorResponse(result.error))).error;
    expect(message).toBe(`Invalid input — ${result.error!.issues[0]!.message}`);
    expect(details).toEqual([{ path: "", message: expect.any(String), code: "invalid_type" }]);
  });

  it("also handles a ZodError thrown by parse", async () => {
    let thrown: unknown;
    try {
      Input.parse({});
    } catch (err) {
      thrown = err;
    }
    expect(toErrorResponse(thrown).status).toBe(422);
  });
});

describe("toErrorResponse for a Prisma known request error", () => {
  it("answers a unique-constraint violation (P2002) with 409 conflict naming the fields", async () => {
    const res = toErrorResponse(prismaKnownError("P2002", { target: ["siteId", "name"] }));
    expect(res.status).toBe(409);
    expect((await bodyOf(res)).error).toEqual({
      code: "conflict",
      message: "A record with this siteId, name already exists",
      details: { fields: "siteId, name" },
    });
  });

  it("finds the P2002 fields in a driver-adapter error too", async () => {
    const meta = { driverAdapterError: { cause: { constraint: { fields: ["hostname"] } } } };
    const { error } = await bodyOf(toErrorResponse(prismaKnownError("P2002", meta)));
    expect(error.message).toBe("A record with this hostname already exists");
    expect(error.details).toEqual({ fields: "hostname" });
  });

  it("says 'value' when P2002 does not name the fields", async () => {
    const { error } = await bodyOf(toErrorResponse(prismaKnownError("P2002")));
    expect(error.message).toBe("A record with this value already exists");
  });

  it("answers a missing record (P2025) with 404 not_found", async () => {
    const res = toErrorResponse(prismaKnownError("P2025"));
    expect(res.status).toBe(404);
    expect((await bodyOf(res)).error).toEqual({
      code: "not_found",
      message: "The record does not exist",
      details: null,
    });
  });

  it("answers a foreign-key violation (P2003) with 409 conflict", async () => {
    const res = toErrorResponse(prismaKnownError("P2003"));
    expect(res.status).toBe(409);
    expect((await bodyOf(res)).error.code).toBe("conflict");
  });

  it("answers any other Prisma code with 500 internal", async () => {
    const res = toErrorResponse(prismaKnownError("P2000"));
    expect(res.status).toBe(500);
    expect((await bodyOf(res)).error.code).toBe("internal");
  });

  it("does not treat an error as Prisma's just because it has a P-code", () => {
    const impostor = Object.assign(new Error("boom"), { code: "P2025" });
    expect(toErrorResponse(impostor).status).toBe(500);
  });
});

describe("toErrorResponse for anything else", () => {
  it("answers 500 internal with a generic message that does not echo the error", async () => {
    const res = toErrorResponse(new Error("password=hunter2 at db.internal:5432"));
    expect(res.status).toBe(500);
    const { error } = await bodyOf(res);
    expect(error.code).toBe("internal");
    expect(error.details).toBeNull();
    expect(error.message).not.toContain("hunter2");
    expect(error.message).not.toContain("db.internal");
  });

  it("does not leak a Prisma error's message either", async () => {
    const { error } = await bodyOf(toErrorResponse(prismaKnownError("P2000")));
    expect(error.message).not.toContain("secret column");
  });

  it("answers 500 for thrown values that are not Errors", async () => {
    for (const thrown of ["a string", 42, null, undefined, { message: "object" }]) {
      const res = toErrorResponse(thrown);
      expect(res.status).toBe(500);
      expect((await bodyOf(res)).error.code).toBe("internal");
    }
  });
});

describe("errors that come from the database's state, not the request", () => {
  it("answers a lost or refused database connection 503 with Retry-After, so clients retry", async () => {
    for (const err of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      new Error("outer", { cause: new Error("Connection terminated unexpectedly") }),
      // What Prisma throws when the server is down (authentication's first query is Prisma's).
      Object.assign(new Error("Invalid `prisma.apiToken.findUnique()` invocation: Can't reach database server"), {
        name: "PrismaClientKnownRequestError",
        code: "P1001",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
      }),
    ]) {
      const res = toErrorResponse(err);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await bodyOf(res)).error.code).toBe("unavailable");
    }
  });

  it("answers a full disk 507 and says nothing was written, without echoing the server's words", async () => {
    const err = Object.assign(new Error('could not extend file "base/16384/16390": No space left on device'), {
      code: "53100",
    });
    const res = toErrorResponse(err);
    expect(res.status).toBe(507);
    const body = await bodyOf(res);
    expect(body.error.code).toBe("insufficient_storage");
    expect(body.error.message).toMatch(/nothing was written/);
    expect(body.error.message).not.toMatch(/base\/16384/);
  });
});
