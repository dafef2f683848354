import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Datasets" };

export default function DatasetsPage() {
  return (
    <ComingSection
      eyebrow="Machine learning"
      title="Datasets"
      summary="Tabular training data uploaded as CSV, cleaned on the way in and versioned so every model can name exactly what it learned from."
      features={[
        {
          title: "Upload and version",
          body: "CSV with or without a header row and a target column by name or index. Uploading the same name again creates the next version, identified by a content hash.",
        },
        {
          title: "Column profile",
          body: "Inferred type per column (numeric or categorical), row count and missing values per column, before and after cleaning.",
        },
        {
          title: "Cleaning report",
          body: "Duplicates removed, values imputed and the normalisation applied — exactly what training will see, stated rather than implied.",
        },
        {
          title: "Lineage",
          body: "Which training jobs and model versions used each dataset version, linked both ways.",
        },
      ]}
      endpoints={[{ method: "POST", path: "/api/v1/datasets", purpose: "upload text/csv with ?name=&header=&target=" }]}
    />
  );
}
