import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Deployments" };

export default function DeploymentsPage() {
  return (
    <ComingSection
      eyebrow="Machine learning"
      title="Deployments"
      summary="Prediction endpoints for model versions, with canary releases, latency percentiles and input drift."
      features={[
        {
          title: "Endpoints",
          body: "A named deployment serves a model version or follows an alias. Predictions are answered by the web app and by the lean serving port.",
        },
        {
          title: "Canary releases",
          body: "Send a weighted share of requests to a candidate version, compare it with the stable one, then promote it or roll back.",
        },
        {
          title: "Latency and errors",
          body: "Requests, errors and p50/p95/p99 latency in milliseconds per deployment.",
        },
        {
          title: "Drift",
          body: "Population stability index per feature, comparing live inputs with the training data of the served version.",
        },
      ]}
      endpoints={[
        { method: "POST", path: "/api/v1/deployments", purpose: "deploy a version or alias, optionally with a canary" },
        { method: "POST", path: "/api/v1/deployments/{name}/predict", purpose: "predict for a batch of instances" },
        { method: "GET", path: "/api/v1/deployments/{name}/metrics", purpose: "requests, errors, latency, drift" },
        { method: "POST", path: "/api/v1/deployments/{name}/rollback", purpose: "return to the previous version" },
      ]}
    />
  );
}
