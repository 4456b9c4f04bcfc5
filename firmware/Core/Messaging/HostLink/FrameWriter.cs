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
            int body = profile.PrefixBytes + count;
            if (count < 0 || body > profile.MaxFrameBytes || output == null || outputOffset < 0 || output.Length - outputOffset < 2 + body)
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

            for (int i = 0; i < count; i++)
            {
                output[p++] = message[offset + i];
            }

            written = p - outputOffset;
            return true;
        }
    }
}
