/**
 * The article paths one ingest read from one file, so that rows gone from it can be told from rows
 * still there. A JSON Lines or CSV file of a million articles has a million paths (`FILE:LINE`):
 * kept as strings they took ~100 MB of a bounded ingest, so a path that is the file's name and a line
 * number is kept as one bit of a bitset; any other (`FILE#ID`, `FILE#part2`) as itself.
 */
export class ReadPaths {
  private readonly prefix: string;
  private bits = new Uint8Array(1024);
  private readonly others = new Set<string>();
  size = 0;

  constructor(file: string) {
    this.prefix = `${file}:`;
  }

  add(path: string): void {
    const line = this.lineOf(path);
    if (line === null) {
      if (this.others.has(path)) return;
      this.others.add(path);
    } else {
      if (line >> 3 >= this.bits.length) {
        const grown = new Uint8Array(Math.max(this.bits.length * 2, (line >> 3) + 1));
        grown.set(this.bits);
        this.bits = grown;
      }
      const mask = 1 << (line & 7);
      if (this.bits[line >> 3] & mask) return;
      this.bits[line >> 3] |= mask;
    }
    this.size++;
  }

  has(path: string): boolean {
    const line = this.lineOf(path);
    if (line === null) return this.others.has(path);
    return line >> 3 < this.bits.length && (this.bits[line >> 3] & (1 << (line & 7))) !== 0;
  }

  /** The line number of `FILE:LINE` (no sign, no leading zero, below 2^31), else null. */
  private lineOf(path: string): number | null {
    if (!path.startsWith(this.prefix)) return null;
    const n = path.length - this.prefix.length;
    if (n < 1 || n > 9 || (n > 1 && path.charCodeAt(this.prefix.length) === 48)) return null;
    let line = 0;
    for (let i = this.prefix.length; i < path.length; i++) {
      const c = path.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      line = line * 10 + c;
    }
    return line;
  }
}
