// The ingest benchmark's baseline: a bare node:http handler piping each PUT body to a file in
// DIR. Plain JavaScript run by node itself, in a process of its own like the zender server: run
// inside the benchmark process it would share one event loop with the upload client and look
// slower than it is. BARE_DURABLE=1 also does what zender must (sha256 of the bytes, fsync before
// answering), written the obvious way, to show what that work costs without zender around it.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const dir = process.env.DIR;
const durable = process.env.BARE_DURABLE === '1';
let count = 0;

const server = createServer(async (req, res) => {
  const file = path.join(dir, `upload-${count++}.bin`);
  if (!durable) {
    await pipeline(req, createWriteStream(file));
    res.writeHead(201).end();
    return;
  }
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  await pipeline(req, hashing, createWriteStream(file, { flush: true }));
  res.writeHead(201, { etag: `"${hash.digest('hex')}"` }).end();
});

server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
