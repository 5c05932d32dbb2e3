import type { Child } from 'hono/jsx';
import { Document } from '../document.js';
import { both } from './downloads-labels.js';

export interface DownloadsPageAssets {
  scriptUrl: string;
  styleUrls: string[];
  inlineStyle: string;
}

/** The public download pages' frame: zender's page style, a skip link, one main landmark. */
export function DownloadsPageShell(props: {
  assets: DownloadsPageAssets;
  title: string;
  description: string;
  children?: Child;
}) {
  return (
    <Document
      lang="nl"
      title={props.title}
      description={props.description}
      scriptUrl={props.assets.scriptUrl}
      styleUrls={props.assets.styleUrls}
      inlineStyle={props.assets.inlineStyle}
      bodyClass="zp-page"
    >
      <a class="zp-skip" href="#main">
        {both('skip')}
      </a>
      <main id="main" class="zp-page-main">
        {props.children}
      </main>
    </Document>
  );
}
