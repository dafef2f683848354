import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { readArtifactFiles } from "@/lib/models/artifact-files";
import { artifactHeaders } from "@/lib/http/artifact-response";

export const GET = defineRoute(contracts.getModelArtifactFile, async ({ params }) => {
  const files = await readArtifactFiles(params.name, params.version);
  const download = `${params.name}-v${params.version}-${params.file}`;
  if (params.file === "weights.bin")
    return new Response(Buffer.from(files.weights), {
      headers: {
        ...artifactHeaders(files.sha256, "application/octet-stream", download),
        "x-rackmind-weights-sha256": files.sidecar.weightsSha256,
      },
    });
  const body = params.file === "model.json" ? files.modelJson("weights.bin") : files.sidecar;
  return Response.json(body, { headers: artifactHeaders(files.sha256, "application/json", download) });
});
