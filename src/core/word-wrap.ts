/**
 * Greedy word wrap of text whose words are separated by single spaces: each line takes words while
 * they fit `width`; a word longer than the width gets a line of its own rather than being cut. Pure,
 * with no terminal width rules (render/text.ts wraps for terminals).
 */
export function wordWrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}
