import { request } from 'node:http';

/**
 * A small tus 1.0 client over real HTTP, doing what tus-js-client does: create, PATCH, and after
 * a broken connection ask the offset with HEAD and go on from there (again after a 409).
 */
export interface TusClient {
  create(size: number, metadata: Record<string, string>): Promise<Response>;
  head(uploadPath: string): Promise<Response>;
  /** The server's offset, 200 expected. */
  offset(uploadPath: string): Promise<number>;
  patch(uploadPath: string, offset: number, chunk: Uint8Array): Promise<Response>;
  /**
   * Announces `declaredLength` bytes, sends `chunk`, then drops the connection, as a train
   * entering a tunnel does. Resolves once the bytes are handed to the network.
   */
  patchThenDrop(uploadPath: string, offset: number, chunk: Uint8Array, declaredLength: number): Promise<void>;
  /** HEAD, then PATCH the rest from the server's offset; a 409 (the offset moved) starts over. */
  resume(uploadPath: string, file: Uint8Array): Promise<Response>;
}

export function tusMetadata(pairs: Record<string, string>): string {
  return Object.entries(pairs)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

export function tusClient(origin: string, token: string): TusClient {
  const base = { 'tus-resumable': '1.0.0', authorization: `Bearer ${token}` };
  const client: TusClient = {
    create: (size, metadata) =>
      fetch(`${origin}/api/v1/uploads`, {
        method: 'POST',
        headers: { ...base, 'upload-length': String(size), 'upload-metadata': tusMetadata(metadata) },
      }),
    head: (uploadPath) => fetch(`${origin}${uploadPath}`, { method: 'HEAD', headers: base }),
    async offset(uploadPath) {
      const res = await client.head(uploadPath);
      if (res.status !== 200) throw new Error(`HEAD ${uploadPath} answered ${res.status}`);
      return Number(res.headers.get('upload-offset'));
    },
    patch: (uploadPath, offset, chunk) =>
      fetch(`${origin}${uploadPath}`, {
        method: 'PATCH',
        headers: {
          ...base,
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
        body: chunk as Uint8Array<ArrayBuffer>,
      }),
    patchThenDrop(uploadPath, offset, chunk, declaredLength) {
      return new Promise((resolve) => {
        const req = request(`${origin}${uploadPath}`, {
          method: 'PATCH',
          headers: {
            ...base,
            'upload-offset': String(offset),
            'content-type': 'application/offset+octet-stream',
            'content-length': String(declaredLength),
          },
        });
        req.on('error', () => {});
        req.write(chunk, () => {
          req.destroy();
          resolve();
        });
      });
    },
    async resume(uploadPath, file) {
      for (let attempt = 1; ; attempt++) {
        const offset = await client.offset(uploadPath);
        const res = await client.patch(uploadPath, offset, file.subarray(offset));
        if (res.status !== 409 || attempt === 5) return res;
      }
    },
  };
  return client;
}
