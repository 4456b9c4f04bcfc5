// The bridge between the conformance tests (C#) and the third-party JavaScript implementations.
// Usage: node bridge.js < request.json > answer.json
// request: { "formats": {...iso_8583 custom formats...},
//            "unpack": [{ "name", "hex", "bitmapEncoding": "hex" | "utf8" }],
//            "pack":   [{ "name", "fields": { "0": mti, "2": ..., ... } }],
//            "emv":    [{ "name", "hex" }],
//            "qr":     [{ "name", "width", "height", "gray": base64 of one byte per pixel, 0 = black }],
//            "bench":  { "fields", "packFormats", "unpackFormats", "bitmapEncoding", "iterations", "rounds" } }
// answer:  { "unpack": [{ "name", "fields" | "error" }], "pack": [{ "name", "hex" | "error" }],
//            "emv": [{ "name", "objects": [{ "tag", "value" | "objects" }] | "error" }],
//            "qr": [{ "name", "data" | "error" }],
//            "bench": { "iterations", "rounds", "nsPerPair" (wall), "cpuNsPerPair", "packNs", "unpackNs" (CPU),
//                       "hex", "fields" | "error" } }
// The bridge only calls the libraries and reports what they say; every comparison is in C#.
// "bench" times iso_8583 packing the fields and unpacking what it packed, in this process, with
// its own clock: node's start-up and the JSON round trip to C# are not in the figure.
'use strict';
const Iso8583 = require('iso_8583');
const emv = require('node-emv');
const jsQR = require('jsqr');

function readStdin() {
  const chunks = [];
  const fs = require('fs');
  const buffer = Buffer.alloc(65536);
  let n;
  while ((n = fs.readSync(0, buffer, 0, buffer.length, null)) > 0) {
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function errorText(e) {
  if (e && e.error) return String(e.error);
  return String(e);
}

function unpack(item, formats) {
  try {
    const json = new Iso8583({}, formats).getIsoJSON(Buffer.from(item.hex, 'hex'),
      { lenHeader: false, bitmapEncoding: item.bitmapEncoding });
    if (json.error) return { name: item.name, error: errorText(json) };
    return { name: item.name, fields: json };
  } catch (e) {
    return { name: item.name, error: errorText(e) };
  }
}

function pack(item, formats) {
  try {
    const raw = new Iso8583(item.fields, formats).getRawMessage();
    if (!Buffer.isBuffer(raw)) return { name: item.name, error: errorText(raw) };
    return { name: item.name, hex: raw.toString('hex').toUpperCase() };
  } catch (e) {
    return { name: item.name, error: errorText(e) };
  }
}

function simplify(objects) {
  return objects.map(o => Array.isArray(o.value)
    ? { tag: o.tag, objects: simplify(o.value) }
    : { tag: o.tag, value: String(o.value).toUpperCase() });
}

function parseEmv(item) {
  // node-emv logs long-form lengths with console.log; keep stdout for the answer.
  const log = console.log;
  console.log = () => {};
  try {
    let result = null;
    emv.parse(item.hex, data => { result = data; });
    if (result === null) return { name: item.name, error: 'node-emv returned nothing' };
    return { name: item.name, objects: simplify(result) };
  } catch (e) {
    return { name: item.name, error: errorText(e) };
  } finally {
    console.log = log;
  }
}

function readQr(item) {
  try {
    const gray = Buffer.from(item.gray, 'base64');
    const rgba = new Uint8ClampedArray(item.width * item.height * 4);
    for (let i = 0; i < item.width * item.height; i++) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i];
      rgba[i * 4 + 3] = 255;
    }
    const code = jsQR(rgba, item.width, item.height);
    if (!code) return { name: item.name, error: 'jsQR found no QR code' };
    return { name: item.name, data: code.data };
  } catch (e) {
    return { name: item.name, error: errorText(e) };
  }
}

function bench(item) {
  const pack = () => new Iso8583(item.fields, item.packFormats).getRawMessage();
  const unpack = raw => new Iso8583({}, item.unpackFormats).getIsoJSON(raw,
    { lenHeader: false, bitmapEncoding: item.bitmapEncoding });
  try {
    // Once unmeasured, to check the loop times the good path and not an error object.
    const raw = pack();
    if (!Buffer.isBuffer(raw)) return { error: errorText(raw) };
    const fields = unpack(raw);
    if (fields.error) return { error: errorText(fields) };
    const n = item.iterations;
    const rounds = item.rounds || 1;
    let sink = 0;
    for (let i = 0; i < Math.max(100, n / 10); i++) sink += unpack(pack())['0'].length;
    // Each figure is the best of `rounds` loops of n (the machine may be shared), in wall time and
    // in this process's CPU time (user + system; it includes V8's own helper threads).
    const best = loop => {
      let wall = Infinity;
      let cpu = Infinity;
      for (let k = 0; k < rounds; k++) {
        const c = process.cpuUsage();
        const t = process.hrtime.bigint();
        for (let i = 0; i < n; i++) sink += loop();
        wall = Math.min(wall, Number(process.hrtime.bigint() - t) / n);
        const used = process.cpuUsage(c);
        cpu = Math.min(cpu, (used.user + used.system) * 1000 / n);
      }
      return { wall, cpu };
    };
    const pair = best(() => unpack(pack())['0'].length);
    // Each half on its own, for the profile of where the time goes.
    const packNs = best(() => pack().length).cpu;
    const unpackNs = best(() => unpack(raw)['0'].length).cpu;
    return { iterations: n, rounds, nsPerPair: pair.wall, cpuNsPerPair: pair.cpu, packNs, unpackNs, hex: raw.toString('hex').toUpperCase(), fields, sink };
  } catch (e) {
    return { error: errorText(e) };
  }
}

const request = JSON.parse(readStdin());
const formats = request.formats || {};
const answer = {
  unpack: (request.unpack || []).map(i => unpack(i, formats)),
  pack: (request.pack || []).map(i => pack(i, formats)),
  emv: (request.emv || []).map(parseEmv),
  qr: (request.qr || []).map(readQr),
};
if (request.bench) answer.bench = bench(request.bench);
process.stdout.write(JSON.stringify(answer));
