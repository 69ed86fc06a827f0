import fs from 'node:fs';
import { formatNumber, visibleLine } from '../render/text.js';

const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const CLEAR_LINE = '\r\x1b[2K';
/** Redraws per second: enough to look alive, few enough to cost nothing. */
const FPS = 8;
/** No ETA before this much time and work: early rates swing too much to be worth reading. */
const ETA_AFTER_MS = 3000;
const ETA_AFTER_FRACTION = 0.01;
/** Time constant of the smoothed rate: long enough to ride out one slow file, short enough to forget the start-up. */
const RATE_TAU_MS = 15_000;

/**
 * One progress line at the bottom of a terminal (stderr). Unlike cli-progress's MultiBar, whose
 * `log` buffers until the next redraw and whose `stop` drops that buffer, a line logged here is
 * written at once, above the bar: no failure or warning line is ever lost.
 *
 * The bar counts articles. The total starts as an estimate (one per file, one per line of a JSON
 * Lines file) and is corrected as each file finishes. The ETA uses a rate smoothed over about 15 s
 * (seeded with the run's average once there is enough to go on): it neither jumps with every slow
 * file, as a window of the last few updates does, nor carries the slow start-up (reading a large
 * file, starting workers) to the end, as the whole-run average does.
 */
export class ProgressLine {
  private done = 0;
  private total = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private shown = false;
  /** Articles per ms, exponentially smoothed; null until the ETA is first shown. */
  private rate: number | null = null;
  private sampledAt = 0;
  private sampledDone = 0;
  private readonly restore = () => this.stream.write(SHOW_CURSOR);

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly unit = 'articles',
  ) {}

  start(total: number): void {
    this.total = total;
    this.startedAt = Date.now();
    this.stream.write(HIDE_CURSOR);
    // However the process ends, the cursor comes back.
    process.on('exit', this.restore);
    this.timer = setInterval(() => this.draw(), 1000 / FPS);
    this.timer.unref();
    this.draw();
  }

  tick(n = 1): void {
    this.done += n;
    this.total = Math.max(this.total, this.done);
  }

  /** Correct the estimated total (a file held more or fewer articles than guessed). */
  addToTotal(delta: number): void {
    this.total = Math.max(this.done, this.total + delta);
  }

  /** A whole line above the bar, written now. */
  log(line: string): void {
    if (!this.timer) {
      this.stream.write(`${line}\n`);
      return;
    }
    this.stream.write(`${CLEAR_LINE}${line}\n`);
    this.shown = false;
    this.draw();
  }

  /**
   * Once the bar has stopped: what the program is busy with now, alone on the bottom line until the
   * next status or `stop` (the corpus-wide steps after an ingest run for minutes at a million
   * articles, in one synchronous stretch: no timer could redraw during them, so the line says what,
   * not how far).
   */
  status(text: string): void {
    if (this.timer) return;
    this.stream.write(`${CLEAR_LINE}${visibleLine(text).slice(0, Math.max(0, (this.stream.columns || 80) - 1))}`);
    this.shown = true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.shown) this.stream.write(CLEAR_LINE);
    this.shown = false;
    this.stream.write(SHOW_CURSOR);
    process.off('exit', this.restore);
  }

  /** The bar's text for a terminal `columns` wide (exported for tests through `render`). */
  render(columns: number, now = Date.now()): string {
    const fraction = this.total > 0 ? Math.min(1, this.done / this.total) : 0;
    const elapsed = now - this.startedAt;
    const counts = `${formatNumber(this.done)}/${formatNumber(this.total)} ${this.unit}`;
    let eta = '';
    if (elapsed >= ETA_AFTER_MS && fraction >= ETA_AFTER_FRACTION && this.done < this.total) {
      const rate = this.sample(now);
      if (rate > 0) eta = ` · ${duration((this.total - this.done) / rate)} left`;
    }
    const text = ` ${counts}${eta}`;
    const room = Math.max(0, Math.min(40, columns - text.length - 4));
    const filled = Math.round(room * fraction);
    const bar = room >= 10 ? ` ${'█'.repeat(filled)}${'░'.repeat(room - filled)}` : '';
    return `${bar}${text}`.slice(0, Math.max(0, columns - 1));
  }

  private sample(now: number): number {
    if (this.rate === null) {
      this.rate = this.done / Math.max(1, now - this.startedAt);
    } else if (now > this.sampledAt) {
      const dt = now - this.sampledAt;
      const weight = 1 - Math.exp(-dt / RATE_TAU_MS);
      this.rate += weight * ((this.done - this.sampledDone) / dt - this.rate);
    }
    this.sampledAt = Math.max(this.sampledAt, now);
    this.sampledDone = this.done;
    return this.rate;
  }

  private draw(): void {
    if (!this.timer) return;
    this.stream.write(`${CLEAR_LINE}${this.render(this.stream.columns || 80)}`);
    this.shown = true;
  }
}

/** `2h 05m`, `3m 10s`, `42s`. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * How many articles a file holds, guessed cheaply: one, or the lines of a JSON Lines file, counted by
 * scanning bytes without parsing (about 1 GB/s). Synchronous on purpose: it runs once before the
 * ingest starts, and an asynchronous count would starve behind the analysis and arrive too late.
 */
export function estimateArticles(file: string): number {
  if (!/\.(jsonl|ndjson)$/i.test(file)) return 1;
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.allocUnsafe(1 << 20);
    let lines = 0;
    let last = 0x0a;
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) {
      const chunk = buffer.subarray(0, n);
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
      last = chunk[n - 1];
    }
    return Math.max(1, lines + (last === 0x0a ? 0 : 1));
  } catch {
    return 1; // the reader will say what is wrong with the file
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** An error or warning line for stderr: `corpus: …`, with terminal controls in file names made visible. */
export function problemLine(message: string): string {
  return `corpus: ${visibleLine(message)}`;
}
