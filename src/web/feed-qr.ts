import QRCode from 'qrcode';

/**
 * The feed URL as a QR code, drawn on the server as SVG (no script, no request elsewhere). Dark
 * modules on white with a quiet zone, so phones read it in dark mode too.
 */
export function feedQrSvg(feedUrl: string): Promise<string> {
  return QRCode.toString(feedUrl, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
