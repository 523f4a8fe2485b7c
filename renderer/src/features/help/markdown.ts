/**
 * The user guide (docs/brugervejledning.md) as data, for the Hjælp screen: only the part of Markdown the guide uses —
 * headings (an `<a id="…"></a>` line before one names it), paragraphs, lists (- and 1.) with indented continuation
 * lines, block quotes, tables, images on their own line, and inline **bold**, *italic*, `code` and [links](…).
 * The screen makes React elements of it: nothing from the file is ever HTML, so the guide cannot inject markup or
 * script (no innerHTML, and the CSP would refuse inline script anyway). No Markdown library is installed; a general
 * one would be more than this needs.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; id: string | null; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'image'; src: string; alt: string }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] };

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    if (rest.startsWith('`')) {
      const end = source.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ kind: 'code', text: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const end = source.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(source.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (rest.startsWith('*') && !/^\*\s/.test(rest)) {
      const end = source.indexOf('*', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'em', children: parseInline(source.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      flush();
      out.push({ kind: 'link', href: link[2] ?? '', children: parseInline(link[1] ?? '') });
      i += link[0].length;
      continue;
    }
    text += source[i];
    i++;
  }
  flush();
  return out;
}

const ANCHOR = /^<a id="([\w-]+)"><\/a>$/;
const HEADING = /^(#{1,3}) (.*)$/;
const IMAGE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;
const ITEM = /^(-|\d+\.) (.*)$/;

const cells = (row: string): string[] =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function parseGuide(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let pendingId: string | null = null;
  let i = 0;
  const at = (n: number): string => lines[n] ?? '';
  while (i < lines.length) {
    const line = at(i);
    if (line.trim() === '') {
      i++;
      continue;
    }
    const anchor = ANCHOR.exec(line.trim());
    if (anchor) {
      pendingId = anchor[1] ?? null;
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(3, (heading[1] ?? '#').length) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, id: pendingId, children: parseInline(heading[2] ?? '') });
      pendingId = null;
      i++;
      continue;
    }
    const image = IMAGE.exec(line.trim());
    if (image) {
      blocks.push({ kind: 'image', alt: image[1] ?? '', src: image[2] ?? '' });
      i++;
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      while (i < lines.length && at(i).startsWith('>')) quoted.push(at(i++).replace(/^> ?/, ''));
      blocks.push({ kind: 'quote', blocks: parseGuide(quoted.join('\n')) });
      continue;
    }
    if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (i < lines.length && at(i).startsWith('|')) rows.push(cells(at(i++)));
      const [head = [], , ...body] = rows;
      blocks.push({ kind: 'table', head: head.map(parseInline), rows: body.map((r) => r.map(parseInline)) });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const ordered = item[1] !== '-';
      const items: string[] = [];
      while (i < lines.length) {
        const next = ITEM.exec(at(i));
        if (next && (next[1] !== '-') === ordered) items.push(next[2] ?? '');
        else if (/^\s+\S/.test(at(i)) && items.length > 0) items[items.length - 1] += ` ${at(i).trim()}`;
        else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && at(i).trim() !== '' && !HEADING.exec(at(i)) && !ANCHOR.exec(at(i).trim()) && !IMAGE.exec(at(i).trim()) && !ITEM.exec(at(i)) && !at(i).startsWith('>') && !at(i).startsWith('|')) {
      paragraph.push(at(i++).trim());
    }
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

/** The named sections (the `<a id>` before each chapter heading), in order. */
export function guideAnchors(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'heading' && b.id ? [b.id] : []));
}
