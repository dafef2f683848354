/** Latencies and outcomes of one kind of request over the soak. */
export class Recorder {
  private readonly ms: number[] = [];
  ok = 0;
  errors = 0;
  readonly lastErrors: string[] = [];

  record(startMs: number, isOk: boolean, error?: string): void {
    this.ms.push(performance.now() - startMs);
    if (isOk) this.ok++;
    else {
      this.errors++;
      if (error && this.lastErrors.length < 5) this.lastErrors.push(error);
    }
  }

  percentile(p: number): number | null {
    if (this.ms.length === 0) return null;
    const sorted = [...this.ms].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
  }
}
