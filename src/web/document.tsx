import type { Child } from 'hono/jsx';
import { jsonForScript } from './json-for-script.js';

export interface DocumentProps {
  lang: string;
  title: string;
  description?: string;
  /**
   * Absolute URLs of the hashed script and stylesheets. The script is an ES module (it imports
   * the player's other modules); a page without one of zender's scripts leaves it out.
   */
  scriptUrl?: string;
  styleUrls: string[];
  /** The accent colours, the one inline style (allowed by hash in the CSP). */
  inlineStyle: string;
  /** Head elements of public pages: canonical, Open Graph, oEmbed discovery, … */
  head?: Child;
  jsonLd?: unknown;
  bodyClass: string;
  children?: Child;
}

/**
 * The HTML shell shared by embeds and public pages. No inline script: JSON-LD is a data block
 * (never executed, so CSP does not govern it) and is escaped for the inside of a <script>.
 */
export function Document(props: DocumentProps) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{props.title}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.head}
        {props.styleUrls.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        <style dangerouslySetInnerHTML={{ __html: props.inlineStyle }} />
        {props.scriptUrl && <script type="module" src={props.scriptUrl} />}
        {props.jsonLd !== undefined && (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: jsonForScript(props.jsonLd) }}
          />
        )}
      </head>
      <body class={props.bodyClass}>{props.children}</body>
    </html>
  );
}
