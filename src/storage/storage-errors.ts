/** Raised by a driver; the domain maps these to its own errors. */
export class BlobNotFoundError extends Error {
  readonly code = 'blob_not_found';
  constructor(readonly key: string) {
    super(`No stored object at ${key}`);
  }
}

export class BlobTooLargeError extends Error {
  readonly code = 'blob_too_large';
  constructor(readonly maxBytes: number) {
    super(`Upload exceeds ${maxBytes} bytes`);
  }
}

export class UnsafeKeyError extends Error {
  readonly code = 'unsafe_key';
  constructor(readonly key: string) {
    super(`Refusing unsafe storage key ${JSON.stringify(key)}`);
  }
}

export class RangeNotSatisfiableError extends Error {
  readonly code = 'range_not_satisfiable';
  constructor(readonly size: number) {
    super(`Range not satisfiable for size ${size}`);
  }
}
