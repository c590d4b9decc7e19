import { describe, expect, it } from 'vitest';
import { sampledKeys } from '../../src/engine/probes';
import { decodeKeys, encodeKeys, isEncodedKeys } from '../../src/shared/phrase-keys';
import { putinXi } from '../support/article-page';

describe('phrase keys in a message', () => {
  it('carries a text’s sampled keys and gives them back', () => {
    const keys = [...sampledKeys(putinXi.paragraphs.join('\n'))];
    expect(keys.length).toBeGreaterThan(10);
    const encoded = encodeKeys(keys);
    expect(isEncodedKeys(encoded)).toBe(true);
    expect(decodeKeys(encoded)).toEqual(keys);
    expect(decodeKeys(encodeKeys([]))).toEqual([]);
    expect(decodeKeys(encodeKeys([0, 2 ** 30 - 1]))).toEqual([0, 2 ** 30 - 1]);
  });

  it('is a fraction of the text it comes from: a sixteenth of its phrases, never its words', () => {
    const text = putinXi.paragraphs.join('\n');
    const encoded = encodeKeys(sampledKeys(text));
    expect(encoded.length).toBeLessThan(text.length / 8);
    expect(/^[0-9a-z ]*$/.test(encoded)).toBe(true);
  });
});
