import type { PublicShow } from '../domain/public-show-view.js';
import type { AppIcons } from './app-icons.js';
import { fill, type Labels } from './labels.js';
import { subscribeLinks } from './subscribe-links.js';

function Icon(props: { path: string }) {
  return (
    <svg class="zp-app-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={props.path} />
    </svg>
  );
}

/**
 * How to follow a show: a button per podcast app, the feed address to copy, and a QR code of it
 * for a phone. The copy button is the only part that needs the script; without it the address
 * stays selectable in its field.
 */
export function SubscribeSection(props: {
  show: PublicShow;
  labels: Labels;
  icons: AppIcons;
  qrUrl: string;
}) {
  const { show, labels, icons } = props;
  const directory = Object.fromEntries(show.subscribe.map((link) => [link.platform, link.url]));
  return (
    <section aria-labelledby="zp-subscribe-heading" class="zp-subscribe-section">
      <h2 id="zp-subscribe-heading">{labels.subscribe}</h2>
      <p>{labels.subscribeIntro}</p>
      <ul class="zp-apps">
        {subscribeLinks(show.feedUrl, directory).map((link) => (
          <li>
            <a class="zp-app" href={link.url} data-app={link.app}>
              <Icon path={icons[link.app]} />
              <span>
                {fill(link.kind === 'directory' ? labels.listenIn : labels.subscribeIn, { app: link.name })}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <div class="zp-feed-copy">
        <label for="zp-feed-url">
          <Icon path={icons.rss} /> {labels.feedUrl}
        </label>
        <div class="zp-feed-row">
          <input id="zp-feed-url" type="text" readonly value={show.feedUrl} />
          <button type="button" data-zp-copy="zp-feed-url" data-zp-copied={labels.feedCopied} hidden>
            {labels.copyFeed}
          </button>
        </div>
        <p class="zp-copy-status" role="status" aria-live="polite" />
      </div>
      <img class="zp-qr" src={props.qrUrl} alt={labels.feedQr} width="160" height="160" />
    </section>
  );
}
