/** Text for HTML element content and attribute values: article text never becomes markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface HtmlPage {
  /** The window title (`Timeline: Brazil`). */
  title: string;
  /** The page's heading (`Brazil (COUNTRY)`). */
  heading: string;
  /** The heading's summary line. */
  summary: string;
  style: string;
  script: string;
  /** Markup after the summary, inside the header (a legend). */
  header?: string;
  body: string;
  /** Sources beyond inline style and script (`img-src data:`). */
  allow?: string;
}

/**
 * A self-contained page: inline CSS and script only, and a Content-Security-Policy that refuses
 * every request, so a page written from articles can be opened and passed around safely.
 */
export function htmlPage(page: HtmlPage): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'${page.allow ? `; ${page.allow}` : ''}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
</head>
<body>
<header>
<h1>${escapeHtml(page.heading)}</h1>
<p class="summary">${escapeHtml(page.summary)}</p>${page.header ? `\n${page.header}` : ''}
</header>
${page.body}
<script>${page.script}</script>
</body>
</html>
`;
}
