/**
 * The web app's predict path: the request, already authenticated and
 * validated here, goes to the serving process on this machine with the
 * launcher's internal secret (so a browser session can use the "try it"
 * form), and its answer comes back as it is.
 */
import { actorOf, type Principal } from "../auth/principal";
import { getConfig } from "../config";
import { AppError } from "../errors";

export async function forwardPredict(name: string, body: unknown, user: Principal): Promise<Response> {
  const { RACKMIND_SERVING_PORT: port, RACKMIND_INTERNAL_SECRET: secret } = getConfig();
  if (!secret)
    throw new AppError(
      "unavailable",
      "This web process has no link to a serving process (start Rackmind with npm start)",
    );
  let answer: Response;
  try {
    answer = await fetch(`http://127.0.0.1:${port}/api/v1/deployments/${encodeURIComponent(name)}/predict`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-rackmind-internal": secret, "x-rackmind-actor": actorOf(user) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new AppError(
      "unavailable",
      `The serving process is not answering on port ${port}; it restarts by itself if it died`,
    );
  }
  const headers = new Headers({ "content-type": "application/json" });
  const retryAfter = answer.headers.get("retry-after");
  if (retryAfter) headers.set("retry-after", retryAfter);
  return new Response(await answer.text(), { status: answer.status, headers });
}
