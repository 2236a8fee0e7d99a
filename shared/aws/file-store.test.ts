import { CopyObjectCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { FileStore } from '#shared/aws/file-store.ts';

/** An S3 client that answers each command with `answer` and keeps what it was sent. */
function recordingS3(answer: (command: unknown) => unknown) {
  const sent: unknown[] = [];
  const s3 = { send: async (command: unknown) => (sent.push(command), answer(command)) } as unknown as S3Client;
  return { store: new FileStore(s3, 'uploads'), sent };
}

const etag = '"5d41402abc4b2a76b9719d911017c592"';
const move = { from: 'incoming/o1/u1', to: 'files/o1/f1.png', contentType: 'image/png', etag };

describe('FileStore.moveIfUnchanged', () => {
  it('copies only the checked version: CopySourceIfMatch carries the ETag that was read', async () => {
    const { store, sent } = recordingS3((c) => (c instanceof CopyObjectCommand ? { CopyObjectResult: { ETag: etag } } : {}));
    expect(await store.moveIfUnchanged(move)).toBe(true);
    const copy = sent[0] as CopyObjectCommand;
    expect(copy).toBeInstanceOf(CopyObjectCommand);
    expect(copy.input).toMatchObject({ Bucket: 'uploads', Key: move.to, CopySource: 'uploads/incoming/o1/u1', CopySourceIfMatch: etag, ContentType: 'image/png' });
    // The source goes once it is copied.
    expect(sent[1]).toBeInstanceOf(DeleteObjectCommand);
    expect((sent[1] as DeleteObjectCommand).input.Key).toBe(move.from);
  });

  it('keeps nothing when S3 refuses the copy because the object changed (412)', async () => {
    const { store, sent } = recordingS3((c) => {
      if (c instanceof CopyObjectCommand) throw Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
      return {};
    });
    expect(await store.moveIfUnchanged(move)).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('deletes a copy whose ETag is not the checked one (a store that ignores CopySourceIfMatch)', async () => {
    const { store, sent } = recordingS3((c) => (c instanceof CopyObjectCommand ? { CopyObjectResult: { ETag: '"0cc175b9c0f1b6a831c399e269772661"' } } : {}));
    expect(await store.moveIfUnchanged(move)).toBe(false);
    expect(sent.slice(1).map((c) => (c as DeleteObjectCommand).input.Key)).toEqual([move.to]);
  });

  it('fails loudly on any other error', async () => {
    const { store } = recordingS3(() => {
      throw Object.assign(new Error('slow down'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
    });
    await expect(store.moveIfUnchanged(move)).rejects.toThrow('slow down');
  });
});
