using PosFirmware.Messaging.HostLink;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// Turns a built request into the bytes that go on the wire: packs it in place after the frame
    /// head, MACs it when the profile MACs this MTI (field 64 set to a placeholder first so the
    /// bitmap names it), and writes length, TPDU and header. One output buffer, no copies.
    /// </summary>
    public sealed class MessageSealer
    {
        private static readonly byte[] MacPlaceholder = new byte[DesKey.BlockSize];

        /// <summary>The packager's status when Seal returned PackFailed.</summary>
        public IsoStatus PackStatus { get; private set; }

        /// <summary>The field the packager refused when Seal returned PackFailed.</summary>
        public int FailedField { get; private set; }

        /// <summary>
        /// Seals message into output[offset ..]; written is the whole frame's length. mak may be null
        /// for messages the profile does not MAC. Field 64 of message ends holding the MAC sent.
        /// </summary>
        public SealStatus Seal(HostProfile profile, DesKey mak, IsoMessage message, byte[] output, int offset, out int written)
        {
            written = 0;
            PackStatus = IsoStatus.Ok;
            FailedField = 0;
            bool macs = profile.MacsMessage(message.Mti);
            if (macs && mak == null)
            {
                return SealStatus.NoMacKey;
            }

            if (macs)
            {
                message.Set(64, MacPlaceholder);
            }
            else
            {
                message.Remove(64);
            }

            int head = 2 + profile.Framing.PrefixBytes;
            if (output == null || offset < 0 || output.Length - offset < head)
            {
                return SealStatus.FrameTooLarge;
            }

            int length, failed;
            IsoStatus s = profile.Packager.Pack(message, output, offset + head, out length, out failed);
            if (s == IsoStatus.OutputTooSmall)
            {
                return SealStatus.FrameTooLarge;
            }

            if (s != IsoStatus.Ok)
            {
                PackStatus = s;
                FailedField = failed;
                return SealStatus.PackFailed;
            }

            if (!FrameWriter.WriteHead(profile.Framing, length, output, offset))
            {
                return SealStatus.FrameTooLarge;
            }

            if (macs)
            {
                byte[] mac = new byte[DesKey.BlockSize];
                MessageMac.Sign(profile, mak, output, offset + head, length, mac);
                message.Set(64, mac);
            }

            written = head + length;
            return SealStatus.Ok;
        }
    }
}
