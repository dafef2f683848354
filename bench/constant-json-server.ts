/**
 * The serving bench's baseline: a bare node:http server, in its own process,
 * answering every request with the same JSON bytes (a real predict answer,
 * passed in). It reads each body to its end, as any server that looks at its
 * input must, and nothing else. Prints "listening <port>" when ready.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

const body = Buffer.from(process.argv[2] ?? '{"ok":true}');
const headers = { "content-type": "application/json", "content-length": String(body.length) };

const server = http.createServer((req, res) => {
  req.on("data", () => undefined);
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => process.exit(0));
