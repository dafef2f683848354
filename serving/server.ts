/**
 * The serving data plane's HTTP edge, on node:http (no Next in the request
 * path): POST /api/v1/deployments/{name}/predict and GET /healthz; anything
 * else is a 404 or 405 in the API's one error shape.
 */
import http from "node:http";
import { AppError } from "../lib/errors";
import { toErrorResponse } from "../lib/http/errors";
import { OverloadedError } from "./batcher";
import type { Side } from "./deployment-cache";
import { predictFor, type PredictDeps } from "./predict";
import type { TokenCache } from "./token-cache";

const PREDICT = /^\/api\/v1\/deployments\/([^/]+)\/predict\/?$/;

export type ServerDeps = PredictDeps & { tokens: TokenCache; maxBodyBytes: number };

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function sendError(res: http.ServerResponse, err: unknown): Promise<void> {
  if (err instanceof OverloadedError)
    return send(
      res,
      503,
      {
        error: {
          code: "unavailable",
          message: "The model's queue is over its latency budget; retry shortly",
          details: null,
        },
      },
      { "retry-after": String(err.retryAfterSeconds) },
    );
  const answer = toErrorResponse(
    err instanceof SyntaxError ? new AppError("invalid_json", "The body is not valid JSON") : err,
  );
  send(res, answer.status, await answer.json());
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new AppError("payload_too_large", `The body is larger than ${limit} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function handlePredict(deps: ServerDeps, req: http.IncomingMessage, res: http.ServerResponse, name: string) {
  const startedAt = performance.now();
  try {
    await deps.tokens.authorize({
      authorization: req.headers.authorization,
      internal: req.headers["x-rackmind-internal"] as string | undefined,
      actor: req.headers["x-rackmind-actor"] as string | undefined,
    });
    if (!/^application\/json\b/i.test(req.headers["content-type"] ?? ""))
      throw new AppError("unsupported_media_type", "Send the instances as application/json");
    const body = JSON.parse(await readBody(req, deps.maxBodyBytes)) as unknown;
    send(res, 200, await predictFor(deps, decodeURIComponent(name), body, startedAt));
  } catch (err) {
    await sendError(res, err);
  }
}

function batchSizesOf(side: Side): Record<string, number> {
  return Object.fromEntries(side.loaded?.batcher.batchSizes ?? []);
}

export function createServingServer(deps: ServerDeps): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const predict = PREDICT.exec(path);
    if (predict) {
      if (req.method !== "POST")
        return send(
          res,
          405,
          { error: { code: "method_not_allowed", message: "Use POST to predict", details: null } },
          { allow: "POST" },
        );
      return void handlePredict(deps, req, res, predict[1]!);
    }
    if (path === "/healthz" && req.method === "GET") {
      const deployments = deps.cache.all();
      return send(res, 200, {
        status: "ok",
        pid: process.pid,
        backend: deps.cache.backend,
        deployments: deployments.map((d) => ({
          name: d.name,
          status: d.status,
          revision: d.revision,
          stable: d.stable.loaded ? `${d.stable.loaded.model}@${d.stable.loaded.version}` : d.stable.problem,
          engine: { stable: d.stable.loaded?.engine ?? null, canary: d.canary?.loaded?.engine ?? null },
          canary: d.canary
            ? { weight: d.canaryWeight, version: d.canary.loaded?.version ?? null, problem: d.canary.problem }
            : null,
          // Model calls per batch size (instances) since this process loaded the version: how well batching works.
          batchSizes: {
            stable: batchSizesOf(d.stable),
            canary: d.canary ? batchSizesOf(d.canary) : null,
          },
        })),
        syncedAt: deps.cache.lastSyncAt ? new Date(deps.cache.lastSyncAt).toISOString() : null,
      });
    }
    send(res, 404, {
      error: { code: "not_found", message: `No such path on the serving port: ${req.method} ${path}`, details: null },
    });
  });
}
