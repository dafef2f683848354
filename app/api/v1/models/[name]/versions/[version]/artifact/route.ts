import * as contracts from "@/lib/http/contracts/models";
import { defineRoute } from "@/lib/http/route";
import { readArtifactFiles } from "@/lib/models/artifact-files";
import { artifactHeaders } from "@/lib/http/artifact-response";

// model.json whose manifest points at artifact/weights.bin: relative to this URL's folder.
export const GET = defineRoute(contracts.getModelArtifact, async ({ params, query }) => {
  const files = await readArtifactFiles(params.name, params.version);
  const modelJson = files.modelJson("artifact/weights.bin");
  const body =
    query.weights === "inline"
      ? { ...modelJson, weightData: Buffer.from(files.weights).toString("base64") }
      : modelJson;
  return Response.json(body, { headers: artifactHeaders(files.sha256, "application/json") });
});
