import { useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, type ReactNode } from 'react';
import { Link } from 'wouter';
import { Notice } from '../../ui/Field';
import { parseGuide, type Block, type Inline } from './markdown';

/** Where the build puts the guide and its pictures in the renderer's own files (scripts/build.mjs). */
const GUIDE = 'hjaelp/brugervejledning.md';
/** The id of a guide section on the page; the ? dialog links to #/hjaelp/<section>. */
export const sectionElementId = (section: string) => `hjaelp-${section}`;

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'strong':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'link':
        // A section of the guide opens in the app; the README is not part of the installed app, so its name is text.
        return node.href.startsWith('#') ? (
          <Link key={i} href={`/hjaelp/${node.href.slice(1)}`}>
            {inline(node.children)}
          </Link>
        ) : (
          <Fragment key={i}>{inline(node.children)}</Fragment>
        );
    }
  });
}

function block(b: Block, key: number): ReactNode {
  switch (b.kind) {
    case 'heading': {
      const Tag = b.level === 1 ? 'h1' : b.level === 2 ? 'h2' : 'h3';
      return (
        <Tag key={key} id={b.id ? sectionElementId(b.id) : undefined} tabIndex={b.id ? -1 : undefined}>
          {inline(b.children)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={key}>{inline(b.children)}</p>;
    case 'list': {
      const items = b.items.map((item, i) => <li key={i}>{inline(item)}</li>);
      return b.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'quote':
      return <blockquote key={key}>{b.blocks.map(block)}</blockquote>;
    case 'image':
      // Not lazy: a section is scrolled to once the pictures above it are in (HelpPage), and all 22 are local files.
      return /^billeder\/[\w-]+\.png$/.test(b.src) ? <img key={key} src={`hjaelp/${b.src}`} alt={b.alt} /> : null;
    case 'table':
      return (
        <table key={key} className="list">
          <thead>
            <tr>
              {b.head.map((cell, i) => (
                <th key={i} scope="col">
                  {inline(cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (
                  <td key={i}>{inline(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** Hjælp: the user guide inside the app, opened at a section (#/hjaelp/dagbog) from the ? dialog. Works offline. */
export function HelpPage({ section }: { section: string }) {
  const guide = useQuery({
    queryKey: ['guide'],
    staleTime: Infinity,
    queryFn: async () => {
      const response = await fetch(GUIDE);
      if (!response.ok) throw new Error('Brugervejledningen kunne ikke hentes.');
      return parseGuide(await response.text());
    },
  });

  useEffect(() => {
    if (!guide.data) return;
    const target = section ? document.getElementById(sectionElementId(section)) : null;
    if (!target) {
      window.scrollTo(0, 0);
      return;
    }
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    // A picture has no height until it is loaded, so the pictures above the section push it out of view after the
    // scroll: once they are in (the app's own files, a moment), the section is scrolled into view again.
    let current = true;
    const above = [...document.querySelectorAll<HTMLImageElement>('article.guide img')].filter(
      (img) => !img.complete && img.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    const loaded = (img: HTMLImageElement) =>
      new Promise<void>((done) => {
        img.addEventListener('load', () => done(), { once: true });
        img.addEventListener('error', () => done(), { once: true });
      });
    void Promise.all(above.map(loaded)).then(() => {
      if (current && above.length > 0) target.scrollIntoView({ block: 'start' });
    });
    return () => {
      current = false;
    };
  }, [guide.data, section]);

  if (guide.isPending) return <p className="muted">Henter brugervejledningen …</p>;
  if (guide.isError) return <Notice kind="error">Brugervejledningen kunne ikke vises. Den findes også i programmets dokumentation (docs/brugervejledning.md).</Notice>;
  return <article className="guide">{guide.data.map(block)}</article>;
}
