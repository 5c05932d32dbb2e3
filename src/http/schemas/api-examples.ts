/**
 * Examples for the OpenAPI document, taken from a running zender (the README walks the same
 * path with curl). Only the host was changed to podcast.example.nl.
 */

export const showExample = {
  id: '9d29ebab-049d-4b5e-9943-66d2a1cc3b43',
  slug: 'mensenrechten-dichtbij',
  title: 'Mensenrechten dichtbij',
  description: 'Gesprekken met gemeenten over mensenrechten in de praktijk.',
  language: 'nl',
  author: 'Kennisplatform',
  owner: {
    name: 'Kennisplatform',
    email: 'podcast@example.nl',
  },
  categories: ['Government'],
  explicit: false,
  type: 'episodic',
  link: 'https://www.example.nl/mensenrechten-dichtbij',
  copyright: '© 2026 Kennisplatform',
  license: 'cc-by-4.0',
  locked: true,
  funding: [],
  block: false,
  complete: false,
  location: { name: 'Amsterdam', geo: 'geo:52.3676,4.9041', osm: 'R271110', country: 'nl' },
  podroll: [
    {
      feedGuid: '917393e3-1b1e-5cef-ace4-edaa54e1f810',
      feedUrl: 'https://feeds.podcastindex.org/pc20.xml',
      title: 'Podcasting 2.0',
    },
  ],
  updateFrequency: { text: 'Elke twee weken op maandag', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' },
  guid: '3e99ba04-b283-5213-8c5a-c764573107ed',
  feedUrl: 'https://podcast.example.nl/feeds/mensenrechten-dichtbij.xml',
  newFeedUrl: null,
  movedTo: null,
  artworkUrl: 'https://podcast.example.nl/media/mensenrechten-dichtbij/artwork-1400.jpg',
  loudnessTargetLufs: null,
  social: {
    channels: ['mastodon', 'bluesky', 'linkedin', 'x', 'facebook', 'threads', 'instagram'],
    hashtags: [],
  },
  persons: [],
  subscribe: {},
  embedAllowlist: [],
  txtVerify: [],
  createdAt: '2026-12-01T02:51:09.351Z',
  updatedAt: '2026-12-01T02:51:09.351Z',
};

export const showInputExample = {
  title: 'Mensenrechten dichtbij',
  description: 'Gesprekken met gemeenten over mensenrechten in de praktijk.',
  author: 'Kennisplatform',
  owner: { email: 'podcast@example.nl' },
  categories: ['Government'],
  link: 'https://www.example.nl/mensenrechten-dichtbij',
  license: 'cc-by-4.0',
  updateFrequency: { text: 'Elke twee weken op maandag', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO' },
};

export const episodeExample = {
  id: '28e820ef-a0ed-42db-aedd-b872fc80f919',
  showId: '9d29ebab-049d-4b5e-9943-66d2a1cc3b43',
  slug: 'aflevering-1-de-omgevingswet',
  title: 'Aflevering 1: De Omgevingswet',
  summary: null,
  description: 'Hoe een gemeente bewoners betrekt.',
  season: null,
  number: null,
  type: 'full',
  explicit: false,
  status: 'published',
  failureReason: null,
  failureMessage: null,
  publishAt: '2026-12-01T02:51:22.655Z',
  publishedAt: '2026-12-01T02:51:22.655Z',
  guid: '34c4366a-ba1b-42fe-843b-922ea1b7ca06',
  duration: 25.025556,
  audio: {
    url: 'https://podcast.example.nl/media/mensenrechten-dichtbij/aflevering-1-de-omgevingswet.mp3',
    type: 'audio/mpeg',
    size: 200765,
  },
  artworkUrl: null,
  quality: {
    inputLufs: -21.8,
    inputTruePeakDbtp: -18.1,
    outputLufs: -15.7,
    truePeakDbtp: -11.9,
    lra: 0,
    targetLufs: -16,
    clipping: false,
    leadingSilenceSeconds: 0,
    trailingSilenceSeconds: 0,
    sampleRate: 44100,
    channels: 1,
    codec: 'pcm_s16le',
    truncated: false,
  },
  transcript: {
    status: 'pending',
    languages: [],
  },
  persons: [],
  soundbites: [],
  jobId: '0dbfc869-fe41-452e-8961-d336a273c7ef',
  createdAt: '2026-12-01T02:51:11.823Z',
  updatedAt: '2026-12-01T02:51:22.655Z',
};

export const episodeInputExample = {
  title: 'Aflevering 1: De Omgevingswet',
  description: 'Hoe een gemeente bewoners betrekt.',
  season: 1,
  number: 1,
};

export const feedWarningsExample = [
  {
    level: 'warning',
    code: 'link_missing',
    message: 'The show has no website link (recommended by Apple and PSP-1).',
  },
  {
    level: 'warning',
    code: 'copyright_missing',
    message: 'The show has no copyright line (recommended).',
  },
];

export const feedCheckExample = {
  ok: false,
  problems: [
    ...feedWarningsExample,
    {
      level: 'error',
      code: 'enclosure_range_unsupported',
      message:
        '"De Omgevingswet": https://podcast.example.nl/media/mensenrechten-dichtbij/de-omgevingswet.mp3 answers 200 instead of 206 to Range: bytes=0-1; Apple requires audio to be served in byte ranges.',
      episodeId: 'f641fea8-1d0c-4226-a2f6-c0793354bba5',
      messages: {
        nl: '"De Omgevingswet": https://podcast.example.nl/media/mensenrechten-dichtbij/de-omgevingswet.mp3 antwoordt 200 in plaats van 206 op Range: bytes=0-1; Apple vereist dat audio in delen op te vragen is.',
        en: '"De Omgevingswet": https://podcast.example.nl/media/mensenrechten-dichtbij/de-omgevingswet.mp3 answers 200 instead of 206 to Range: bytes=0-1; Apple requires audio to be served in byte ranges.',
      },
    },
  ],
};

export const jobExample = {
  id: '0dbfc869-fe41-452e-8961-d336a273c7ef',
  kind: 'process-episode',
  status: 'done',
  progress: 100,
  step: 'done',
  error: null,
  errors: [],
  attempts: 1,
  maxAttempts: 3,
  runAt: '2026-12-01T02:51:12.372Z',
  createdAt: '2026-12-01T02:51:12.372Z',
  updatedAt: '2026-12-01T02:51:15.891Z',
};

export const socialDraftExample = {
  id: '95700583-a432-48c8-9b8a-1e8885b68f21',
  episodeId: '28e820ef-a0ed-42db-aedd-b872fc80f919',
  channel: 'mastodon',
  label: 'Mastodon',
  text: '🎙️ Nieuwe aflevering van Mensenrechten dichtbij: Aflevering 1: De Omgevingswet\n\nDuur: 1 min\n\nLuister: https://podcast.example.nl/shows/mensenrechten-dichtbij/aflevering-1-de-omgevingswet?utm_source=mastodon&utm_medium=social&utm_campaign=mensenrechten-dichtbij',
  length: 255,
  limit: 500,
  fits: true,
  status: 'draft',
  link: 'https://podcast.example.nl/shows/mensenrechten-dichtbij/aflevering-1-de-omgevingswet?utm_source=mastodon&utm_medium=social&utm_campaign=mensenrechten-dichtbij',
  image: {
    url: 'https://podcast.example.nl/media/mensenrechten-dichtbij/aflevering-1-de-omgevingswet/share.png',
    alt: 'Omslagafbeelding van Mensenrechten dichtbij met de titel van de aflevering: Aflevering 1: De Omgevingswet',
    width: 1200,
    height: 630,
  },
  history: [
    {
      at: '2026-12-01T02:51:23.124Z',
      action: 'generated',
      by: null,
      status: 'draft',
    },
  ],
  createdAt: '2026-12-01T02:51:23.124Z',
  updatedAt: '2026-12-01T02:51:23.124Z',
};

export const webhookExample = {
  id: '2d7d6eb7-797d-4ce3-a95a-42ce0ceb1005',
  showId: '9d29ebab-049d-4b5e-9943-66d2a1cc3b43',
  url: 'https://hooks.example.nl/zender',
  events: ['episode.published'],
  channels: null,
  createdBy: 'Redactie',
  createdAt: '2026-12-01T02:51:45.854Z',
};

export const webhookDeliveryExample = {
  id: '5b0f3c1e-9a57-4f57-9a43-1c2f0e4b7d11',
  webhookId: '2d7d6eb7-797d-4ce3-a95a-42ce0ceb1005',
  event: 'episode.published',
  status: 'delivered',
  attempts: 1,
  lastStatus: 200,
  lastError: null,
  log: [
    {
      at: '2026-12-01T02:52:01.210Z',
      status: 200,
      error: null,
      ms: 48,
    },
  ],
  createdAt: '2026-12-01T02:52:01.150Z',
  updatedAt: '2026-12-01T02:52:01.260Z',
  deliveredAt: '2026-12-01T02:52:01.260Z',
};

export const artworkExample = {
  version: '818b05e3-e0aa-49a2-a16f-1e8433900cba',
  width: 1400,
  keys: {
    '300': 'shows/9d29ebab-049d-4b5e-9943-66d2a1cc3b43/artwork/818b05e3-e0aa-49a2-a16f-1e8433900cba/300.jpg',
    '1400':
      'shows/9d29ebab-049d-4b5e-9943-66d2a1cc3b43/artwork/818b05e3-e0aa-49a2-a16f-1e8433900cba/1400.jpg',
  },
};

export const problemExample = {
  type: 'https://podcast.example.nl/problems/not_found',
  title: 'Niet gevonden',
  status: 404,
  detail: 'Deze show bestaat niet (meer).',
  code: 'not_found',
  instance: '/api/v1/shows/nope',
  requestId: '4ca6896a-3351-4714-96c0-88b792959dfd',
};

export const tokenExample = {
  id: 'bf3a9ff0-afcc-4f81-b255-8d9cbcdebf39',
  name: 'Redactie',
  role: 'editor',
  createdAt: '2026-12-01T02:46:46.159Z',
  lastUsedAt: '2026-12-01T02:52:49.687Z',
  revokedAt: null,
  showIds: null,
};

export const progressEventExample = {
  episodeId: '28e820ef-a0ed-42db-aedd-b872fc80f919',
  status: 'processing',
  failureReason: null,
  jobId: '0dbfc869-fe41-452e-8961-d336a273c7ef',
  step: 'encode',
  progress: 62,
  jobStatus: 'running',
};

export const organisationExample = {
  name: 'Kennisplatform Mensenrechten',
  website: 'https://www.example.nl',
  accentColor: '#154273',
  logoUrl: 'https://podcast.example.nl/organisation/logo-5a0e7c52-8d4b-4f3e-9c1a-2b6f0d9e4a71.png',
  footerLinks: [{ label: 'Contact', url: 'mailto:podcast@example.nl' }],
  statements: { privacy: { nl: null, en: null }, accessibility: { nl: null, en: null } },
  updatedAt: '2026-12-01T03:20:00.000Z',
};

export const searchResultsExample = {
  query: 'omgevingswet',
  items: [
    {
      showTitle: 'Mensenrechten dichtbij',
      episodeTitle: 'De Omgevingswet',
      url: 'https://podcast.example.nl/shows/mensenrechten-dichtbij/de-omgevingswet?transcript=nl#t=4',
      kind: 'transcript',
      language: 'nl',
      startSeconds: 4,
      speaker: 'Wethouder',
      snippet: [
        { text: 'Vandaag: de ', match: false },
        { text: 'Omgevingswet', match: true },
        { text: '.', match: false },
      ],
    },
  ],
};
