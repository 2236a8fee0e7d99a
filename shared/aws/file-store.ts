import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { localCredentials } from '#shared/aws/clients.ts';
import type { Config } from '#shared/config.ts';

export type PresignedUpload = { url: string; fields: Record<string, string>; expiresAt: string };

/** What one read of an object says about it; see FileStore.inspect. */
export type ObjectRead = { size: number; etag: string; head: Uint8Array; sha256: string };

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const isNotFound = (error: unknown) => ['NotFound', 'NoSuchKey'].includes((error as { name?: string }).name ?? '') || statusOf(error) === 404;
const isPreconditionFailure = (error: unknown) => (error as { name?: string }).name === 'PreconditionFailed' || statusOf(error) === 412;
const unquoted = (etag: string | undefined) => (etag ?? '').replace(/^"|"$/g, '');

/**
 * The uploads bucket, as the domain needs it: browsers write to it with a presigned POST and
 * read from it with short-lived presigned GETs on the bucket's own origin.
 */
export class FileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /** The store for this configuration; local mode points at the local S3. */
  static forConfig(config: Config): FileStore {
    const local = config.mode === 'local';
    const s3 = new S3Client({
      region: config.region,
      ...(local
        ? {
            endpoint: config.s3Endpoint,
            forcePathStyle: true,
            credentials: localCredentials,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    });
    return new FileStore(s3, config.uploadsBucket);
  }

  /**
   * The cheapest question that proves the bucket answers, for the health check. The time allowed
   * starts here, once the S3 client is loaded: a cold container loads it with its first file
   * operation, and the bucket should not be reported down for the time that takes.
   */
  async probe(timeoutMs: number): Promise<void> {
    await this.s3.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
  }

  /**
   * A POST policy fixing the key, the content type and the size (DESIGN §6): the object must be
   * exactly `maxBytes` long, the size the browser declared, so a file declared small cannot
   * arrive large. (The local S3 does not enforce policies: finalize checks the size again.)
   */
  async presignPost(input: { key: string; contentType: string; maxBytes: number; expiresInSeconds: number; now: Date }): Promise<PresignedUpload> {
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [
        ['content-length-range', input.maxBytes, input.maxBytes],
        ['eq', '$Content-Type', input.contentType],
        ['eq', '$key', input.key],
      ],
      Fields: { 'Content-Type': input.contentType },
      Expires: input.expiresInSeconds,
    });
    return { url, fields, expiresAt: new Date(input.now.getTime() + input.expiresInSeconds * 1000).toISOString() };
  }

  async size(key: string): Promise<number | undefined> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.ContentLength;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async read(key: string): Promise<Buffer> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  /**
   * One GET of the whole object: its size, ETag, first `headBytes` bytes and SHA-256 all describe
   * the same version of it, whatever is written to the key meanwhile. Undefined when there is no
   * object; only the size when it is over `maxBytes` (the rest of its body is then not read).
   */
  async inspect(key: string, input: { headBytes: number; maxBytes: number }): Promise<ObjectRead | { size: number; tooLarge: true } | undefined> {
    let out;
    try {
      out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    const body = out.Body as Readable;
    if ((out.ContentLength ?? 0) > input.maxBytes) {
      body.destroy();
      return { size: out.ContentLength!, tooLarge: true };
    }
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      const bytes = chunk as Buffer;
      if (size < input.headBytes) head.push(bytes.subarray(0, input.headBytes - size));
      size += bytes.length;
      if (size > input.maxBytes) {
        body.destroy();
        return { size, tooLarge: true };
      }
      hash.update(bytes);
    }
    return { size, etag: out.ETag ?? '', head: new Uint8Array(Buffer.concat(head)), sha256: hash.digest('hex') };
  }

  /**
   * Copies `from` to `to` only if `from` is still the version whose ETag was read, then deletes
   * `from`. False, with nothing kept at `to`, when the object changed: S3 refuses the copy (412),
   * and a store that ignores CopySourceIfMatch (the local s3rver) is caught by the copy's ETag.
   */
  async moveIfUnchanged(input: { from: string; to: string; contentType: string; etag: string }): Promise<boolean> {
    let copied;
    try {
      copied = await this.s3.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: input.to,
          CopySource: `${this.bucket}/${input.from.split('/').map(encodeURIComponent).join('/')}`,
          CopySourceIfMatch: input.etag,
          ContentType: input.contentType,
          MetadataDirective: 'REPLACE',
        }),
      );
    } catch (error) {
      if (isPreconditionFailure(error) || isNotFound(error)) return false;
      throw error;
    }
    if (unquoted(copied.CopyObjectResult?.ETag) !== unquoted(input.etag)) {
      await this.delete(input.to);
      return false;
    }
    await this.delete(input.from);
    return true;
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** A short-lived URL on the bucket's origin, with the type and disposition the browser must use. */
  presignGet(input: { key: string; contentType: string; disposition: 'inline' | 'attachment'; filename: string; expiresInSeconds?: number }): Promise<string> {
    const ascii = input.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: input.key,
        ResponseContentType: input.contentType,
        ResponseContentDisposition: `${input.disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(input.filename)}`,
        ResponseCacheControl: 'private, max-age=300',
      }),
      { expiresIn: input.expiresInSeconds ?? 300 },
    );
  }
}
