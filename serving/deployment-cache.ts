/**
 * The deployments this process serves, kept in memory and kept current: the
 * deployment table is polled twice a second (one small query), and a
 * deployment whose revision moved is reloaded — its versions loaded from the
 * registry once and shared between deployments. A version that cannot be
 * loaded (its artifact fails its hash check) leaves the deployment answering
 * 503 with the reason, never a silently different model.
 */
import { getPool } from "../lib/database/pool";
import { logger } from "../lib/observability/logger";
import type { Tf } from "../lib/training/backend/backend";
import type { BatcherOptions } from "./batcher";
import { loadVersion, type ForwardChoice, type LoadedVersion } from "./loaded-version";

/** One side of a deployment: its version, loaded, or why it could not be (shown to callers as a 503). */
export type Side = { versionId: string; loaded: LoadedVersion | null; problem: string | null };

export type ServedDeployment = {
  id: string;
  name: string;
  status: "active" | "stopped";
  revision: string;
  canaryWeight: number;
  stable: Side;
  canary: Side | null;
};

type Row = {
  id: string;
  name: string;
  status: "active" | "stopped";
  revision: string;
  stableVersionId: string;
  canaryVersionId: string | null;
  canaryWeight: number;
};

export class DeploymentCache {
  private readonly byName = new Map<string, ServedDeployment>();
  private readonly versions = new Map<string, Promise<LoadedVersion>>();
  private timer: NodeJS.Timeout | null = null;
  /** When the last poll succeeded (health). */
  lastSyncAt = 0;
  /** When the last successful read of the table began: what it saw is at least that fresh. */
  private lastReadFrom = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly tf: Tf,
    private readonly batching: BatcherOptions,
    private readonly forward: ForwardChoice = "auto",
  ) {}

  /** The TF.js backend the versions run on (health). */
  get backend(): string {
    return this.tf.getBackend();
  }

  get(name: string): ServedDeployment | undefined {
    return this.byName.get(name);
  }

  /**
   * A deployment by name as the table stood no earlier than `asOf` (ms): a name
   * this process has not seen is looked up again before it is called unknown,
   * so a deployment made a moment ago answers instead of a 404 until the next
   * poll. One read at a time, shared by every request waiting for it, so a
   * flood of unknown names keeps at most one read in flight, not one per request.
   */
  async getFresh(name: string, asOf: number): Promise<ServedDeployment | undefined> {
    for (let attempt = 0; attempt < 2 && !this.byName.has(name) && this.lastReadFrom < asOf; attempt++)
      await this.syncShared();
    return this.byName.get(name);
  }

  /** The read in flight, or a new one. */
  private syncShared(): Promise<void> {
    this.inFlight ??= this.sync().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  all(): ServedDeployment[] {
    return [...this.byName.values()];
  }

  start(everyMs = 500, watchdogMs = 5_000): void {
    const tick = () => {
      const started = Date.now();
      // A read that never answers (a connection the embedded database stopped serving) must not stop
      // the cache for good: after watchdogMs the next read starts anyway, and the stall is logged.
      let watchdog: NodeJS.Timeout | undefined;
      const stalled = new Promise<void>((resolve) => {
        watchdog = setTimeout(() => {
          logger.warn({ ms: Date.now() - started }, "reading deployments stalled; trying again");
          resolve();
        }, watchdogMs);
      });
      void Promise.race([this.syncShared(), stalled])
        .catch((err) => logger.warn({ err }, "could not read deployments"))
        .finally(() => {
          clearTimeout(watchdog);
          this.timer = setTimeout(tick, everyMs);
        });
    };
    tick();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Reads every deployment's revision and reloads those that changed. */
  async sync(): Promise<void> {
    const readFrom = Date.now();
    const { rows } = await getPool().query<Row>(
      `SELECT "id", "name", "status", "revision"::text AS "revision", "stableVersionId", "canaryVersionId", "canaryWeight" FROM "Deployment"`,
    );
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.name);
      const current = this.byName.get(row.name);
      if (current && current.revision === row.revision && current.id === row.id) continue;
      this.byName.set(row.name, await this.load(row));
    }
    for (const name of [...this.byName.keys()]) if (!seen.has(name)) this.byName.delete(name);
    this.releaseUnused();
    this.lastSyncAt = Date.now();
    this.lastReadFrom = Math.max(this.lastReadFrom, readFrom);
  }

  private async load(row: Row): Promise<ServedDeployment> {
    const isActive = row.status === "active";
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      revision: row.revision,
      canaryWeight: row.canaryVersionId ? row.canaryWeight : 0,
      stable: await this.side(row.stableVersionId, isActive),
      // A canary that cannot load answers its share with errors: its gates see them and roll it back.
      canary: row.canaryVersionId ? await this.side(row.canaryVersionId, isActive) : null,
    };
  }

  private async side(versionId: string, isActive: boolean): Promise<Side> {
    if (!isActive) return { versionId, loaded: null, problem: null };
    try {
      return { versionId, loaded: await this.version(versionId), problem: null };
    } catch (err) {
      logger.error({ versionId, err }, "could not load a deployed version");
      return { versionId, loaded: null, problem: err instanceof Error ? err.message : String(err) };
    }
  }

  private version(id: string): Promise<LoadedVersion> {
    let v = this.versions.get(id);
    if (!v) {
      v = loadVersion(this.tf, id, this.batching, this.forward);
      v.catch(() => this.versions.delete(id));
      this.versions.set(id, v);
    }
    return v;
  }

  private releaseUnused(): void {
    const used = new Set(this.all().flatMap((d) => [d.stable.versionId, d.canary?.versionId]));
    for (const [id, v] of this.versions) {
      if (used.has(id)) continue;
      this.versions.delete(id);
      void v.then((loaded) => loaded.dispose()).catch(() => undefined);
    }
  }
}
