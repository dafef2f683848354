import { getDatasetVersion } from "../datasets/datasets";

export type ResolvedDataset = { datasetVersionId: string; label: string };

/**
 * A dataset reference as jobs take it: a version's id, `name@3`, or `name`
 * (its newest version when the job is submitted, so a schedule that names a
 * dataset trains on whatever was uploaded last). 404 when there is none.
 */
export async function resolveDatasetRef(ref: string): Promise<ResolvedDataset> {
  const v = await getDatasetVersion(ref);
  return { datasetVersionId: v.id, label: `${v.name}@${v.version}` };
}
