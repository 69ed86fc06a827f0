import { describe, expect, it } from 'vitest';
import type { NameStat } from '../src/entities/resolve.js';
import { RESOLUTION_RULES_VERSION } from '../src/entities/run.js';
import { acronymsTypedAsPlaces, namesTypedAgainstCorpus } from '../src/entities/type-votes.js';
import type { EvidenceRow } from '../src/store/resolution.js';
import { openDatabase } from '../src/store/db.js';
import { setResolutionRulesVersion } from '../src/store/resolution.js';
import { corpus, ingestReuters } from './helpers.js';

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const stat = (type: string, key: string, docs: number[], name = key): NameStat => ({ type, key, name, docs });
const none = new Set<string>();

function vote(names: NameStat[], options: Partial<Parameters<typeof namesTypedAgainstCorpus>[1]> = {}): string[] {
  return namesTypedAgainstCorpus(names, {
    linked: none,
    fixed: none,
    ambiguous: none,
    entityDocs: () => 0,
    isPlace: () => false,
    ...options,
  }).map((l) => `${l.type} ${l.from} → ${l.toType} ${l.to}`);
}

describe('names typed against the corpus', () => {
  it('join the type the corpus gives them four times as often (three from five documents), weighing each side with its entity', () => {
    const names = [
      stat('PLACE', 'texas', range(1, 41)),
      stat('ORG', 'texas', range(41, 51)),
      // Four times exactly: enough.
      stat('PERSON', 'reagan', range(100, 112)),
      stat('ORG', 'reagan', [112, 113, 114]),
      // Three times is enough from five documents; from fewer, it may be the tagger's noise either way.
      stat('PLACE', 'kansas', range(200, 209)),
      stat('ORG', 'kansas', [209, 210, 211]),
      stat('PLACE', 'coke', [220, 221, 222]),
      stat('ORG', 'coke', [223]),
      // 25 against 17, but the company is named in 80 documents by its other names.
      stat('ORG', 'vw', range(300, 325)),
      stat('PLACE', 'vw', range(325, 342)),
      // A minority with a family of its own (names joining it) is an entity in its own right.
      stat('PERSON', 'baker', range(400, 460)),
      stat('ORG', 'baker', range(460, 470)),
      // Too few documents to vote.
      stat('PLACE', 'pierce', [500, 501]),
      stat('PERSON', 'pierce', []),
    ];
    const entityDocs = (type: string, key: string) =>
      type === 'ORG' && key === 'vw' ? 80 : type === 'ORG' && key === 'baker' ? 30 : 0;
    expect(vote(names, { entityDocs })).toEqual([
      'ORG kansas → PLACE kansas',
      'ORG reagan → PERSON reagan',
      'ORG texas → PLACE texas',
      'PLACE vw → ORG vw',
    ]);
  });

  it('leave alone names placed or linked already, ambiguous majorities, known places and companies', () => {
    const names = [
      stat('PLACE', 'texas', range(1, 41), 'Texas'),
      stat('ORG', 'texas', [41]),
      stat('PERSON', 'baker', range(100, 140)),
      stat('ORG', 'baker', [140]),
      // The tagger read a province as a person in most documents: no vote to follow.
      stat('PERSON', 'nova scotia', range(200, 210)),
      stat('PLACE', 'nova scotia', [210], 'Nova Scotia'),
      // A legal form says company, whatever most documents made of it.
      stat('PERSON', 'henkel ag', range(300, 310)),
      stat('ORG', 'henkel ag', [310]),
    ];
    const isPlace = (n: string) => n === 'Nova Scotia' || n === 'Texas';
    expect(vote(names, { isPlace })).toEqual(['ORG baker → PERSON baker', 'ORG texas → PLACE texas']);
    expect(vote(names)).toContain('PLACE nova scotia → PERSON nova scotia');
    expect(vote(names, { isPlace, fixed: new Set(['ORG\u0000texas']) })).toEqual(['ORG baker → PERSON baker']);
    expect(vote(names, { isPlace, linked: new Set(['ORG\u0000texas']) })).toEqual(['ORG baker → PERSON baker']);
    // `Baker` the person is decided document by document between two full names: no one target.
    expect(vote(names, { isPlace, ambiguous: new Set(['PERSON\u0000baker']) })).toEqual(['ORG texas → PLACE texas']);
  });

  it('take an acronym read as a place to the organisation the corpus spells it out as, not a known place', () => {
    const spelled = (short: string, long: string, docs: number[], type = 'ORG'): EvidenceRow[] =>
      docs.map((doc) => ({ doc, type, short, long, kind: 'document', pattern: '' }));
    const evidence = [
      ...spelled('gatt', 'general agreement on tariffs and trade', range(1, 104)),
      // Two documents are too few to say.
      ...spelled('ucpb', 'united coconut planters bank', [200, 201]),
      // Spelled out as two organisations alike: no one meaning.
      ...spelled('cp', 'canadian pacific', [300, 301, 302]),
      ...spelled('cp', 'communist party', [303, 304, 305]),
      // A place the gazetteer knows stays one.
      ...spelled('la', 'legal aid', [400, 401, 402]),
    ];
    const names = [
      stat('PLACE', 'gatt', range(500, 516), 'GATT'),
      stat('ORG', 'general agreement on tariffs and trade', range(1, 104), 'General Agreement on Tariffs and Trade'),
      stat('PLACE', 'ucpb', [510], 'UCPB'),
      stat('ORG', 'united coconut planters bank', [200, 201], 'United Coconut Planters Bank'),
      stat('PLACE', 'cp', [520], 'CP'),
      stat('ORG', 'canadian pacific', [300, 301, 302], 'Canadian Pacific'),
      stat('ORG', 'communist party', [303, 304, 305], 'Communist Party'),
      stat('PLACE', 'la', [530], 'LA'),
      stat('ORG', 'legal aid', [400, 401, 402], 'Legal Aid'),
    ];
    const links = acronymsTypedAsPlaces(names, {
      linked: none,
      fixed: none,
      ofShort: (short) => evidence.filter((e) => e.short === short),
      isPlace: (name) => name === 'LA',
    });
    // Was the place `GATT` (16 Reuters documents) beside the organisation (103).
    expect(links.map((l) => `${l.type} ${l.from} → ${l.toType} ${l.to}`)).toEqual([
      'PLACE gatt → ORG general agreement on tariffs and trade',
    ]);
  });

  it('makes one entity of a place the tagger once read as an organisation, across a real archive', () => {
    // Reuters articles naming Texas as a place, and one whose "12 Texas savings associations" the
    // tagger read as an organisation `Texas`.
    const { file, db } = ingestReuters([
      'reuters-28',
      'reuters-104',
      'reuters-118',
      'reuters-172',
      'reuters-386',
      'reuters-1249',
    ]);

    const texas = JSON.parse(corpus(['entity', 'Texas', '--db', db, '--json']).stdout);
    expect(texas.type).toBe('PLACE');
    expect(texas.documents).toBe(6);
    expect(texas.also ?? []).toEqual([]);
    const orgs = JSON.parse(corpus(['entities', '--db', db, '--type', 'ORG', '--json', '--limit', '0']).stdout) as {
      name: string;
    }[];
    expect(orgs.map((o) => o.name)).not.toContain('Texas');
    // (`Tex.`, the state's abbreviation after a town and a comma, joins it too.)
    expect(corpus(['entity', 'Texas', '--why', '--db', db]).stdout).toMatch(/typed PLACE in 5 documents.*, ORG in 1/);

    // A database resolved by older rules is resolved again, whole, at its next ingest; then not again.
    const resolution = () => JSON.parse(corpus(['ingest', file, '--db', db, '--json']).stdout).resolutionSeconds;
    expect(resolution()).toBe(0);
    const store = openDatabase(db);
    setResolutionRulesVersion(store, RESOLUTION_RULES_VERSION - 1);
    store.close();
    expect(resolution()).toBeGreaterThan(0);
    expect(resolution()).toBe(0);
    expect(JSON.parse(corpus(['entity', 'Texas', '--db', db, '--json']).stdout).documents).toBe(6);

    // A reader who disagrees keeps the organisation apart, and it stays apart at the next ingest.
    expect(corpus(['entity', 'unmerge', 'Texas', '--type', 'ORG', '--db', db]).code).toBe(0);
    expect(corpus(['ingest', file, '--db', db, '--quiet']).code).toBe(0);
    expect(JSON.parse(corpus(['entity', 'Texas', '--type', 'PLACE', '--db', db, '--json']).stdout).documents).toBe(5);
    expect(JSON.parse(corpus(['entity', 'Texas', '--type', 'ORG', '--db', db, '--json']).stdout).documents).toBe(1);
  });
});
