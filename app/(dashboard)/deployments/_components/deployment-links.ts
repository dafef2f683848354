// The dashboard's address of a deployment, in one place so the list, the
// version lineage and the deploy form's redirect agree.

export function deploymentHref(name: string): string {
  return `/deployments/${encodeURIComponent(name)}`;
}
