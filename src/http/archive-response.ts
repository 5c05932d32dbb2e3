import { Readable } from 'node:stream';

/**
 * A show's export archive as a download (the API's and the staff screen's alike): a tar named
 * after the show, never cached, never sniffed as something else.
 */
export function archiveResponse(slug: string, stream: Readable): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    status: 200,
    headers: {
      'content-type': 'application/x-tar',
      'content-disposition': `attachment; filename="${slug}.tar"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
