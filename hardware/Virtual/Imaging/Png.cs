using System.Buffers.Binary;
using System.IO.Compression;
using PosFirmware.Common;

namespace PosFirmware.Virtual.Imaging;

/// <summary>
/// PNG (RFC 2083 / ISO/IEC 15948) for MonoImage: writes 8-bit greyscale, one scanline filter 0 per
/// row, zlib-deflated; reads what it writes (and any 8-bit greyscale, non-interlaced, filter 0 PNG).
/// Lit/printed pixels are drawn as the part shows them: `light` picks light-on-dark (an OLED) or
/// dark-on-light (paper). Pixels are scaled up by a whole factor for viewing.
/// </summary>
public static class Png
{
    private static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    public static byte[] Encode(MonoImage image, bool light, int scale = 1)
    {
        int w = image.Width * scale;
        int h = image.Height * scale;
        byte on = light ? (byte)0xFF : (byte)0x00;
        byte off = light ? (byte)0x00 : (byte)0xFF;
        var raw = new byte[(w + 1) * h];
        for (int y = 0; y < h; y++)
        {
            int row = y * (w + 1);
            raw[row] = 0;
            for (int x = 0; x < w; x++)
            {
                raw[row + 1 + x] = image[x / scale, y / scale] ? on : off;
            }
        }

        using var ms = new MemoryStream();
        ms.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, w);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), h);
        header[8] = 8;
        header[9] = 0;
        WriteChunk(ms, "IHDR", header);
        using (var z = new MemoryStream())
        {
            using (var deflate = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(raw);
            }

            WriteChunk(ms, "IDAT", z.ToArray());
        }

        WriteChunk(ms, "IEND", Array.Empty<byte>());
        return ms.ToArray();
    }

    /// <summary>Reads a PNG this class wrote back to a MonoImage at scale 1 (light tells which grey is "set").</summary>
    public static MonoImage Decode(byte[] png, bool light, int scale = 1)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG");
        }

        int pos = 8;
        int w = 0, h = 0;
        using var idat = new MemoryStream();
        while (pos + 8 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                w = BinaryPrimitives.ReadInt32BigEndian(data);
                h = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[9] != 0 || data[12] != 0)
                {
                    throw new InvalidDataException("only 8-bit greyscale, non-interlaced PNGs are read here");
                }
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            pos += 12 + length;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(w + 1) * h];
        inflate.ReadExactly(raw);
        var image = new MonoImage(w / scale, h / scale);
        for (int y = 0; y < h; y += scale)
        {
            if (raw[y * (w + 1)] != 0)
            {
                throw new InvalidDataException("only filter 0 scanlines are read here");
            }

            for (int x = 0; x < w; x += scale)
            {
                bool bright = raw[y * (w + 1) + 1 + x] >= 0x80;
                image[x / scale, y / scale] = bright == light;
            }
        }

        return image;
    }

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        var buf = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buf, data.Length);
        s.Write(buf);
        byte[] typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        // PNG's chunk CRC is the ISO-HDLC CRC-32 the firmware already has.
        uint crc = Crc32.Update(Crc32.Start, typeBytes, 0, typeBytes.Length);
        crc = Crc32.Update(crc, data, 0, data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(buf, Crc32.Finish(crc));
        s.Write(buf);
    }
}
