import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guide, guideSections } from '../../renderer/src/app/HelpDialog';
import { guideAnchors, parseGuide, parseInline, type Block } from '../../renderer/src/features/help/markdown';

const root = path.resolve(__dirname, '..', '..');
const markdown = fs.readFileSync(path.join(root, 'docs', 'brugervejledning.md'), 'utf8');
const blocks = parseGuide(markdown);

const text = (b: Block): string => JSON.stringify(b);

describe('the user guide as the Hjælp screen reads it', () => {
  it('every section the ? dialog links to is in the guide, under the heading the dialog names', () => {
    const anchors = guideAnchors(blocks);
    expect(anchors).toHaveLength(15);
    for (const section of Object.values(guide)) {
      expect(anchors).toContain(section.id);
      const heading = blocks.find((b) => b.kind === 'heading' && b.id === section.id);
      expect(heading && text(heading)).toContain(section.title);
    }
    expect(guideSections('/familier/12/dagbog').map((s) => s.id)).toEqual(['dagbog', 'bekymringer']);
  });

  it("every picture it shows is in docs/billeder, every link inside it names a section, and the table of contents links them all", () => {
    const images = blocks.filter((b) => b.kind === 'image');
    expect(images.length).toBeGreaterThanOrEqual(19);
    for (const image of images) expect(fs.existsSync(path.join(root, 'docs', image.src)), image.src).toBe(true);
    const links = [...markdown.matchAll(/\]\(#([\w-]+)\)/g)].map((m) => m[1]);
    for (const link of links) expect(guideAnchors(blocks)).toContain(link);
    const contents = blocks.find((b) => b.kind === 'list' && b.ordered);
    expect(contents?.kind === 'list' && contents.items.length).toBe(15);
  });

  it('reads the Markdown the guide uses, and nothing in it becomes markup', () => {
    expect(parseInline('Tryk **Opret og fortsæt** i *Indstillinger*, se [afsnit](#dagbog) og `Ctrl+K`.')).toEqual([
      { kind: 'text', text: 'Tryk ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'Opret og fortsæt' }] },
      { kind: 'text', text: ' i ' },
      { kind: 'em', children: [{ kind: 'text', text: 'Indstillinger' }] },
      { kind: 'text', text: ', se ' },
      { kind: 'link', href: '#dagbog', children: [{ kind: 'text', text: 'afsnit' }] },
      { kind: 'text', text: ' og ' },
      { kind: 'code', text: 'Ctrl+K' },
      { kind: 'text', text: '.' },
    ]);
    const parsed = parseGuide('<a id="x"></a>\n\n## 1. Titel\n\n- et punkt\n  der fortsætter\n- to\n\n> citat\n\n| A | B |\n|---|---|\n| `a` | b |\n\n<script>alert(1)</script> tekst\n');
    expect(parsed).toEqual([
      { kind: 'heading', level: 2, id: 'x', children: [{ kind: 'text', text: '1. Titel' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'et punkt der fortsætter' }], [{ kind: 'text', text: 'to' }]] },
      { kind: 'quote', blocks: [{ kind: 'paragraph', children: [{ kind: 'text', text: 'citat' }] }] },
      { kind: 'table', head: [[{ kind: 'text', text: 'A' }], [{ kind: 'text', text: 'B' }]], rows: [[[{ kind: 'code', text: 'a' }], [{ kind: 'text', text: 'b' }]]] },
      // Shown as the text it is (React escapes it), never as an element.
      { kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script> tekst' }] },
    ]);
  });
});
