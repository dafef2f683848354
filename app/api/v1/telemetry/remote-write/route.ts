import * as contracts from "@/lib/http/contracts/telemetry";
import { readBodyBytes } from "@/lib/http/body";
import { defineRoute } from "@/lib/http/route";
import { checkRemoteWriteVersion, ingestRemoteWrite } from "@/lib/telemetry/remote-write/receiver";
import { REMOTE_WRITE_MAX_BODY_BYTES } from "@/lib/telemetry/remote-write/write-request";

// The contract checks the media type (application/x-protobuf) and the coding (snappy); the version is checked before the body is read.
export const POST = defineRoute(contracts.remoteWrite, async ({ req }) => {
  checkRemoteWriteVersion(req.headers);
  await ingestRemoteWrite(await readBodyBytes(req, REMOTE_WRITE_MAX_BODY_BYTES), new Date());
});
