namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// PN532 frames (NXP PN532 User Manual UM0701-02, section 6.2.1): normal information frame
    /// `00 00 FF LEN LCS TFI PD0..PDn DCS 00` with LEN = bytes from TFI to PDn, LCS = -LEN,
    /// DCS = -(TFI + PD0 + ... + PDn); extended frame `00 00 FF FF FF LENM LENL LCS ...` for more than
    /// 254 bytes; ACK `00 00 FF 00 FF 00`; NACK `00 00 FF FF 00 00`; error frame `00 00 FF 01 FF 7F 81 00`.
    /// TFI is D4 host to PN532 and D5 back. Pure functions: any bytes give a status, never an exception.
    /// </summary>
    public static class Pn532Frame
    {
        public const byte HostToPn532 = 0xD4;
        public const byte Pn532ToHost = 0xD5;

        /// <summary>Most payload bytes (TFI onward) a frame may carry here: an extended frame's limit (UM0701 6.2.1.2).</summary>
        public const int MaxPayload = 265;

        public static readonly byte[] AckFrame = { 0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00 };
        public static readonly byte[] NackFrame = { 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00 };

        /// <summary>Bytes a command frame with dataLength parameter bytes takes.</summary>
        public static int SizeOf(int dataLength)
        {
            int len = dataLength + 2;
            return len <= 254 ? len + 7 : len + 10;
        }

        /// <summary>Writes a host-to-PN532 frame for command with data; returns its length.</summary>
        public static int Build(byte command, byte[] data, int dataOffset, int dataLength, byte[] output, int outputOffset)
        {
            int len = dataLength + 2;
            int o = outputOffset;
            output[o++] = 0x00;
            output[o++] = 0x00;
            output[o++] = 0xFF;
            if (len <= 254)
            {
                output[o++] = (byte)len;
                output[o++] = (byte)(0x100 - len);
            }
            else
            {
                output[o++] = 0xFF;
                output[o++] = 0xFF;
                output[o++] = (byte)(len >> 8);
                output[o++] = (byte)len;
                output[o++] = (byte)(0x100 - (((len >> 8) + len) & 0xFF));
            }

            int sum = HostToPn532 + command;
            output[o++] = HostToPn532;
            output[o++] = command;
            for (int i = 0; i < dataLength; i++)
            {
                byte b = data[dataOffset + i];
                output[o++] = b;
                sum += b;
            }

            output[o++] = (byte)(0x100 - (sum & 0xFF));
            output[o++] = 0x00;
            return o - outputOffset;
        }

        /// <summary>
        /// Looks for one frame in buffer[offset .. offset+count). consumed is how many bytes the result
        /// accounts for (skip them); for Information, payloadOffset/payloadLength locate TFI onward.
        /// </summary>
        public static Pn532FrameStatus Parse(byte[] buffer, int offset, int count, out int consumed, out int payloadOffset, out int payloadLength)
        {
            consumed = 0;
            payloadOffset = 0;
            payloadLength = 0;
            int end = offset + count;

            // Find the start code 00 FF (the preamble 00 before it is optional on reception).
            int start = -1;
            for (int i = offset; i + 1 < end; i++)
            {
                if (buffer[i] == 0x00 && buffer[i + 1] == 0xFF)
                {
                    start = i;
                    break;
                }
            }

            if (start < 0)
            {
                // Keep the trailing 00s: a preamble and the start of a start code still arriving.
                int keep = 0;
                while (keep < count && buffer[end - 1 - keep] == 0x00)
                {
                    keep++;
                }

                consumed = count - keep;
                return consumed > 0 ? Pn532FrameStatus.Garbage : Pn532FrameStatus.Incomplete;
            }

            // Zeros before the start code are preamble; anything else before it is garbage.
            int garbage = 0;
            for (int i = offset; i < start; i++)
            {
                if (buffer[i] != 0x00)
                {
                    garbage = i - offset + 1;
                }
            }

            if (garbage > 0)
            {
                consumed = garbage;
                return Pn532FrameStatus.Garbage;
            }

            int p = start + 2;
            if (p + 2 > end)
            {
                return Pn532FrameStatus.Incomplete;
            }

            byte lenByte = buffer[p];
            byte lcs = buffer[p + 1];
            if (lenByte == 0x00 && lcs == 0xFF)
            {
                consumed = p + 2 - offset + (p + 2 < end && buffer[p + 2] == 0x00 ? 1 : 0);
                return Pn532FrameStatus.Ack;
            }

            if (lenByte == 0xFF && lcs == 0x00)
            {
                consumed = p + 2 - offset + (p + 2 < end && buffer[p + 2] == 0x00 ? 1 : 0);
                return Pn532FrameStatus.Nack;
            }

            int len;
            int dataStart;
            if (lenByte == 0xFF && lcs == 0xFF)
            {
                if (p + 5 > end)
                {
                    return Pn532FrameStatus.Incomplete;
                }

                len = (buffer[p + 2] << 8) | buffer[p + 3];
                if (((buffer[p + 2] + buffer[p + 3] + buffer[p + 4]) & 0xFF) != 0 || len > MaxPayload)
                {
                    consumed = p - offset;
                    return Pn532FrameStatus.BadLengthChecksum;
                }

                dataStart = p + 5;
            }
            else
            {
                if (((lenByte + lcs) & 0xFF) != 0)
                {
                    consumed = p - offset;
                    return Pn532FrameStatus.BadLengthChecksum;
                }

                len = lenByte;
                dataStart = p + 2;
            }

            if (dataStart + len + 1 > end)
            {
                return Pn532FrameStatus.Incomplete;
            }

            int sum = 0;
            for (int i = dataStart; i <= dataStart + len; i++)
            {
                sum += buffer[i];
            }

            consumed = dataStart + len + 1 - offset;
            if (dataStart + len + 1 < end && buffer[dataStart + len + 1] == 0x00)
            {
                consumed++;
            }

            if ((sum & 0xFF) != 0)
            {
                return Pn532FrameStatus.BadDataChecksum;
            }

            if (len == 1 && buffer[dataStart] == 0x7F)
            {
                return Pn532FrameStatus.Error;
            }

            payloadOffset = dataStart;
            payloadLength = len;
            return Pn532FrameStatus.Information;
        }
    }
}
