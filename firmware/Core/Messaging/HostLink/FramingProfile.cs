using System;

namespace PosFirmware.Messaging.HostLink
{
    /// <summary>
    /// How a host profile frames messages on TCP (PAYMENTS.md section 3): always a 2-byte
    /// big-endian length of what follows; UnionPay adds a 5-byte TPDU (60 + destination +
    /// source) and a 6-byte header before the MTI; international hosts send the message alone.
    /// </summary>
    public sealed class FramingProfile
    {
        public FramingProfile(byte[] tpdu, byte[] header, int maxFrameBytes)
        {
            if (maxFrameBytes < 16 || maxFrameBytes > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("maxFrameBytes");
            }

            Tpdu = tpdu ?? new byte[0];
            Header = header ?? new byte[0];
            MaxFrameBytes = maxFrameBytes;
        }

        /// <summary>The TPDU the terminal sends (empty when the profile has none).</summary>
        public byte[] Tpdu { get; private set; }

        /// <summary>The header after the TPDU (empty when none).</summary>
        public byte[] Header { get; private set; }

        /// <summary>Largest frame body (after the length) accepted or sent.</summary>
        public int MaxFrameBytes { get; private set; }

        /// <summary>Bytes between the length and the MTI.</summary>
        public int PrefixBytes
        {
            get { return Tpdu.Length + Header.Length; }
        }

        /// <summary>
        /// The smallest body that can be a message: TPDU, header, a 2-byte BCD MTI and an
        /// 8-byte bitmap. Anything shorter is garbage.
        /// </summary>
        public int MinFrameBytes
        {
            get { return PrefixBytes + 2 + 8; }
        }

        /// <summary>UnionPay framing with the given TPDU and header.</summary>
        public static FramingProfile UnionPay(byte[] tpdu, byte[] header)
        {
            return new FramingProfile(tpdu, header, 2048);
        }

        /// <summary>Plain 2-byte length framing.</summary>
        public static FramingProfile International()
        {
            return new FramingProfile(null, null, 4096);
        }
    }
}
