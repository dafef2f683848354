import { systemPrincipal } from "../auth/principal";
import { uploadDataset } from "../datasets/datasets";

export const XOR_DATASET = "xor";

// The four XOR points as a CSV, so the built-in dataset goes through the same
// upload, cleaning and storage as any other (and shows on the Datasets page).
// No normalisation: the templates' network expects 0/1 inputs.
const XOR_CSV = "a,b,a xor b\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n";

/**
 * The built-in "xor" dataset version the XOR templates train on, uploaded on
 * first use. uploadDataset is idempotent for the same bytes and options, so
 * every later call returns the same version. Returns its version id.
 */
export async function ensureXorDataset(): Promise<string> {
  const v = await uploadDataset(XOR_DATASET, XOR_CSV, { target: "a xor b", normalisation: "none" }, systemPrincipal);
  return v.id;
}
