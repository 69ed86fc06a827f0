import path from 'node:path';
import { openDatabase, type Store } from '../src/store/db.js';
import { insertDocumentRow, insertEntityRow, insertEventMentionRow, insertEventRow, insertMentionRow, insertParticipantRow } from '../src/store/rows.js';
import { aliasKey } from '../src/core/alias-key.js';

/**
 * Writes analysis rows straight into a real corpus database, as ingest would, so the timeline can
 * be tested before (and independently of) extraction. Offsets are found by searching the body.
 */
export class FixtureDb {
  readonly db: Store;
  private sentencesOf = new Map<number, { start: number; end: number }[]>();
  private bodies = new Map<number, string>();

  constructor(readonly file: string) {
    this.db = openDatabase(file, { create: true });
  }

  doc(meta: { path: string; title?: string | null; date?: string | null; source?: string | null }, sentences: string[]): number {
    const body = sentences.join(' ');
    let start = 0;
    const spans = sentences.map((s) => {
      const span = { start, end: start + s.length };
      start += s.length + 1;
      return span;
    });
    const id = insertDocumentRow(this.db, { ...meta, body, tokens: body.split(' ').length, sentences: spans }, body);
    this.sentencesOf.set(id, spans);
    this.bodies.set(id, body);
    return id;
  }

  entity(type: string, name: string, aliases: string[] = []): number {
    return insertEntityRow(this.db, type, name, aliases);
  }

  /** Offsets and sentence of the nth occurrence of `text` in the document. */
  locate(docId: number, text: string, nth = 0): { start: number; end: number; sentence: number } {
    const body = this.bodies.get(docId)!;
    let start = -1;
    for (let i = 0; i <= nth; i++) start = body.indexOf(text, start + 1);
    if (start < 0) throw new Error(`fixture: '${text}' not in document ${docId}`);
    const sentence = this.sentencesOf.get(docId)!.findIndex((s) => start >= s.start && start < s.end);
    return { start, end: start + text.length, sentence };
  }

  mention(docId: number, type: string, text: string, ref: { entity?: number; value?: string | null; nth?: number } = {}): void {
    const at = this.locate(docId, text, ref.nth);
    insertMentionRow(this.db, { docId, type, ...at, text, entityId: ref.entity, value: ref.value });
  }

  event(name: string, date: string | null, place: number | null = null): number {
    return insertEventRow(this.db, { key: `${aliasKey(name)}|${date ?? ''}|${place ?? ''}`, name, date, placeId: place });
  }

  /** The event is reported in the document by `text` (also an EVENT mention), with these participants. */
  report(eventId: number, docId: number, text: string, participants: number[] = []): void {
    const at = this.locate(docId, text);
    insertEventMentionRow(this.db, { eventId, docId, ...at });
    this.mention(docId, 'EVENT', text);
    for (const p of participants) {
      insertParticipantRow(this.db, eventId, docId, p);
    }
  }

  close(): void {
    this.db.close();
  }
}

/**
 * A small Korea-summits corpus: a summit reported by two documents (merged), a week-dated and a
 * month-dated event, an undated one, a DATE mention outside any event, and a document whose text
 * holds markup that must never reach a page as markup.
 */
export function buildKoreaFixture(dir: string): { file: string; ids: Record<string, number> } {
  const file = path.join(dir, 'timeline.db');
  const f = new FixtureDb(file);
  const nk = f.entity('COUNTRY', 'North Korea', ['DPRK', "Democratic People's Republic of Korea", 'N. Korea']);
  const us = f.entity('COUNTRY', 'United States', ['U.S.', 'US']);
  const trump = f.entity('PERSON', 'Donald Trump', ['Trump']);
  const kim = f.entity('PERSON', 'Kim Jong Un', ['Kim Jong-un', 'Kim']);
  f.entity('PERSON', 'Kim Yo Jong', ['Kim']); // never mentioned: a bare "Kim" means Kim Jong Un
  const pompeo = f.entity('PERSON', 'Mike Pompeo', ['Pompeo']);
  const kang = f.entity('PERSON', 'Kang Kyung-wha', ['Kang']);
  const hanoi = f.entity('PLACE', 'Hanoi');
  const warsaw = f.entity('PLACE', 'Warsaw');
  const singapore = f.entity('PLACE', 'Singapore');
  const pyongyang = f.entity('PLACE', 'Pyongyang');

  const a = f.doc({ path: 'news/a.txt', title: 'Diplomats meet in Warsaw', date: '2019-02-15', source: 'Yonhap' }, [
    'Kang and Pompeo met in Warsaw on Thursday to discuss the DPRK.',
    'Trump will hold a second summit with Kim Jong Un in Hanoi on February 27 and 28.',
    'The two leaders first met in Singapore last June.',
  ]);
  for (const [text, id] of [['Kang', kang], ['Pompeo', pompeo], ['Warsaw', warsaw], ['DPRK', nk], ['Trump', trump], ['Kim Jong Un', kim], ['Hanoi', hanoi], ['Singapore', singapore]] as const) {
    f.mention(a, 'PERSON', text, { entity: id });
  }
  f.mention(a, 'DATE', 'Thursday', { value: '2019-02-14' });
  f.mention(a, 'DATE', 'February 27 and 28', { value: '2019-02-27/2019-02-28' });
  f.mention(a, 'DATE', 'last June', { value: '2018-06' });

  const b = f.doc({ path: 'news/b.txt', title: 'Summit set for Hanoi', date: '2019-02-20', source: 'Reuters' }, [
    'North Korea confirmed on Tuesday that its leader will travel to Hanoi.',
    'The summit between Trump and Kim will take place on Feb. 27-28, officials said.',
    'In 2017, North Korea tested an intercontinental missile.',
    'Talks between the two Koreas are expected to resume.',
  ]);
  f.mention(b, 'COUNTRY', 'North Korea', { entity: nk });
  f.mention(b, 'DATE', 'Tuesday', { value: '2019-02-19' });
  f.mention(b, 'PLACE', 'Hanoi', { entity: hanoi });
  f.mention(b, 'PERSON', 'Trump', { entity: trump });
  f.mention(b, 'PERSON', 'Kim', { entity: kim });
  f.mention(b, 'DATE', 'Feb. 27-28', { value: '2019-02-27/2019-02-28' });
  f.mention(b, 'DATE', '2017', { value: '2017' });
  f.mention(b, 'COUNTRY', 'North Korea', { entity: nk, nth: 1 });

  const c = f.doc({ path: 'news/c.html', title: 'Pre-summit talks <b>in Pyongyang</b>', date: '2019-02-12', source: null }, [
    'US and DPRK officials held pre-summit talks in Pyongyang last week.',
    'A leaked note read "<script>alert(\'pwned\')</script> & <img src=x onerror=alert(1)>".',
  ]);
  f.mention(c, 'COUNTRY', 'US', { entity: us });
  f.mention(c, 'COUNTRY', 'DPRK', { entity: nk });
  f.mention(c, 'PLACE', 'Pyongyang', { entity: pyongyang });
  f.mention(c, 'DATE', 'last week', { value: '2019-W06' });

  const summit = f.event('Hanoi summit', '2019-02-27/2019-02-28', hanoi);
  f.report(summit, a, 'second summit', [trump, kim]);
  f.report(summit, b, 'summit', [trump, kim]);
  const warsawMeeting = f.event('Warsaw meeting', '2019-02-14', warsaw);
  f.report(warsawMeeting, a, 'met', [kang, pompeo]);
  const singaporeSummit = f.event('Singapore summit', '2018-06', singapore);
  f.report(singaporeSummit, a, 'first met', [trump, kim]);
  const preSummit = f.event('Pyongyang pre-summit talks', '2019-W06', pyongyang);
  f.report(preSummit, c, 'pre-summit talks', [us, nk]);
  f.report(preSummit, c, 'leaked note');
  const interKorean = f.event('inter-Korean talks', null);
  f.report(interKorean, b, 'Talks', [nk]);
  f.close();
  return { file, ids: { nk, us, trump, kim, hanoi, summit, warsawMeeting, singaporeSummit, preSummit, interKorean, a, b, c } };
}
