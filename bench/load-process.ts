/**
 * The serving bench's load generator, in its own process so it never shares an
 * event loop with what it measures: autocannon, `connections` keep-alive
 * connections for `seconds`, POSTing the given bodies in turn. Prints one JSON
 * line: requests/s, latency percentiles (ms) and every kind of failure.
 */
import autocannon from "autocannon";
import { z } from "zod";

const Options = z.object({
  url: z.string().url(),
  connections: z.number().int().min(1),
  seconds: z.number().min(1),
  headers: z.record(z.string(), z.string()),
  bodies: z.array(z.string()).min(1),
});
const o = Options.parse(JSON.parse(process.argv[2] ?? "{}"));

let next = 0;
const cpu0 = process.cpuUsage();
const result = await autocannon({
  url: o.url,
  connections: o.connections,
  duration: o.seconds,
  method: "POST",
  headers: o.headers,
  requests: [{ setupRequest: (req) => ({ ...req, body: o.bodies[next++ % o.bodies.length] }) }],
});
const cpu1 = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    requests: result.requests.total,
    seconds: result.duration,
    reqPerSec: result.requests.total / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    // Cores the load generator kept busy: near 1, it (not the server) may be what limits req/s.
    cores: (cpu1.user + cpu1.system) / 1e6 / result.duration,
  }),
);
