import zlib from 'node:zlib';

/**
 * The text of a PDF written by pdfkit with embedded fonts, for tests: inflates the streams, reads
 * each font's ToUnicode map, and decodes the text operators of the content streams with the font
 * in use. Lines come out separated by newlines. Enough for pdfkit's output, not a general parser.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (const m of source.matchAll(objectPattern)) {
    const body = m[2]!;
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    let data = body.slice(streamAt + 'stream'.length).replace(/^\r?\n/, '');
    data = data.slice(0, data.lastIndexOf('endstream'));
    const bytes = Buffer.from(data, 'latin1');
    let text: string;
    try {
      text = dict.includes('/FlateDecode') ? zlib.inflateSync(bytes).toString('latin1') : data;
    } catch {
      text = '';
    }
    objects.set(Number(m[1]), { dict, stream: text });
  }
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  };
  // Font object number → code → text.
  const cmaps = new Map<number, Map<number, string>>();
  for (const [n, o] of objects) {
    const unicode = ref(o.dict, 'ToUnicode');
    const cmap = unicode === null ? null : objects.get(unicode)?.stream;
    if (!cmap) continue;
    const map = new Map<number, string>();
    for (const range of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      let code = Number.parseInt(range[1]!, 16);
      for (const entry of range[3]!.matchAll(/<([0-9a-fA-F ]+)>/g)) {
        const units = entry[1]!.split(' ').map((h) => Number.parseInt(h, 16));
        map.set(code++, String.fromCharCode(...units));
      }
    }
    cmaps.set(n, map);
  }
  // Font resource name → font object, from every page's resources.
  const fontNames = new Map<string, number>();
  for (const o of objects.values()) {
    for (const m of o.dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) fontNames.set(m[1]!, Number(m[2]));
  }
  const lines: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || !/\bTf\b/.test(o.stream)) continue;
    let map: Map<number, string> | undefined;
    let line = '';
    for (const m of o.stream.matchAll(
      /\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g,
    )) {
      if (m[1]) map = cmaps.get(fontNames.get(m[1]) ?? -1);
      else if (m[0] === 'ET') {
        if (line) lines.push(line);
        line = '';
      } else {
        const hexes =
          m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!) : [m[3]!];
        for (const hex of hexes) {
          for (let i = 0; i + 4 <= hex.length; i += 4)
            line += map?.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
        }
      }
    }
    if (line) lines.push(line);
  }
  return lines.join('\n');
}
