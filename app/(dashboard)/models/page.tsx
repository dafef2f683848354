import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <ComingSection
      eyebrow="Machine learning"
      title="Models"
      summary="The model registry: every trained version with its lineage, metrics, energy cost and the aliases that point at it."
      features={[
        {
          title: "Versions",
          body: "Each successful training job registers a new version; compare versions' evaluation metrics side by side.",
        },
        {
          title: "Lineage",
          body: "Dataset and its hash, the job, hyperparameters, code version, TensorFlow.js backend and the GPUs used — enough to reproduce the run.",
        },
        {
          title: "Aliases",
          body: "Admins point aliases such as production or staging at a version; deployments that follow an alias pick up the change.",
        },
        {
          title: "Artifacts",
          body: "Download a version as a TensorFlow.js Layers model.json with its weights, to serve or inspect elsewhere.",
        },
      ]}
      endpoints={[
        { method: "GET", path: "/api/v1/models/{name}/versions/{v}", purpose: "lineage, metrics, energy" },
        {
          method: "PUT",
          path: "/api/v1/models/{name}/aliases/{alias}",
          purpose: "point an alias at a version (admin)",
        },
        { method: "GET", path: "/api/v1/models/{name}/versions/{v}/artifact", purpose: "TF.js model.json" },
      ]}
    />
  );
}
