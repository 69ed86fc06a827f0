import { readableAliases, renderEntityList, renderWhy } from '../src/render/entities.js';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { useColour } from '../src/cli/options.js';
import { formatNumber } from '../src/render/text.js';
import { duration, ProgressLine } from '../src/cli/progress.js';
import { flatten } from '../src/render/formats/csv.js';
import { toVocabulary } from '../src/render/formats/vocabulary.js';
import { renderIngestSummary } from '../src/render/ingest.js';
import {
  isSimple,
  keyValues,
  loadFitting,
  shorten,
  table,
  visible,
  visibleDeep,
  width,
  wrapIndented,
} from '../src/render/text.js';

describe('visible: terminal controls from documents are shown, not obeyed', () => {
  it('replaces controls and bidi overrides one for one, so offsets still hold', () => {
    const hostile = 'a\x1b]0;title\x07b\x1b[2Jc\u202egnp.exe\u2066x\u2069 \x9b31m\x7f\rz';
    const shown = visible(hostile);
    expect(shown).toBe('a␛]0;title␇b␛[2Jc\ufffdgnp.exe\ufffdx\ufffd \ufffd31m␡␍z');
    expect(shown.length).toBe(hostile.length);
    expect(shown).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps newlines, tabs, CRLF line ends, right-to-left text and its marks', () => {
    const text = 'line one\r\nline\ttwo\nשלום \u200f עולם';
    expect(visible(text)).toBe(text);
  });

  it('reaches every string of plain data and leaves numbers and keys alone', () => {
    expect(visibleDeep({ 'k\x1b': ['x\x1by', 3, null], n: { t: '\u202e' } })).toEqual({
      'k\x1b': ['x␛y', 3, null],
      n: { t: '\ufffd' },
    });
  });
});

describe('aliases for people', () => {
  it('shows one spelling of a name written in other capitals, the ordinary one, and not the name again', () => {
    // Reuters: headlines in capitals and slips of the shift key were listed as names of their own.
    expect(readableAliases('Ronald Reagan', ['REAGAN', 'Reagan'])).toEqual(['Reagan']);
    expect(readableAliases('Japan', ['JAPAN', 'Nippon'])).toEqual(['Nippon']);
    expect(readableAliases('Federal Reserve', ['Board', 'FED', 'Fed', 'FEd', 'The Fed'])).toEqual([
      'Board',
      'Fed',
      'The Fed',
    ]);
    expect(readableAliases('United States', ['U.S.', 'U.s.', 'US', 'USA'])).toEqual(['U.S.', 'US', 'USA']);
    // Other spellings are other names: hyphens, misspellings, acronyms all stay.
    expect(readableAliases('Kim Jong Un', ['Kim Jong-un', 'KJU'])).toEqual(['Kim Jong-un', 'KJU']);
    const list = renderEntityList([
      { id: 1, type: 'COUNTRY', name: 'Japan', mentions: 3, documents: 2, aliases: ['JAPAN', 'Nippon'] },
    ]);
    expect(list.split('\n')[1]).toMatch(/ Nippon$/);
  });
});

describe('fitting text to a terminal', () => {
  it('aligns tables and lists of hundreds of thousands of rows (`entities --limit 0` of a large archive)', () => {
    // Each was "Maximum call stack size exceeded": a column's width was Math.max over every row.
    const rows = Array.from({ length: 300_000 }, (_, i) => [`name ${i}`, i] as const);
    expect(table(['entity', 'mentions'], rows).split('\n').at(-1)).toBe('name 299999   299,999');
    expect(keyValues(rows).split('\n').at(-1)).toBe('name 299999  299999');
    const entities = rows.map(([name, n]) => ({ id: n, type: 'ORG', name, mentions: n, documents: 1, aliases: [] }));
    expect(renderEntityList(entities).split('\n').at(-1)).toMatch(/^name 299999 +ORG +299,999 +1/);
  });

  it('needs no library for plain text, and loads string-width for the rest', async () => {
    expect(isSimple({ a: ['Café – “quoted” … 1,000×'], n: 3 })).toBe(true);
    expect(isSimple(['東京'])).toBe(false);
    expect(width('plain \x1b[1mbold\x1b[22m')).toBe(10);
    await loadFitting();
    expect(width('東京')).toBe(4);
  });

  it('aligns by display width (wide characters count two)', () => {
    const out = table(
      ['name', 'n'],
      [
        ['東京', 1],
        ['Paris', 22],
      ],
    ).split('\n');
    expect(out.map((l) => stringWidth(l.replace(/\s+\S+$/, '')))).toEqual([4, 4, 5]);
    expect(stringWidth(out[1])).toBe(stringWidth(out[2]));
  });

  it('narrows and wraps the widest text column rather than letting rows fold', () => {
    const long = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu';
    const out = table(
      ['entity', 'count', 'aliases'],
      [
        ['Kim Jong Un', 10, long],
        ['Oslo', 2, 'x'],
      ],
      40,
    );
    for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(out.replace(/\s+/g, ' ')).toContain('alpha beta');
    expect(out.split('\n')[1]).toMatch(/^Kim Jong Un\s+10\s+alpha/);
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(shorten('North Korea, DPRK, Democratic Republic', 20)).toBe('North Korea, DPRK…');
    expect(shorten('short', 20)).toBe('short');
  });

  it('wraps values under their own indent, never past the width', () => {
    const out = keyValues([['title', 'one two three four five six seven eight nine ten eleven twelve']], 30);
    const lines = out.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    expect(lines[1]).toMatch(/^ {7}\S/);
    expect(wrapIndented('no width given', null, 5)).toBe('     no width given');
  });

  it('prints one number format', () => {
    const line = renderIngestSummary({
      files: 19771,
      documents: 19771,
      new: 19416,
      updated: 0,
      unchanged: 0,
      duplicates: 355,
      reanalyzed: 0,
      pruned: 0,
      removed: 0,
      failed: 0,
      skipped: 0,
      seconds: 30,
      documentsPerSecond: 659,
    });
    expect(line).toBe(
      '19,771 files, 19,771 documents: 19,416 new, 0 updated, 0 unchanged, 355 duplicates, 0 failed (659 documents/s)',
    );
  });
});

describe('useColour', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const tty = { isTTY: true } as NodeJS.WriteStream;
  const pipe = { isTTY: false } as NodeJS.WriteStream;

  it('colours a terminal, not a pipe; NO_COLOR turns it off; FORCE_COLOR decides over both', () => {
    delete process.env.NO_COLOR;
    delete process.env.FORCE_COLOR;
    expect([useColour(tty), useColour(pipe)]).toEqual([true, false]);
    process.env.NO_COLOR = '1';
    expect(useColour(tty)).toBe(false);
    process.env.FORCE_COLOR = '1';
    expect(useColour(pipe)).toBe(true);
    process.env.FORCE_COLOR = '0';
    expect(useColour(tty)).toBe(false);
  });
});

describe('JSON written as its list is read', () => {
  it('writes the same bytes as the whole value, compact or indented, empty or not', async () => {
    const { json } = await import('../src/render/formats/json.js');
    const write = async (payload: Parameters<typeof json.write>[0], pretty: boolean) => {
      const chunks: string[] = [];
      await json.write(
        payload,
        { write: (c) => void chunks.push(c) },
        { colour: false, width: null, cwd: '/data', pretty },
      );
      return { text: chunks.join(''), chunks: chunks.length };
    };
    const items = [
      {
        name: 'Hanoi summit',
        date: { value: '2019-02-27', granularity: 'day', start: '2019-02-27', end: '2019-02-27' },
      },
      {
        name: 'Line\nbreak \u2028 and "quotes"',
        sources: [{ docId: 4, path: '/data/a.txt' }],
        nested: { list: [1, [2]] },
      },
    ];
    for (const list of [items, []])
      for (const pretty of [false, true]) {
        const whole = await write(
          { data: { entity: null, entries: list, leftOut: { events: 3 } }, text: () => '' },
          pretty,
        );
        const streamed = await write(
          {
            data: { entity: null, entries: [], leftOut: { events: 3 } },
            text: () => '',
            rows: () => list,
            streamed: { key: 'entries' },
          },
          pretty,
        );
        expect(streamed.text).toBe(whole.text);
        // Each item is a write of its own.
        expect(streamed.chunks).toBe(list.length + 2);
      }
  });
});

describe('the JSON vocabulary', () => {
  it('renames to one set of keys and makes paths relative to the working folder', () => {
    const out = toVocabulary(
      {
        alsoMatches: [],
        sources: [{ docId: 4, published: '2019-02-15', path: '/data/news/a.txt' }],
        date: { value: '2019-02', granularity: 'month', start: '2019-02-01', end: '2019-02-28' },
        paths: ['/data/news/a.txt', '/elsewhere/b.txt'],
        mentions: [{ start: 1, end: 3 }],
        entities: { PERSON: 3 },
        file: '/data/x.jsonl:7',
      },
      '/data',
    );
    expect(out).toEqual({
      alsoMatched: [],
      sources: [{ id: 4, date: '2019-02-15', path: 'news/a.txt' }],
      date: '2019-02-01',
      span: { value: '2019-02', granularity: 'month', start: '2019-02-01', end: '2019-02-28' },
      paths: 2,
      pathList: ['news/a.txt', '/elsewhere/b.txt'],
      mentions: 1,
      mentionList: [{ start: 1, end: 3 }],
      entitiesByType: { PERSON: 3 },
      path: 'x.jsonl:7',
    });
  });

  it('leaves an object that already has an id or a date alone', () => {
    expect(toVocabulary({ id: 1, docId: 2, date: '2020-01-01', published: '2019-01-01' }, '/')).toEqual({
      id: 1,
      docId: 2,
      date: '2020-01-01',
      published: '2019-01-01',
    });
  });

  it('flattens nested values for CSV', () => {
    expect(
      flatten({
        a: 1,
        place: { name: 'Hanoi' },
        entities: [{ name: 'X' }, { name: 'Y' }],
        tags: ['t1', 't2'],
        n: null,
      }),
    ).toEqual({
      a: 1,
      'place.name': 'Hanoi',
      entities: 'X; Y',
      tags: 't1; t2',
      n: null,
    });
  });
});

describe('the ingest progress line', () => {
  const stream = () => {
    const out: string[] = [];
    return { out, stream: { columns: 80, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream };
  };

  it('counts articles, holds back the ETA until it means something, then a smoothed rate', () => {
    const { stream: s } = stream();
    const bar = new ProgressLine(s);
    bar.start(1000);
    const t0 = Date.now();
    bar.tick(5);
    expect(bar.render(80, t0 + 1000)).toMatch(/ 5\/1,000 articles$/);
    bar.tick(95);
    expect(bar.render(80, t0 + 10_000)).toMatch(/ 100\/1,000 articles · 1m 30s left$/);
    // Two seconds without progress move the estimate a little, not to "never".
    expect(bar.render(80, t0 + 12_000)).toMatch(/1m 43s left$/);
    // Then work at 50 a second: the estimate follows within a quarter of a minute, without jumping there.
    const etas: number[] = [];
    const seconds = (line: string) => {
      const [, m, sec] = /(?:(\d+)m )?(\d+)s left$/.exec(line)!;
      return Number(m ?? 0) * 60 + Number(sec);
    };
    for (let s = 13; s <= 28; s++) {
      bar.tick(50);
      etas.push(seconds(bar.render(80, t0 + s * 1000)));
    }
    for (let i = 1; i < etas.length; i++) expect(etas[i]).toBeLessThan(etas[i - 1]);
    expect(etas[etas.length - 1]).toBeLessThan(etas[0] / 3);
    bar.stop();
  });

  it('writes a logged line at once, above the bar, and shows the cursor again at the end', () => {
    const { out, stream: s } = stream();
    const bar = new ProgressLine(s);
    bar.start(3);
    bar.log('corpus: a.json: invalid JSON');
    expect(out.join('')).toContain('\r\x1b[2Kcorpus: a.json: invalid JSON\n');
    bar.stop();
    expect(out.join('')).toMatch(/\x1b\[\?25l[\s\S]*\x1b\[\?25h$/);
    bar.tick(10);
    expect(bar.render(80)).toMatch(/10\/10 articles/);
  });

  it('fits its line to the terminal', () => {
    const bar = new ProgressLine({ columns: 30, write: () => true } as unknown as NodeJS.WriteStream);
    bar.start(19771);
    bar.tick(19000);
    expect(bar.render(30).length).toBeLessThan(30);
    bar.stop();
    expect(duration(7_500_000)).toBe('2h 05m');
    expect(duration(42_000)).toBe('42s');
  });
});

describe('numbers for people', () => {
  it('groups thousands and keeps one decimal, like en-US', () => {
    const values = [0, 7, 999, 1000, 19771, 1234567, 2.5, 2.55, -1234.56, 0.04];
    expect(values.map(formatNumber)).toEqual(
      values.map((n) => n.toLocaleString('en-US', { maximumFractionDigits: 1 })),
    );
  });
});

describe('entity --why', () => {
  it('tells two joined entities of one name apart by their type', () => {
    const text = renderWhy({
      name: 'Ronald Reagan',
      type: 'PERSON',
      links: [
        { name: 'Reagan', type: 'ORG', rule: 'type', detail: 'typed PERSON in 367 documents, ORG in 24', docs: [] },
        { name: 'Reagan', type: 'PLACE', rule: 'type', detail: 'typed PERSON in 367 documents, PLACE in 1', docs: [] },
        { name: 'Reagan', type: 'PERSON', rule: 'surname', detail: 'documents that use both', docs: [] },
      ],
      documents: [],
    });
    expect(text.split('\n')).toEqual([
      'Ronald Reagan is also:',
      '  Reagan (ORG) — type: typed PERSON in 367 documents, ORG in 24',
      '  Reagan (PLACE) — type: typed PERSON in 367 documents, PLACE in 1',
      '  Reagan — surname: documents that use both',
    ]);
  });
});
