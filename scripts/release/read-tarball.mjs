// Lists the files of an npm tarball (.tgz) without unpacking it: name and size of each regular file.
import { gunzipSync } from 'node:zlib';

/** The regular files in a gzipped tar, `[{ path, size }]`, with npm's leading `package/` removed. */
export function listTarballFiles(gzipped) {
  const tar = gunzipSync(gzipped);
  const files = [];
  let offset = 0;
  let paxPath;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(header, 345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const body = tar.subarray(offset + 512, offset + 512 + size);
    paxPath = undefined;
    if (type === 'x') paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    else if (type === '0') files.push({ path: name.replace(/^package\//, ''), size });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function field(header, start, length) {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? length : end).toString('utf8');
}
