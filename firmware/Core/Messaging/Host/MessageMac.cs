using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// Field 64 of a packed message: the MAC input is the packed message from the MTI up to field
    /// 64's own bytes (no length, TPDU or header), with bitmap bit 64 already set. Computes, writes
    /// and checks it in place, in the packager's encoding of field 64 (raw, or hex in ASCII messages).
    /// </summary>
    public static class MessageMac
    {
        /// <summary>Bytes field 64 takes on the wire in this profile's format.</summary>
        public static int WireBytes(HostProfile profile)
        {
            FieldCodec codec = profile.Packager.Field(64);
            return codec.Content == FieldContent.BinaryHex ? 2 * DesKey.BlockSize : DesKey.BlockSize;
        }

        /// <summary>The 8-byte MAC of data[offset .. offset+count) under mak, into mac[0..8).</summary>
        public static void Compute(HostProfile profile, DesKey mak, byte[] data, int offset, int count, byte[] mac)
        {
            if (profile.Mac == MacAlgorithm.UnionPayPos)
            {
                Security.Mac.UnionPay(mak, data, offset, count, mac, 0);
            }
            else
            {
                Security.Mac.X99(mak, MacPadding.Zeros, data, offset, count, mac, 0);
            }
        }

        /// <summary>
        /// Writes the MAC over message[offset .. offset+length-wire) into its last wire bytes, and the
        /// 8-byte MAC itself into mac[0..8).
        /// </summary>
        public static void Sign(HostProfile profile, DesKey mak, byte[] message, int offset, int length, byte[] mac)
        {
            int wire = WireBytes(profile);
            Compute(profile, mak, message, offset, length - wire, mac);
            Place(mac, message, offset + length - wire, wire);
        }

        /// <summary>True when the last wire bytes of the message are the MAC of the bytes before them.</summary>
        public static bool Verify(HostProfile profile, DesKey mak, byte[] message, int offset, int length)
        {
            int wire = WireBytes(profile);
            if (length < wire)
            {
                return false;
            }

            byte[] mac = new byte[DesKey.BlockSize];
            Compute(profile, mak, message, offset, length - wire, mac);
            int at = offset + length - wire;
            if (wire == DesKey.BlockSize)
            {
                return Security.Mac.AreEqual(mac, 0, message, at, wire);
            }

            return Common.HexAscii.Matches(mac, 0, DesKey.BlockSize, message, at);
        }

        private static void Place(byte[] mac, byte[] target, int at, int wire)
        {
            if (wire == DesKey.BlockSize)
            {
                for (int i = 0; i < wire; i++)
                {
                    target[at + i] = mac[i];
                }
            }
            else
            {
                Common.HexAscii.Write(mac, 0, DesKey.BlockSize, target, at);
            }
        }
    }
}
