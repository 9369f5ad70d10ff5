import { crc32, deflateRawSync } from 'node:zlib';

/** A file to put in an archive, with its wall-clock modification time (what the DOS fields hold). */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly modified?: Date;
}

function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** What a local header and a central directory entry both say of one file. */
interface EntryFields {
  readonly method: number;
  readonly when: { time: number; date: number };
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly nameLength: number;
}

/** Version needed (2.0), flags (UTF-8 name), method, DOS time and date, CRC-32, sizes, name length. */
function writeEntryFields(header: Buffer, at: number, f: EntryFields): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(f.method, at + 4);
  header.writeUInt16LE(f.when.time, at + 6);
  header.writeUInt16LE(f.when.date, at + 8);
  header.writeUInt32LE(f.crc, at + 10);
  header.writeUInt32LE(f.compressed, at + 14);
  header.writeUInt32LE(f.size, at + 18);
  header.writeUInt16LE(f.nameLength, at + 22);
}

/**
 * A ZIP archive (PKWARE APPNOTE, deflate or stored per entry, UTF-8 names), as Erlang's
 * `zip:zip/3` writes for `cb_vmboxes:create_zip_file/3`. Entries keep their order.
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data);
    // Audio is usually compressed already: store it when deflate does not help.
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const crc = crc32(entry.data);
    const when = dosTime(entry.modified ?? new Date(0));
    // The local header and the central directory entry share one run of fields, two bytes later
    // in the central entry (after its "version made by").
    const fields = { method: stored ? 0 : 8, when, crc, compressed: body.length, size: entry.data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeEntryFields(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
