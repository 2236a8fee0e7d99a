import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { localCredentials } from '#shared/aws/clients.ts';
import type { Config } from '#shared/config.ts';

export type PresignedUpload = { url: string; fields: Record<string, string>; expiresAt: string };

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

  /** The cheapest question that proves the bucket answers, for the health check. */
  async probe(abortSignal: AbortSignal): Promise<void> {
    await this.s3.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal });
  }

  /** A POST policy fixing the key, the content type and the size range (DESIGN §6). */
  async presignPost(input: { key: string; contentType: string; maxBytes: number; expiresInSeconds: number; now: Date }): Promise<PresignedUpload> {
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [
        ['content-length-range', 1, input.maxBytes],
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
      const name = (error as { name?: string }).name;
      if (name === 'NotFound' || name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  /** The first `length` bytes, for the magic-byte check. */
  async head(key: string, length: number): Promise<Uint8Array> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` }));
    const bytes = await out.Body!.transformToByteArray();
    return bytes.subarray(0, length);
  }

  async read(key: string): Promise<Buffer> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  /** Streams the whole object through SHA-256. */
  async sha256(key: string): Promise<string> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const hash = createHash('sha256');
    for await (const chunk of out.Body as Readable) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async move(from: string, to: string, contentType: string): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from.split("/").map(encodeURIComponent).join("/")}`, ContentType: contentType, MetadataDirective: 'REPLACE' }),
    );
    await this.delete(from);
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
