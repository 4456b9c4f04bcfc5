namespace PosFirmware.Messaging.HostLink
{
    /// <summary>Frames a packed message for sending: length, TPDU, header, message.</summary>
    public static class FrameWriter
    {
        /// <summary>Bytes of the whole frame for a message of messageLength bytes.</summary>
        public static int FrameLength(FramingProfile profile, int messageLength)
        {
            return 2 + profile.PrefixBytes + messageLength;
        }

        /// <summary>
        /// Writes the frame around message[offset .. offset+count) into output[outputOffset ..];
        /// false (nothing written) when the body would exceed MaxFrameBytes or the output is too small.
        /// </summary>
        public static bool Write(FramingProfile profile, byte[] message, int offset, int count, byte[] output, int outputOffset, out int written)
        {
            written = 0;
            if (count < 0 || output == null || outputOffset < 0 || output.Length - outputOffset < FrameLength(profile, count))
            {
                return false;
            }

            if (!WriteHead(profile, count, output, outputOffset))
            {
                return false;
            }

            int p = outputOffset + 2 + profile.PrefixBytes;
            for (int i = 0; i < count; i++)
            {
                output[p + i] = message[offset + i];
            }

            written = FrameLength(profile, count);
            return true;
        }

        /// <summary>
        /// Writes only the length, TPDU and header for a message of messageLength bytes that is (or
        /// will be) packed right after them, so a sealer packs in place without a second buffer.
        /// False when the body would exceed MaxFrameBytes or the head does not fit.
        /// </summary>
        public static bool WriteHead(FramingProfile profile, int messageLength, byte[] output, int outputOffset)
        {
            int body = profile.PrefixBytes + messageLength;
            if (messageLength < 0 || body > profile.MaxFrameBytes || output == null || outputOffset < 0 || output.Length - outputOffset < 2 + profile.PrefixBytes)
            {
                return false;
            }

            int p = outputOffset;
            output[p++] = (byte)(body >> 8);
            output[p++] = (byte)body;
            for (int i = 0; i < profile.Tpdu.Length; i++)
            {
                output[p++] = profile.Tpdu[i];
            }

            for (int i = 0; i < profile.Header.Length; i++)
            {
                output[p++] = profile.Header[i];
            }

            return true;
        }
    }
}
