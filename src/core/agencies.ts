/**
 * News agencies by the names their copy credits them with, and the wire's sign-off: the agency's
 * name alone after the story's last sentence (Reuters' `Reuter`, `REUTER...`). Readers take the
 * sign-off for the outlet; the analyzer leaves a bare one out of the story's mentions, since it
 * signs the copy outside any sentence (a credit in brackets is read as the organisation it names,
 * as the seeds' gold reads `(Yonhap)`).
 */

/** Known agencies, keyed by lower-case spelling, with the name the project reports. */
const AGENCIES: Record<string, string> = {
  reuters: 'Reuters',
  reuter: 'Reuters',
  'thomson reuters': 'Reuters',
  ap: 'AP',
  'associated press': 'AP',
  'the associated press': 'AP',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  'agence france presse': 'AFP',
  yonhap: 'Yonhap',
  'yonhap news': 'Yonhap',
  'yonhap news agency': 'Yonhap',
  yna: 'Yonhap',
  xinhua: 'Xinhua',
  'xinhua news agency': 'Xinhua',
  kyodo: 'Kyodo',
  'kyodo news': 'Kyodo',
  upi: 'UPI',
  'united press international': 'UPI',
  kcna: 'KCNA',
  tass: 'TASS',
  'itar-tass': 'TASS',
  'ria novosti': 'RIA Novosti',
  interfax: 'Interfax',
  sputnik: 'Sputnik',
  dpa: 'dpa',
  efe: 'EFE',
  ansa: 'ANSA',
  anadolu: 'Anadolu',
  'anadolu agency': 'Anadolu',
  pti: 'PTI',
  'press trust of india': 'PTI',
  ani: 'ANI',
  ians: 'IANS',
  bernama: 'Bernama',
  antara: 'Antara',
  aap: 'AAP',
  'australian associated press': 'AAP',
  cna: 'CNA',
  'central news agency': 'CNA',
  'canadian press': 'The Canadian Press',
  'the canadian press': 'The Canadian Press',
  bloomberg: 'Bloomberg',
  'dow jones': 'Dow Jones',
  nhk: 'NHK',
  bbc: 'BBC',
  cnn: 'CNN',
  cgtn: 'CGTN',
};

/** The name the project reports for an agency written `raw` (any case, with or without `the`), else null. */
export function agencyName(raw: string): string | null {
  const key = raw.replace(/\s+/g, ' ').trim().toLowerCase();
  return AGENCIES[key] ?? AGENCIES[key.replace(/^the /, '')] ?? null;
}

/**
 * A sign-off ending `body`: an agency's name alone on the last line or right after the last
 * sentence's end, in any case, perhaps trailed by dots (`REUTER...`, a story continued), or in
 * brackets at the end of the last line (`(Yonhap)`, `bracketed`). Not a name inside a sentence
 * (`told Reuter`, `Paul Reuter`); a body that is nothing but the name has no story to sign.
 */
export function signOff(body: string): { start: number; agency: string; bracketed: boolean } | null {
  const end = body.trimEnd().replace(/(?:\.{2,3}|…)$/, '').length;
  const lineStart = body.lastIndexOf('\n', end - 1) + 1;
  const line = body.slice(lineStart, end);
  const bracket = /\(([^()]{1,40})\)$/.exec(line);
  if (bracket) {
    const agency = agencyName(bracket[1]);
    return agency && lineStart + bracket.index > 0
      ? { start: lineStart + bracket.index + 1, agency, bracketed: true }
      : null;
  }
  // The last line whole, else what follows its last sentence's end.
  const sentenceEnd = /^.*[.!?"”')]\s+/s.exec(line)?.[0].length ?? 0;
  const tail = line.slice(sentenceEnd);
  const start = lineStart + sentenceEnd + tail.length - tail.trimStart().length;
  if (start === 0 || end - start > 40) return null;
  const agency = agencyName(body.slice(start, end));
  return agency ? { start, agency, bracketed: false } : null;
}
