import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus, SEEDS, tempDir, write } from './helpers.js';
import { inPty } from './pty.js';

const ESC = '\x1b';
const RLO = '\u202e';
/** Escape sequences this program itself writes on a terminal: SGR styles, cursor show/hide, line clearing. */
const OWN_SEQUENCES = /\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[2K|\x1b\[[0-9]*[GK]/g;

/** An article written to attack the terminal that displays it. */
const HOSTILE_TITLE = `Grain report${ESC}]0;pwned${'\x07'}${ESC}[2J`;
const HOSTILE_BODY =
  `Wheat exports rose sharply in March, the ministry said. ${ESC}]8;;https://evil.example/${ESC}\\click here${ESC}]8;;${ESC}\\ ` +
  `Traders said the wheat harvest was late. Attachment: ${RLO}gnp.exe was sent.\n`;

describe('terminal safety and fitting (CLI, pseudo-terminal)', () => {
  let dir: string;
  let db: string;
  const hostileName = `invoice${RLO}txt.exe.txt`;

  beforeAll(() => {
    dir = tempDir('corpus-terminal-');
    write(
      path.join(dir, 'news', 'grain.md'),
      `---\ntitle: "${HOSTILE_TITLE.replace(/\x07/g, '\\a').replace(/\x1b/g, '\\e')}"\ndate: 2020-03-04\nsource: "Agency\\e[31m"\n---\n${HOSTILE_BODY}`,
    );
    write(path.join(dir, 'news', hostileName), 'Wheat prices fell in Chicago on Monday, dealers said.\n');
    fs.copyFileSync(path.join(SEEDS, '004_ddf39e30f6a337f9.txt'), path.join(dir, 'news', 'seed.txt'));
    write(
      path.join(dir, 'news', 'summit.txt'),
      `The two ministers will hold a summit in Paris on March 10, 2020, to sign ${RLO}gnp.exe and more.\n`,
    );
    db = path.join(dir, 'news.db');
    const run = corpus(['ingest', 'news', '--db', db, '--date', '2020-03-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
  });

  /** Terminal output without the sequences the program writes itself: nothing else may steer the terminal. */
  const foreign = (output: string) => output.replace(OWN_SEQUENCES, '');

  it('never lets a title, body, source or file name steer the terminal or reorder text', () => {
    // PAGER=cat: what a pager would be sent reaches the terminal as it is.
    const runs = [['search', 'wheat'], ['show', 'news/grain.md'], ['stats'], ['timeline'], ['search', 'chicago']].map(
      (args) => inPty([...args, '--db', db], { cwd: dir, env: { PAGER: 'cat' } }),
    );
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(foreign(run.output)).not.toContain(ESC);
      expect(run.output).not.toContain(RLO);
      expect(run.output).not.toContain('\x07');
    }
    const [search, show, stats] = runs;
    expect(search.output).toContain('Grain report␛]0;pwned␇␛[2J'); // visible, not obeyed
    expect(show.output).toContain('␛]8;;https://evil.example/␛\\click here');
    expect(show.output).toContain('Attachment: \ufffdgnp.exe');
    expect(stats.output).toContain('Agency␛[31m');
    expect(runs[4].output).toContain(`invoice\ufffdtxt.exe.txt`);
  });

  it('keeps bidi overrides out of the HTML page too', () => {
    const page = path.join(dir, 'timeline.html');
    const run = corpus(['timeline', '--db', db, '--html', page], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const html = fs.readFileSync(page, 'utf8');
    expect(html).toContain('Paris summit');
    expect(html).toContain('to sign \ufffdgnp.exe');
    expect(html).not.toContain(RLO);
  });

  it('keeps JSON exact', () => {
    const run = corpus(['show', 'news/grain.md', '--db', db, '--json'], { cwd: dir });
    const doc = JSON.parse(run.stdout);
    expect(doc.title).toBe(HOSTILE_TITLE);
    expect(doc.body).toContain(`${ESC}]8;;https://evil.example/`);
    expect(doc.body).toContain(`${RLO}gnp.exe`);
    const hits = JSON.parse(corpus(['search', 'chicago', '--db', db, '--json'], { cwd: dir }).stdout).hits;
    expect(hits[0].path).toBe(`news/${hostileName}`);
  });

  it('keeps machine formats inert on a terminal: JSON escaped, CSV made visible', () => {
    // The JSON written says the same (the parse above is exact) but a bidi override is an escape.
    const json = inPty(['search', 'chicago', '--db', db, '--json'], { cwd: dir });
    expect(json.output).not.toContain(RLO);
    expect(json.output).toContain('invoice\\u202etxt.exe.txt');
    for (const format of ['--csv', '--nl']) {
      const run = inPty(['search', 'wheat', '--db', db, format, '--limit', '20'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(foreign(run.output), format).not.toContain(ESC);
      expect(run.output).not.toContain('\x07');
      expect(run.output).not.toContain(RLO);
    }
    // Piped, CSV is exact.
    expect(corpus(['search', 'wheat', '--db', db, '--csv'], { cwd: dir }).stdout).toContain(HOSTILE_TITLE);
  });

  it('makes file names in error lines visible too', () => {
    const bad = path.join(dir, 'bad', `x${ESC}]0;owned${'\x07'}.json`);
    write(bad, '{"title": ');
    const run = corpus(['ingest', path.join(dir, 'bad'), '--db', path.join(dir, 'bad.db')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('x␛]0;owned␇.json');
    expect(run.stderr).not.toContain(ESC);
    // A newline in a name cannot start a line of its own that looks like the program's.
    const spoof = path.join(dir, 'spoof', 'bad\ncorpus: all 3 files stored.txt');
    write(spoof, '');
    const spoofed = corpus(['ingest', path.join(dir, 'spoof'), '--db', path.join(dir, 'bad.db')]);
    expect(spoofed.code).toBe(1);
    expect(spoofed.stderr).toMatch(/bad␤corpus: all 3 files stored\.txt: empty file/);
    expect(spoofed.stderr).not.toMatch(/^corpus: all 3 files stored/m);
  });

  it('fits every command to a 60-column terminal: tables share the room, long lines wrap', () => {
    const top = JSON.parse(corpus(['entities', '--json', '--limit', '1', '--db', db], { cwd: dir }).stdout)[0].name;
    for (const args of [
      ['entity', top],
      ['mentions', top],
      ['trends', top],
      ['graph', top, '--min', '1'],
      ['timeline'],
      ['events'],
      ['duplicates'],
      ['entities', '--suspects'],
      ['search', 'wheat'],
      ['show', 'news/grain.md'],
      ['stats'],
    ]) {
      const run = inPty([...args, '--db', db, ...(args[0] === 'mentions' ? [] : ['--no-pager'])], {
        cwd: dir,
        columns: 60,
      });
      expect(run.code, `${args.join(' ')}: ${run.output}`).toBeLessThan(2);
      for (const line of run.output.replace(OWN_SEQUENCES, '').split('\n'))
        expect(stringWidth(line), `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(60);
    }
  });

  it('fits a timeline written as it is built to the terminal, characters two columns wide too', () => {
    const own = tempDir('corpus-wide-timeline-');
    write(
      path.join(own, 'news', 'a.txt'),
      'Tokyo accord signed\n\nTrade ministers signed the accord in Tokyo on March 3, 2021, officials said at 東京都千代田区霞が関で開かれた会議で合意 yesterday.\n',
    );
    write(
      path.join(own, 'news', 'b.txt'),
      'Ministers sign accord in Tokyo\n\nOn March 3, 2021, trade ministers signed the accord in Tokyo, at 東京都千代田区霞が関で開かれた会議で合意 yesterday.\n',
    );
    expect(corpus(['ingest', 'news', '--db', 'x.db', '-q'], { cwd: own }).code).toBe(0);
    const run = inPty(['timeline', '--db', 'x.db', '--no-pager'], { cwd: own, columns: 40 });
    expect(run.code, run.output).toBe(0);
    const text = run.output.replace(OWN_SEQUENCES, '');
    expect(text).toContain('東京');
    // A run of twenty such characters fits 26 columns counted one a character, not as the 40 they take:
    // measured as wide (string-width, loaded when a piece needs it).
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
  });

  it('fits an 80-column terminal: snippets wrap at word boundaries under their indent', () => {
    const run = inPty(['search', 'wheat', '--db', db, '--no-pager'], { cwd: dir, columns: 80 });
    const lines = run.output.replace(OWN_SEQUENCES, '').split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    const snippetLines = lines.filter((l) => l.startsWith('     ') && !l.trim().startsWith('news/'));
    expect(snippetLines.length).toBeGreaterThan(2);
    // Every wrapped line ends with a whole word of the body: no word is cut in two.
    const words = new Set(HOSTILE_BODY.split(/\s+/));
    for (const line of snippetLines) {
      const last = line.trim().split(' ').pop()!.replace(/[\][]/g, '');
      if (/^[a-z]+[.,]?$/i.test(last))
        expect(words.has(last) || words.has(`${last}.`) || /entities/.test(line), last).toBe(true);
    }
  });

  it('fits the entities table to a narrow terminal instead of folding rows', () => {
    const seeds = path.join(dir, 'seeds.db');
    expect(corpus(['ingest', SEEDS, '--db', seeds, '--quiet']).code).toBe(0);
    const run = inPty(['entities', '--db', seeds, '--no-pager'], { columns: 60 });
    const lines = run.output.replace(OWN_SEQUENCES, '').trimEnd().split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    expect(lines[0]).toMatch(/^entity\s+type\s+mentions\s+docs\s+aliases$/);
    expect(lines.find((l) => l.startsWith('North Korea'))).toMatch(/DPRK/);
  });

  it('pages output taller than the screen through $PAGER, and only then', () => {
    const seeds = path.join(dir, 'seeds.db');
    if (!fs.existsSync(seeds)) expect(corpus(['ingest', SEEDS, '--db', seeds, '--quiet']).code).toBe(0);
    const paged = path.join(dir, 'paged.txt');
    const pager = `cat > '${paged}'`;
    const tall = inPty(['timeline', '--db', seeds], { rows: 10, env: { PAGER: pager } });
    expect(tall.code).toBe(0);
    expect(fs.readFileSync(paged, 'utf8')).toMatch(/^(\x1b\[1m)?All events: \d+ (events|dated entries)/);
    expect(tall.output).not.toMatch(/All events/); // all of it went to the pager
    fs.rmSync(paged);
    const short = inPty(['stats', '--db', seeds], { rows: 60, env: { PAGER: pager } });
    expect(short.output).toMatch(/^documents\s+3$/m);
    expect(fs.existsSync(paged)).toBe(false);
    const off = inPty(['timeline', '--db', seeds, '--no-pager'], { rows: 10, env: { PAGER: pager } });
    expect(off.output).toMatch(/All events/);
    expect(fs.existsSync(paged)).toBe(false);
    // A pager the shell cannot find or run: the output reaches the terminal all the same.
    for (const missing of ['no-such-pager-here', path.join(dir, 'paged-not-executable')]) {
      fs.writeFileSync(path.join(dir, 'paged-not-executable'), 'not a program\n', { mode: 0o644 });
      const lost = inPty(['timeline', '--db', seeds], { rows: 10, env: { PAGER: missing } });
      expect(lost.code).toBe(0);
      expect(lost.output).toMatch(/All events/);
    }
  });

  it('honours FORCE_COLOR in a pipe and NO_COLOR on a terminal', () => {
    const forced = corpus(['search', 'wheat', '--db', db], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`${ESC}[1mWheat${ESC}[22m`);
    const plain = corpus(['search', 'wheat', '--db', db], { cwd: dir });
    expect(plain.stdout).toContain('[Wheat]');
    expect(plain.stdout).not.toContain(ESC);
    const noColour = inPty(['search', 'wheat', '--db', db], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(noColour.output).toContain('[Wheat]');
    expect(corpus(['search', 'wheat', '--db', db], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ESC);
  });
});

describe('ingest on a terminal (CLI, pseudo-terminal)', () => {
  it('shows every failure and warning line, counts articles of a JSON Lines file and restores the cursor', () => {
    const dir = tempDir('corpus-progress-');
    const lines = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ title: `Note ${i}`, date: '2021-05-06', text: `Barley note ${i} for the market.` }),
    );
    lines.splice(7, 0, '{"title": broken');
    write(path.join(dir, 'in', 'notes.jsonl'), `${lines.join('\n')}\n`);
    for (let i = 0; i < 25; i++) write(path.join(dir, 'in', `a${i}.txt`), `Oats story ${i}. Oats rose ${i} cents.\n`);
    for (let i = 0; i < 3; i++) write(path.join(dir, 'in', `bad${i}.json`), '{"title": ');
    write(path.join(dir, 'in', 'latin1.txt'), Buffer.from('Caf\xe9 prices rose in M\xfcnchen.\n', 'latin1'));
    const run = inPty(['ingest', 'in', '--db', 'x.db'], { cwd: dir, env: { CORPUS_WORKERS: '0' } });
    expect(run.code, run.output).toBe(1);
    const text = run.output.replace(OWN_SEQUENCES, '\n');
    for (let i = 0; i < 3; i++) expect(text).toMatch(new RegExp(`^corpus: in/bad${i}\\.json: .*JSON`, 'm'));
    expect(text).toMatch(/^corpus: in\/notes\.jsonl:8: /m);
    expect(text).toMatch(/^corpus: warning: in\/latin1\.txt: /m);
    expect(text).toMatch(/\/70 articles/); // 40 + 1 bad lines, 25 + 3 + 1 files: articles, not files
    expect(text).toMatch(/^30 files, 66 documents: 66 new, 0 updated, 0 unchanged, 0 duplicates, 4 failed/m);
    expect(run.output.lastIndexOf(`${ESC}[?25h`)).toBeGreaterThan(run.output.lastIndexOf(`${ESC}[?25l`));
    // Before the bar, the integrity check of what is stored (17 s at a million articles), cleared by the bar.
    const check = run.output.indexOf(`${ESC}[2Kchecking the database for damage…`);
    expect(check).toBeGreaterThan(-1);
    expect(check).toBeLessThan(run.output.indexOf('/70 articles'));
    // After the bar, what the corpus-wide steps are doing (minutes of silence at a million articles),
    // each line cleared by the next and the last before the summary.
    const steps = [
      'resolving entities across the corpus…',
      'finding near-duplicates…',
      'clustering events across the corpus…',
    ];
    const at = steps.map((s) => run.output.indexOf(`${ESC}[2K${s}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(run.output.indexOf(`${ESC}[2K`, at[2] + 1)).toBeLessThan(run.output.indexOf('30 files, 66 documents'));
  });

  it('says what a correction is doing across the corpus while it does it, on a terminal only', () => {
    const dir = tempDir('corpus-merge-tty-');
    expect(corpus(['ingest', SEEDS, '--db', 'x.db', '-q'], { cwd: dir }).code).toBe(0);
    const merge = inPty(['entity', 'merge', 'Shinzo Abe', 'Donald Trump', '--db', 'x.db'], { cwd: dir });
    expect(merge.code, merge.output).toBe(0);
    const at = ['applying the correction across the corpus…', 'clustering events across the corpus…'].map((s) =>
      merge.output.indexOf(`${ESC}[2K${s}`),
    );
    expect(at[0]).toBeGreaterThan(-1);
    expect(at[1]).toBeGreaterThan(at[0]);
    // Cleared before the result is printed.
    expect(merge.output.indexOf(`${ESC}[2K`, at[1] + 1)).toBeLessThan(merge.output.indexOf('merged Shinzo Abe'));
    const piped = corpus(['entity', 'unmerge', 'Shinzo Abe', '--db', 'x.db'], { cwd: dir });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr).toBe('');
  });

  it('on Ctrl-C commits what was read, restores the cursor and says how to resume', () => {
    const dir = tempDir('corpus-interrupt-');
    const sentences = [
      'Wheat rose in Chicago.',
      'The ministry said exports fell.',
      'Traders expect rain in Kansas.',
      'Prices were steady in Paris.',
    ];
    const lines = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify({
        title: `Market ${i}`,
        date: '2022-01-03',
        text: `${sentences[i % 4]} Report ${i}. ${sentences[(i + 1) % 4]} ${sentences[(i + 2) % 4]}`,
      }),
    );
    write(path.join(dir, 'big.jsonl'), `${lines.join('\n')}\n`);
    const first = inPty(['ingest', 'big.jsonl', '--db', 'r.db'], {
      cwd: dir,
      interruptAfter: '(?:[1-9][0-9]{2}|[0-9],[0-9]{3})/1,500 articles',
      timeoutMs: 300_000,
    });
    expect(first.code, first.output).toBe(130);
    expect(first.output).toMatch(
      /corpus: interrupted: \d[\d,]* documents stored and committed; run the same command to resume:\n\s+corpus ingest big\.jsonl --db r\.db/,
    );
    expect(first.output.lastIndexOf(`${ESC}[?25h`)).toBeGreaterThan(first.output.lastIndexOf(`${ESC}[?25l`));
    const stored = JSON.parse(corpus(['stats', '--db', 'r.db', '--json'], { cwd: dir }).stdout).documents;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(1500);
    const again = corpus(['ingest', 'big.jsonl', '--db', 'r.db', '--json'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.unchanged).toBe(stored);
    expect(summary.new).toBe(1500 - stored);
  });
});
