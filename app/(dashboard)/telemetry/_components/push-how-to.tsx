import { ScrollArea } from "@/components/ui/scroll-area";

/**
 * How to send telemetry without a scrape target: pipe dcgm-exporter's page into
 * the push endpoint. `origin` is this Rackmind's address as the browser sees it,
 * so the example can be pasted as is.
 */
export function PushHowTo({ origin }: { origin: string }) {
  const curl = [
    `RACKMIND=${origin}`,
    `AT=$(date -u +%FT%TZ)`,
    `curl -s http://localhost:9400/metrics |`,
    `  curl -sS "$RACKMIND/api/v1/telemetry/dcgm?at=$AT" \\`,
    `    -H "Authorization: Bearer $RACKMIND_TOKEN" \\`,
    `    -H "Content-Type: text/plain" --data-binary @-`,
  ].join("\n");
  const answer = `{ "accepted": 160, "rejected": 0, "unknownGpus": 0,\n  "stored": 160, "duplicates": 0, "rejections": [] }`;
  return (
    <div className="space-y-3 text-[13px] text-slate-300">
      <p>
        Run this on a GPU node (or from cron, every 15–60 s) with an operator API token from Admin. Rackmind matches
        each GPU by its <span className="font-mono text-slate-100">UUID</span> label, else by{" "}
        <span className="font-mono text-slate-100">Hostname</span> and{" "}
        <span className="font-mono text-slate-100">gpu</span>.
      </p>
      <ScrollArea
        as="pre"
        label="Push example"
        className="overflow-x-auto rounded-md border border-slate-800 bg-slate-950/80 p-3 font-mono text-[12px] leading-5 text-slate-200"
        testId="push-example"
      >
        {curl}
      </ScrollArea>
      <p className="text-slate-400">
        Samples without their own timestamp are stamped with <span className="font-mono">?at=</span>, so a retried push
        stores nothing twice. The answer counts what was kept:
      </p>
      <ScrollArea
        as="pre"
        label="Push answer"
        className="overflow-x-auto rounded-md border border-slate-800 bg-slate-950/80 p-3 font-mono text-[12px] leading-5 text-slate-400"
      >
        {answer}
      </ScrollArea>
      <p className="text-xs text-slate-500">
        No exporter at hand? <span className="font-mono text-slate-400">npm run simulate</span> serves the demo
        fleet&apos;s pages at <span className="font-mono text-slate-400">http://127.0.0.1:9400/metrics</span> (one node:{" "}
        <span className="font-mono text-slate-400">/hosts/&lt;hostname&gt;/metrics</span>); add either as a scrape
        target.
      </p>
    </div>
  );
}
