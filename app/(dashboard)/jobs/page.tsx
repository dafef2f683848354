import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <ComingSection
      eyebrow="Machine learning"
      title="Jobs"
      summary="Training jobs: queued with a priority or a schedule, placed on healthy GPUs, followed live and evaluated when they finish."
      features={[
        {
          title: "Queue",
          body: "Queued, running, succeeded, failed and cancelled jobs with priority, schedule and requested GPU count; cancel a job from the list.",
        },
        {
          title: "Placement",
          body: "The GPU UUIDs each job runs on. Failed or degraded GPUs and servers in maintenance are never chosen.",
        },
        {
          title: "Live progress",
          body: "Epoch progress with loss, validation loss and accuracy curves, streamed over server-sent events while the job runs.",
        },
        {
          title: "Evaluation",
          body: "Accuracy, precision, recall, F1 and a confusion matrix on the held-out split, and the model version the job registered.",
        },
      ]}
      endpoints={[
        { method: "POST", path: "/api/v1/jobs", purpose: "queue a training job" },
        { method: "GET", path: "/api/v1/jobs/{id}", purpose: "status, progress, history, evaluation, placement" },
        { method: "POST", path: "/api/v1/jobs/{id}/cancel", purpose: "cancel a queued or running job" },
        { method: "GET", path: "/api/v1/jobs/{id}/events", purpose: "text/event-stream of progress" },
      ]}
    />
  );
}
