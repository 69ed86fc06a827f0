/**
 * Saved news pages for bench/html.ts, built here so that which characters are story and which are
 * furniture is known exactly. 24 layouts as news sites ship them: semantic HTML5 and `div` soup,
 * cookie banners and consent walls, share bars, related and most-read lists, newsletter boxes,
 * author bios, comment threads, live-blog timelines, table layouts, paywall teasers, in-story
 * "Read more" links, photo captions and footers built from divs. Every piece of furniture carries
 * text a recognizer would tag (people, companies, places), as on the real web.
 *
 * The story texts are written for this benchmark (no third-party page is copied).
 */

export interface BenchPage {
  name: string;
  html: string;
  /** The story's paragraphs (the headline is neither story nor furniture here). */
  article: string[];
  /** Text blocks of page furniture, each of which should be absent from the extracted text. */
  boilerplate: string[];
}

const STORIES: { title: string; dateline: string; paragraphs: string[] }[] = [
  {
    title: 'Hanoi summit ends early without a deal',
    dateline: 'HANOI, Feb 28 (Example Wire) -',
    paragraphs: [
      'The second summit between the United States and North Korea ended abruptly on Thursday, with both delegations leaving the Metropole hotel before a planned working lunch.',
      'Officials said the two sides could not agree on how far sanctions should be eased in exchange for the closure of the Yongbyon nuclear complex.',
      'Secretary of State Mike Pompeo told reporters that negotiators would keep talking, but gave no date for a further round.',
      'Vietnamese officials had prepared a signing ceremony that was cancelled less than an hour before it was due to begin.',
    ],
  },
  {
    title: 'Central bank holds rates as inflation cools',
    dateline: 'FRANKFURT, March 7 (Example Wire) -',
    paragraphs: [
      'The central bank left its main refinancing rate unchanged on Thursday and said it expected inflation to slow further over the coming year.',
      "Policymakers cut their growth forecast for the euro zone to 1.1 percent, citing weaker exports to China and uncertainty over Britain's departure from the bloc.",
      'Economists polled before the meeting had unanimously expected no change in rates.',
      'Bond yields fell after the announcement, and the euro slipped against the dollar in afternoon trading.',
      'The bank will publish new staff projections at its June meeting.',
    ],
  },
  {
    title: 'Floods force thousands from homes in river valley',
    dateline: 'JAKARTA, Jan 12 (Example Wire) -',
    paragraphs: [
      'Heavy rain swelled rivers across western Java on Sunday, forcing more than 12,000 people to leave their homes, the disaster agency said.',
      'Rescue teams used rubber boats to reach villages cut off by the water, and two people were reported missing near the town of Bogor.',
      'The agency warned that more rain was expected through the week and urged residents of low-lying areas to move to higher ground.',
    ],
  },
  {
    title: 'Carmaker recalls 400,000 vehicles over brake fault',
    dateline: 'DETROIT, May 3 (Example Wire) -',
    paragraphs: [
      'The carmaker said on Friday it would recall about 400,000 sedans and small trucks in North America because a brake hose could crack and leak fluid.',
      'The company said it knew of no crashes or injuries linked to the fault, which affects vehicles built between 2016 and 2018.',
      'Dealers will replace the hoses free of charge, and owners will be notified by mail starting in June.',
      'Shares of the company were down 1.2 percent in midday trading in New York.',
    ],
  },
  {
    title: 'Election commission confirms runoff date',
    dateline: 'LAGOS, Feb 20 (Example Wire) -',
    paragraphs: [
      'The electoral commission confirmed on Wednesday that a runoff between the two leading candidates would take place on March 9.',
      'Neither candidate won the required share of votes in at least two thirds of the states in the first round, the commission chairman said.',
      'Observers from the African Union said the first round had been largely peaceful, despite delays in the delivery of ballot papers.',
      "Both campaigns said they would accept the commission's timetable.",
    ],
  },
  {
    title: 'Researchers find drought-tolerant wheat variety',
    dateline: 'CANBERRA, Oct 2 (Example Wire) -',
    paragraphs: [
      'Scientists said on Wednesday they had bred a wheat variety that kept its yield in field trials with forty percent less water than usual.',
      'The variety was developed over nine years by crossing commercial wheat with a wild grass found in dry parts of central Asia.',
      "Farmers' groups welcomed the results but said seed would not be available commercially for at least four more seasons.",
      'The findings were published in a peer-reviewed journal and will be tested next in India and Argentina.',
      'The team said the work was funded by a consortium of public research agencies.',
    ],
  },
];

/** Furniture texts, as the same sites repeat them on every page. */
const NAV = ['Home', 'World', 'Business', 'Markets', 'Politics', 'Technology', 'Sport', 'Culture', 'Opinion', 'Video'];
const COOKIE =
  'We use cookies and similar technologies to personalise content and ads, to provide social media features and to analyse our traffic. By clicking Accept all you agree to the storing of cookies on your device.';
const COOKIE_BUTTONS = ['Accept all', 'Manage preferences', 'Reject non-essential'];
const SHARE = ['Share on Facebook', 'Share on Twitter', 'Share on LinkedIn', 'Email this article', 'Copy link'];
const RELATED = [
  'Elon Musk says Tesla will open a factory in Indonesia',
  'Taylor Swift adds stadium dates in Tokyo and Sydney',
  'Amazon to hire 5,000 workers in Ireland',
  'Opinion: Why the Federal Reserve should wait until summer',
];
const MOST_READ = [
  'Manchester United sack coach after home defeat to Brighton',
  'Apple unveils thinner iPad at event in Cupertino',
  'Warren Buffett letter warns on bank stocks',
  'Royal wedding guest list revealed at Windsor Castle',
  'Microsoft buys gaming studio for $2 billion',
];
const NEWSLETTER =
  'Get the Morning Briefing: the five stories you need to know, in your inbox before 7 a.m. Sign up now';
const FOOTER = [
  'About us',
  'Contact the newsroom',
  'Terms of use',
  'Privacy policy',
  '© 2019 Example Media Group Ltd. All rights reserved. Registered in England and Wales.',
];
const AUTHOR_BIO =
  'Maria Lopez covers diplomacy and security from Washington. She previously reported from Madrid and Buenos Aires for the Daily Ledger.';
const COMMENTS = [
  'JohnSmith42: This was always going to fail, nobody in Washington understood the North.',
  'GlobalReader: Great reporting as always from the team in Hanoi.',
  'Load 48 more comments',
];
const PAYWALL =
  'Subscribe to continue reading. Get unlimited access to Example News for just $1 a week. Already a subscriber? Log in';
const TAGS = ['Topics', 'Donald Trump', 'Kim Jong Un', 'Diplomacy', 'Asia Pacific'];
const BREADCRUMB = ['News', 'World', 'Asia'];
const AD = 'Advertisement - Scroll to continue with content';
const CAPTION = 'Photo: Delegations arrive at the venue on Thursday. (Credit: Example Photo Agency / John Roe)';
const PROMO = 'Download the Example News app for iPhone and Android';
const READ_MORE = 'Read more: Who is Kim Yo Jong, the sister at the centre of the talks?';
const LIVE_HEADER = 'Live updates - Refresh for the latest - 14:32 GMT';
const TRENDING = ['Trending: Netflix', 'Bitcoin', 'Champions League', 'Oscars 2019'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const links = (items: string[], cls = ''): string =>
  items.map((t) => `<a href="/${encodeURIComponent(t.slice(0, 12))}" class="${cls}">${esc(t)}</a>`).join(' ');
const list = (items: string[], tag = 'li'): string =>
  items.map((t) => `<${tag}><a href="/s/${t.length}">${esc(t)}</a></${tag}>`).join('');
const paras = (ps: string[], tag = 'p'): string => ps.map((p) => `<${tag}>${esc(p)}</${tag}>`).join('\n');

interface Parts {
  title: string;
  paragraphs: string[];
  head: string;
}

function head(story: { title: string }, site: string, extra = ''): string {
  return `<head><meta charset="utf-8"><title>${esc(story.title)} | ${site}</title>
<meta property="og:title" content="${esc(story.title)}"><meta property="og:site_name" content="${site}">
<meta property="article:published_time" content="2019-02-28T10:00:00Z">
<script>window.dataLayer=[];function track(){dataLayer.push(arguments)}</script>
<style>.share a{display:inline-block}.cookie{position:fixed}</style>${extra}</head>`;
}

type Layout = (p: Parts, used: string[]) => string;

/** Each layout pushes the furniture texts it shows into `used`. */
const use = (used: string[], ...texts: (string | string[])[]): void => {
  for (const t of texts) used.push(...(Array.isArray(t) ? t : [t]));
};

const LAYOUTS: Record<string, Layout> = {
  'semantic-html5': (p, u) => {
    use(u, NAV, FOOTER, RELATED);
    return `<html>${p.head}<body><header><nav>${list(NAV)}</nav></header><main><article><h1>${esc(p.title)}</h1>${paras(p.paragraphs)}</article>
<aside><h2>Related</h2><ul>${list(RELATED)}</ul></aside></main><footer>${links(FOOTER)}</footer></body></html>`;
  },
  'div-soup-issue-13': (p, u) => {
    use(u, NAV, COOKIE, COOKIE_BUTTONS, SHARE, 'Related stories', RELATED, 'Most read', MOST_READ, FOOTER);
    return `<html>${p.head}<body><div class="top-bar"><div class="menu">${links(NAV, 'menu-item')}</div></div>
<div class="cookie-banner"><div class="cookie-text">${esc(COOKIE)}</div><div>${COOKIE_BUTTONS.map((b) => `<span class="btn">${b}</span>`).join('')}</div></div>
<div class="page"><div class="content"><div class="headline"><h1>${esc(p.title)}</h1></div>
<div class="share-bar">${links(SHARE, 'share')}</div>
<div class="story-body">${paras(p.paragraphs)}</div></div>
<div class="rail"><div class="rail-box"><div class="rail-title">Related stories</div>${RELATED.map((r) => `<div class="rail-item"><a href="/r">${esc(r)}</a></div>`).join('')}</div>
<div class="rail-box"><div class="rail-title">Most read</div>${MOST_READ.map((r, i) => `<div class="rail-item"><span>${i + 1}</span><a href="/m">${esc(r)}</a></div>`).join('')}</div></div></div>
<div class="site-footer"><div class="links">${links(FOOTER)}</div></div></body></html>`;
  },
  'share-top-and-bottom': (p, u) => {
    use(u, SHARE, TAGS, NAV);
    return `<html>${p.head}<body><div id="nav">${links(NAV)}</div><div id="story"><h1>${esc(p.title)}</h1><div class="social">${links(SHARE)}</div>
${paras(p.paragraphs)}<div class="social social-bottom">${links(SHARE)}</div><div class="tags">${links(TAGS)}</div></div></body></html>`;
  },
  'most-read-numbered-list': (p, u) => {
    use(u, 'Most read', MOST_READ, BREADCRUMB);
    return `<html>${p.head}<body><div class="crumbs">${links(BREADCRUMB)}</div><div class="wrap"><div class="col-main"><h1>${esc(p.title)}</h1>${paras(p.paragraphs)}</div>
<div class="col-side"><h3>Most read</h3><ol>${list(MOST_READ)}</ol></div></div></body></html>`;
  },
  'newsletter-inline': (p, u) => {
    use(u, NEWSLETTER, NAV, FOOTER);
    const [a, b, ...rest] = p.paragraphs;
    return `<html>${p.head}<body><div class="header">${links(NAV)}</div><div class="article"><h1>${esc(p.title)}</h1>${paras([a, b])}
<div class="newsletter-signup"><p>${esc(NEWSLETTER)}</p><input type="email"><button>Sign up</button></div>${paras(rest)}</div>
<div class="footer">${FOOTER.map((f) => `<div>${esc(f)}</div>`).join('')}</div></body></html>`;
  },
  'author-bio-box': (p, u) => {
    use(u, AUTHOR_BIO, NAV, RELATED);
    return `<html>${p.head}<body><div class="nav">${links(NAV)}</div><div class="post"><h1>${esc(p.title)}</h1><div class="byline">By Maria Lopez</div>
<div class="entry-content">${paras(p.paragraphs)}</div><div class="author-box"><img src="a.jpg"><p>${esc(AUTHOR_BIO)}</p></div>
<div class="more-from"><h4>More from Maria Lopez</h4><ul>${list(RELATED)}</ul></div></div></body></html>`;
  },
  'comments-thread': (p, u) => {
    use(u, COMMENTS, NAV, 'Comments (50)');
    return `<html>${p.head}<body><div class="masthead">${links(NAV)}</div><div class="article-body"><h1>${esc(p.title)}</h1>${paras(p.paragraphs)}</div>
<div class="comments"><h3>Comments (50)</h3>${COMMENTS.map((c) => `<div class="comment"><p>${esc(c)}</p></div>`).join('')}</div></body></html>`;
  },
  'paywall-teaser': (p, u) => {
    use(u, PAYWALL, NAV, FOOTER);
    return `<html>${p.head}<body><div class="nav-bar">${links(NAV)}</div><div class="story"><h1>${esc(p.title)}</h1>${paras(p.paragraphs)}</div>
<div class="paywall-prompt"><div class="paywall-text">${esc(PAYWALL)}</div></div><div class="foot">${links(FOOTER)}</div></body></html>`;
  },
  'table-layout-1990s': (p, u) => {
    use(u, NAV, FOOTER, MOST_READ);
    return `<html>${p.head}<body><table width="100%"><tr><td colspan="2">${links(NAV)}</td></tr><tr><td width="160" valign="top">${MOST_READ.map((m) => `<a href="/m">${esc(m)}</a><br>`).join('')}</td>
<td valign="top"><font size="5"><b>${esc(p.title)}</b></font><br>${p.paragraphs.map((x) => `<p><font face="Arial">${esc(x)}</font></p>`).join('')}</td></tr>
<tr><td colspan="2"><small>${FOOTER.map(esc).join(' | ')}</small></td></tr></table></body></html>`;
  },
  'ads-between-paragraphs': (p, u) => {
    use(u, AD, NAV, PROMO);
    const body = p.paragraphs
      .map(
        (x, i) =>
          `<p>${esc(x)}</p>${i % 2 === 0 ? `<div class="ad-slot"><span class="ad-label">${AD}</span></div>` : ''}`,
      )
      .join('\n');
    return `<html>${p.head}<body><div class="nav">${links(NAV)}</div><div class="story-content"><h1>${esc(p.title)}</h1>${body}</div><div class="app-promo">${esc(PROMO)}</div></body></html>`;
  },
  'read-more-inline-links': (p, u) => {
    use(u, READ_MORE, NAV, TRENDING);
    const [a, ...rest] = p.paragraphs;
    return `<html>${p.head}<body><div class="trending">${links(TRENDING)}</div><div class="menu">${links(NAV)}</div><div class="article-text"><h1>${esc(p.title)}</h1>${paras([a])}
<div class="read-more"><a href="/kim-yo-jong"><strong>${esc(READ_MORE)}</strong></a></div>${paras(rest)}</div></body></html>`;
  },
  'figure-with-caption': (p, u) => {
    use(u, CAPTION, NAV, SHARE);
    return `<html>${p.head}<body><header>${links(NAV)}</header><article><h1>${esc(p.title)}</h1><figure><img src="p.jpg" alt=""><figcaption>${esc(CAPTION)}</figcaption></figure>
<div class="share">${links(SHARE)}</div>${paras(p.paragraphs)}</article></body></html>`;
  },
  'live-blog': (p, u) => {
    use(u, LIVE_HEADER, NAV, SHARE);
    return `<html>${p.head}<body><div class="nav">${links(NAV)}</div><div class="live"><h1>${esc(p.title)}</h1><div class="live-banner">${esc(LIVE_HEADER)}</div>
${p.paragraphs.map((x, i) => `<div class="live-post"><div class="time">${10 + i}:0${i} GMT</div><p>${esc(x)}</p><div class="post-share">${links(SHARE.slice(0, 2))}</div></div>`).join('')}</div></body></html>`;
  },
  'consent-wall-first': (p, u) => {
    use(u, COOKIE, COOKIE_BUTTONS, NAV, FOOTER);
    return `<html>${p.head}<body><div id="consent-overlay" class="modal"><div class="modal-body"><h2>Your privacy</h2><p>${esc(COOKIE)}</p>${COOKIE_BUTTONS.map((b) => `<a class="button">${b}</a>`).join('')}</div></div>
<div class="site"><div class="topnav">${links(NAV)}</div><div class="main-article"><h1>${esc(p.title)}</h1>${paras(p.paragraphs)}</div><div class="bottom">${links(FOOTER)}</div></div></body></html>`;
  },
  'amp-style': (p, u) => {
    use(u, NAV, SHARE, RELATED);
    return `<html amp>${p.head}<body><amp-sidebar id="menu">${list(NAV)}</amp-sidebar><div class="amp-header"><a>Menu</a></div><div class="amp-article"><h1>${esc(p.title)}</h1>
<amp-social-share>${links(SHARE)}</amp-social-share>${paras(p.paragraphs)}</div><div class="amp-related"><h2>Related</h2>${RELATED.map((r) => `<div class="card"><a>${esc(r)}</a></div>`).join('')}</div></body></html>`;
  },
  'section-front-teasers': (p, u) => {
    use(u, NAV, RELATED, MOST_READ);
    return `<html>${p.head}<body><div class="nav">${links(NAV)}</div><div class="layout"><div class="lead-story"><h1>${esc(p.title)}</h1><div class="text">${paras(p.paragraphs)}</div></div>
<div class="teasers">${[...RELATED, ...MOST_READ].map((t) => `<div class="teaser"><h3><a href="/t">${esc(t)}</a></h3></div>`).join('')}</div></div></body></html>`;
  },
  'wordpress-blog': (p, u) => {
    use(
      u,
      NAV,
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked',
      'Recent Posts',
      RELATED,
    );
    return `<html>${p.head}<body class="single-post"><div id="page"><div id="masthead"><div class="main-navigation">${list(NAV)}</div></div><div id="content"><div id="primary">
<div class="post type-post"><h1 class="entry-title">${esc(p.title)}</h1><div class="entry-content">${paras(p.paragraphs)}</div></div>
<div id="comments"><h3 id="reply-title">Leave a Reply</h3><p class="comment-notes">Your email address will not be published. Required fields are marked</p></div></div>
<div id="secondary" class="widget-area"><div class="widget"><h2>Recent Posts</h2><ul>${list(RELATED)}</ul></div></div></div></div></body></html>`;
  },
  'itemprop-article-body': (p, u) => {
    use(u, NAV, SHARE, MOST_READ);
    return `<html>${p.head}<body><div class="menu">${links(NAV)}</div><div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">${esc(p.title)}</h1>
<div class="share-tools">${links(SHARE)}</div><div itemprop="articleBody">${paras(p.paragraphs)}</div></div><div class="popular"><h2>Popular</h2>${list(MOST_READ, 'div')}</div></body></html>`;
  },
  'br-separated-paragraphs': (p, u) => {
    use(u, NAV, FOOTER);
    return `<html>${p.head}<body><div class="navbar">${links(NAV)}</div><div class="text"><h2>${esc(p.title)}</h2>${p.paragraphs.map(esc).join('<br><br>\n')}</div>
<div class="copyright">${FOOTER.map(esc).join(' · ')}</div></body></html>`;
  },
  'short-wire-brief': (p, u) => {
    use(u, NAV, RELATED, MOST_READ, SHARE);
    const short = p.paragraphs.slice(0, 2);
    return `<html>${p.head}<body><div class="nav">${links(NAV)}</div><div class="brief"><h1>${esc(p.title)}</h1>${paras(short)}</div><div class="share">${links(SHARE)}</div>
<div class="related">${list(RELATED, 'div')}</div><div class="mostread">${list(MOST_READ, 'div')}</div></body></html>`;
  },
  'sticky-video-and-promo': (p, u) => {
    use(u, 'Watch: Leaders arrive for the summit (2:14)', PROMO, NAV);
    return `<html>${p.head}<body><div class="nav">${links(NAV)}</div><div class="video-sticky"><div class="video-title">Watch: Leaders arrive for the summit (2:14)</div></div>
<div class="article__body"><h1>${esc(p.title)}</h1>${paras(p.paragraphs)}</div><div class="promo-banner"><a>${esc(PROMO)}</a></div></body></html>`;
  },
  'sections-and-subheads': (p, u) => {
    use(u, NAV, TAGS, FOOTER);
    const half = Math.ceil(p.paragraphs.length / 2);
    return `<html>${p.head}<body><div class="head">${links(NAV)}</div><div class="content"><h1>${esc(p.title)}</h1><section>${paras(p.paragraphs.slice(0, half))}</section>
<section>${paras(p.paragraphs.slice(half))}</section></div><div class="tag-list">${links(TAGS)}</div><div class="foot">${FOOTER.map((f) => `<span>${esc(f)}</span>`).join('')}</div></body></html>`;
  },
  'mega-menu-footer': (p, u) => {
    const mega = NAV.flatMap((n) => [`${n} news`, `${n} analysis`]);
    use(u, mega, FOOTER, 'Follow us on Facebook, Twitter and Instagram');
    return `<html>${p.head}<body><div class="mega-menu">${mega.map((m) => `<div class="col"><a>${esc(m)}</a></div>`).join('')}</div><div class="body-copy"><h1>${esc(p.title)}</h1>${paras(p.paragraphs)}</div>
<div class="mega-footer"><div class="follow">Follow us on Facebook, Twitter and Instagram</div>${FOOTER.map((f) => `<div class="f">${esc(f)}</div>`).join('')}</div></body></html>`;
  },
  'blockquote-and-list': (p, u) => {
    use(u, NAV, SHARE, RELATED);
    const [a, b, ...rest] = p.paragraphs;
    return `<html>${p.head}<body><div class="site-nav">${links(NAV)}</div><div class="art"><h1>${esc(p.title)}</h1><p>${esc(a)}</p><blockquote><p>${esc(b)}</p></blockquote>
<ul>${rest.map((r) => `<li>${esc(r)}</li>`).join('')}</ul><div class="sharing">${links(SHARE)}</div></div><div class="recommended">${list(RELATED, 'div')}</div></body></html>`;
  },
};

/** The benchmark's pages: every layout, each with one of the stories (the first paragraph opened by its dateline). */
export function benchPages(): BenchPage[] {
  return Object.entries(LAYOUTS).map(([name, layout], i) => {
    const story = STORIES[i % STORIES.length];
    const paragraphs = [`${story.dateline} ${story.paragraphs[0]}`, ...story.paragraphs.slice(1)];
    const used: string[] = [];
    const html = `<!DOCTYPE html>\n${layout({ title: story.title, paragraphs, head: head(story, 'Example News') }, used)}`;
    // The brief layout shows two paragraphs only.
    const article = name === 'short-wire-brief' ? paragraphs.slice(0, 2) : paragraphs;
    return { name, html, article, boilerplate: [...new Set(used)] };
  });
}
