import type { Locale } from './locale.js';
import type { ProblemMessage } from './problem-message.js';

// Why a URL's host is refused (net/address-policy codes), in words an editor understands.
const hostReasons: Record<string, Record<Locale, string>> = {
  loopback: { nl: 'een loopback-adres (deze server zelf)', en: 'a loopback address (this server itself)' },
  localhost_name: { nl: 'localhost (deze server zelf)', en: 'localhost (this server itself)' },
  private: { nl: 'een privé-adres (RFC 1918)', en: 'a private address (RFC 1918)' },
  link_local: {
    nl: 'een link-local-adres (zoals de metadata-dienst van een cloud)',
    en: "a link-local address (such as a cloud's metadata service)",
  },
  carrier_nat: {
    nl: 'een adres voor carrier-grade NAT (100.64.0.0/10)',
    en: 'a carrier-grade NAT address (100.64.0.0/10)',
  },
  unique_local: {
    nl: 'een unique-local IPv6-adres (fc00::/7)',
    en: 'a unique-local IPv6 address (fc00::/7)',
  },
  multicast: { nl: 'een multicast- of broadcastadres', en: 'a multicast or broadcast address' },
  unspecified: { nl: 'het onbepaalde adres (0.0.0.0 of ::)', en: 'the unspecified address (0.0.0.0 or ::)' },
  ipv4_mapped: { nl: 'een IPv4-adres in IPv6-vorm (::ffff:…)', en: 'an IPv4-mapped IPv6 address (::ffff:…)' },
  reserved: { nl: 'een gereserveerd of speciaal adres', en: 'a reserved or special-purpose address' },
};

/** Sentences for what the security rules refuse, in Dutch and English. */
export const securityProblemMessages: Record<string, ProblemMessage> = {
  url_not_public: {
    status: 422,
    title: { nl: 'Adres niet toegestaan', en: 'Address not allowed' },
    detail: (p, l) => {
      const reason = hostReasons[p.reason]?.[l] ?? String(p.reason);
      return l === 'nl'
        ? `De URL in ${p.field} wijst naar ${p.host}, ${reason}. zender stuurt alleen naar publieke adressen op internet (de beheerder kan dat met ALLOW_PRIVATE_URLS=true toestaan).`
        : `The URL in ${p.field} points at ${p.host}, ${reason}. zender only sends to public internet addresses (the operator can allow others with ALLOW_PRIVATE_URLS=true).`;
    },
  },
  malformed_path: {
    status: 400,
    title: { nl: 'Onleesbaar adres', en: 'Malformed address' },
    detail: (_p, l) =>
      l === 'nl'
        ? 'Het pad bevat een ongeldige %-codering (zoals een losse % zonder twee hexadecimale cijfers).'
        : 'The path holds invalid percent-encoding (such as a % not followed by two hexadecimal digits).',
  },
  upload_refused: {
    status: 400,
    title: { nl: 'Upload geweigerd', en: 'Upload refused' },
    detail: (p, l) =>
      l === 'nl'
        ? `De hervatbare upload is geweigerd: ${p.reason}`
        : `The resumable upload was refused: ${p.reason}`,
  },
  malformed_text: {
    status: 400,
    title: { nl: 'Onleesbare tekst', en: 'Malformed text' },
    detail: (_p, l) =>
      l === 'nl'
        ? 'De body is geen geldige UTF-8; stuur tekst als UTF-8.'
        : 'The request body is not valid UTF-8; send text as UTF-8.',
  },
};
