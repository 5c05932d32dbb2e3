export interface PageHeadProps {
  canonical: string;
  title: string;
  description: string;
  siteName: string;
  locale: string;
  image: string | null;
  /** The image's size and text alternative when known (the 1200×630 share card). */
  imageSize?: { width: number; height: number; alt: string };
  /** The iframe player the page's cards point to (twitter:player, oEmbed). */
  embed: { url: string; width: number; height: number };
  oembedBase: string;
  feed: { url: string; title: string };
  audio?: { url: string; type: string };
}

/**
 * Discovery for the public pages: canonical URL, RSS, oEmbed (JSON and XML), Open Graph and a
 * Twitter player card whose player is our embed.
 */
export function PageHead(props: PageHeadProps) {
  const oembed = (format: string) =>
    `${props.oembedBase}/oembed?url=${encodeURIComponent(props.canonical)}&format=${format}`;
  return (
    <>
      <link rel="canonical" href={props.canonical} />
      <link rel="alternate" type="application/rss+xml" title={props.feed.title} href={props.feed.url} />
      <link rel="alternate" type="application/json+oembed" title={props.title} href={oembed('json')} />
      <link rel="alternate" type="text/xml+oembed" title={props.title} href={oembed('xml')} />
      <meta property="og:type" content="website" />
      <meta property="og:title" content={props.title} />
      <meta property="og:description" content={props.description} />
      <meta property="og:url" content={props.canonical} />
      <meta property="og:site_name" content={props.siteName} />
      <meta property="og:locale" content={props.locale} />
      {props.image && <meta property="og:image" content={props.image} />}
      {props.image && props.imageSize && (
        <>
          <meta property="og:image:width" content={String(props.imageSize.width)} />
          <meta property="og:image:height" content={String(props.imageSize.height)} />
          <meta property="og:image:alt" content={props.imageSize.alt} />
          <meta name="twitter:image:alt" content={props.imageSize.alt} />
        </>
      )}
      {props.audio && <meta property="og:audio" content={props.audio.url} />}
      {props.audio && <meta property="og:audio:type" content={props.audio.type} />}
      <meta name="twitter:card" content="player" />
      <meta name="twitter:title" content={props.title} />
      <meta name="twitter:description" content={props.description} />
      {props.image && <meta name="twitter:image" content={props.image} />}
      <meta name="twitter:player" content={props.embed.url} />
      <meta name="twitter:player:width" content={String(props.embed.width)} />
      <meta name="twitter:player:height" content={String(props.embed.height)} />
      {props.audio && <meta name="twitter:player:stream" content={props.audio.url} />}
      {props.audio && <meta name="twitter:player:stream:content_type" content={props.audio.type} />}
    </>
  );
}
