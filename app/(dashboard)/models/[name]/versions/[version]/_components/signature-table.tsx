import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Signature } from "@/lib/models/schemas";

/** What a prediction takes (features in array order, their types and categories) and answers (the labels). */
export function SignatureTable({ signature }: { signature: Signature }) {
  return (
    <div>
      <Table label="Input signature">
        <THead>
          <Th isNumeric>#</Th>
          <Th>Feature</Th>
          <Th>Type</Th>
          <Th>Categories / also missing</Th>
        </THead>
        <TBody>
          {signature.features.map((f, i) => (
            <Tr key={f.name} testId="signature-feature">
              <Td isNumeric isMuted>
                {i}
              </Td>
              <Td isMono>{f.name}</Td>
              <Td isMuted>{f.type}</Td>
              <Td isMono isMuted className="text-[12px]">
                {f.type === "categorical"
                  ? f.categories.join(", ")
                  : f.missingValues.length
                    ? `${f.missingValues.join(", ")} read as missing`
                    : "—"}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <p className="border-t border-slate-800 px-3 py-2.5 text-[13px] text-slate-300" data-testid="signature-labels">
        Predicts <span className="font-mono">{signature.target}</span> as one of{" "}
        {signature.labels.map((l, i) => (
          <span key={l}>
            {i > 0 && ", "}
            <span className="font-mono text-slate-100">{l}</span>
          </span>
        ))}
        .
      </p>
    </div>
  );
}
