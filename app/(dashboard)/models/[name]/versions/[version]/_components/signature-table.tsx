import { useTranslations } from "next-intl";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { Signature } from "@/lib/models/schemas";

/** What a prediction takes (features in array order, their types and categories) and answers (the labels). */
export function SignatureTable({ signature }: { signature: Signature }) {
  const t = useTranslations("models.version.signature");
  return (
    <div>
      <Table label={t("table")}>
        <THead>
          <Th isNumeric>#</Th>
          <Th>{t("col.feature")}</Th>
          <Th>{t("col.type")}</Th>
          <Th>{t("col.categories")}</Th>
        </THead>
        <TBody>
          {signature.features.map((f, i) => (
            <Tr key={f.name} testId="signature-feature">
              <Td isNumeric isMuted>
                {i}
              </Td>
              <Td isMono>{f.name}</Td>
              <Td isMuted>{t(`type.${f.type}`)}</Td>
              <Td isMono isMuted className="text-[12px]">
                {f.type === "categorical" ? (
                  <span data-stored-text>{f.categories.join(", ")}</span>
                ) : f.missingValues.length ? (
                  t("readAsMissing", { values: f.missingValues.join(", ") })
                ) : (
                  "—"
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <p className="border-t border-slate-800 px-3 py-2.5 text-[13px] text-slate-300" data-testid="signature-labels">
        {t.rich("predicts", {
          target: signature.target,
          mono: (chunks) => (
            <span className="font-mono" data-stored-text>
              {chunks}
            </span>
          ),
          // The labels are the dataset's own words (class names): data, not ours to translate.
          labels: () =>
            signature.labels.map((l, i) => (
              <span key={l}>
                {i > 0 && ", "}
                <span className="font-mono text-slate-100" data-stored-text>
                  {l}
                </span>
              </span>
            )),
        })}
      </p>
    </div>
  );
}
