import { Age } from "@/components/ui/age";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatInterval } from "@/components/ui/readings";
import { EmptyRow, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { TargetOut } from "@/lib/telemetry/schemas";
import { TargetActions } from "./target-actions";

/**
 * A scrape due this long ago and not run means no worker is scraping: the last
 * success says nothing about now, so the target is not shown "up".
 */
function isOverdue(target: TargetOut, nowMs: number): boolean {
  return nowMs - Date.parse(target.nextScrapeAt) > Math.max(60, 2 * target.intervalSeconds) * 1000;
}

function TargetState({ target, nowMs }: { target: TargetOut; nowMs: number }) {
  if (!target.enabled) return <Badge>disabled</Badge>;
  if (isOverdue(target, nowMs)) {
    return (
      <span title="no scrape has run since it was due: is a worker running? (npm run worker)">
        <Badge tone="warn" hasDot>
          overdue
        </Badge>
      </span>
    );
  }
  if (target.consecutiveFailures > 0)
    return (
      <Badge tone="bad" hasDot>
        failing
      </Badge>
    );
  if (!target.lastScrapeAt) return <Badge tone="info">waiting</Badge>;
  if (target.lastSamples === 0) {
    return (
      <span title="the page was fetched, but none of its samples matched a GPU in the inventory (see unknown GPUs, or auto-registration in the settings)">
        <Badge tone="warn" hasDot>
          up · no GPU matched
        </Badge>
      </span>
    );
  }
  return (
    <Badge tone="good" hasDot>
      up
    </Badge>
  );
}

const dash = <span className="text-slate-600">—</span>;

/** Registered dcgm-exporter endpoints and how their last scrapes went; operators get enable/disable/delete. */
export function ScrapeTargetsTable({
  targets,
  canWrite,
  nowMs,
}: {
  targets: TargetOut[];
  canWrite: boolean;
  nowMs: number;
}) {
  const columns = canWrite ? 10 : 9;
  return (
    <Table label="Scrape targets">
      <THead>
        <Th>URL</Th>
        <Th>State</Th>
        <Th isNumeric>Interval</Th>
        <Th>Last scrape</Th>
        <Th>Last success</Th>
        <Th>Last error</Th>
        <Th isNumeric>Samples</Th>
        <Th isNumeric>Duration</Th>
        <Th isNumeric>Failures</Th>
        {canWrite && (
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        )}
      </THead>
      <TBody>
        {targets.length === 0 && (
          <EmptyRow colSpan={columns}>
            No scrape targets yet.{" "}
            {canWrite ? "Add a dcgm-exporter URL above." : "An operator can add dcgm-exporter URLs."}
          </EmptyRow>
        )}
        {targets.map((t) => (
          <Tr key={t.id} testId="target-row">
            {/* Wrapped, not truncated: what tells targets apart (a hostname) is often in the middle of the URL. */}
            <Td className="min-w-56 break-all font-mono text-[12px]">{t.url}</Td>
            <Td>
              <TargetState target={t} nowMs={nowMs} />
            </Td>
            <Td isNumeric isMono>
              {formatInterval(t.intervalSeconds)}
            </Td>
            <Td isMuted>
              <Age iso={t.lastScrapeAt} nowMs={nowMs} />
              {t.enabled && (
                <span className="block text-[11px] text-slate-500">
                  next <NextScrape iso={t.nextScrapeAt} nowMs={nowMs} />
                </span>
              )}
            </Td>
            <Td isMuted>
              <Age iso={t.lastSuccessAt} nowMs={nowMs} />
            </Td>
            <Td className="min-w-36 max-w-64">
              {t.lastError ? (
                <span className="line-clamp-2 text-[12px] text-rose-300" title={t.lastError} data-testid="target-error">
                  {t.lastError}
                </span>
              ) : (
                dash
              )}
            </Td>
            <Td isNumeric isMono>
              {t.lastSamples === null ? dash : formatCount(t.lastSamples)}
            </Td>
            <Td isNumeric isMono>
              {t.lastDurationMs === null ? dash : `${formatCount(t.lastDurationMs)} ms`}
            </Td>
            <Td isNumeric isMono className={t.consecutiveFailures > 0 ? "text-rose-300" : ""}>
              {t.consecutiveFailures}
            </Td>
            {canWrite && (
              <Td className="text-right">
                <TargetActions id={t.id} url={t.url} isEnabled={t.enabled} />
              </Td>
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function NextScrape({ iso, nowMs }: { iso: string; nowMs: number }) {
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1000);
  const text = seconds <= 0 ? "now" : seconds < 120 ? `in ${seconds} s` : `in ${Math.round(seconds / 60)} min`;
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
