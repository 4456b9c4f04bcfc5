using System;

namespace PosFirmware.Security
{
    /// <summary>
    /// The session keys a sign-on delivers: PIN key (PIK), MAC key (MAK) and, in format 004, the
    /// track data key (TDK). Load decrypts them from 0810 field 62 under the terminal master key
    /// and accepts them only when every key check value matches; the clear key bytes live only
    /// inside the scheduled DesKeys and are zeroed as soon as they are scheduled.
    /// </summary>
    public sealed class WorkingKeys
    {
        private WorkingKeys(DesKey pinKey, DesKey macKey, DesKey trackKey)
        {
            PinKey = pinKey;
            MacKey = macKey;
            TrackKey = trackKey;
        }

        public DesKey PinKey { get; private set; }

        public DesKey MacKey { get; private set; }

        /// <summary>Null unless the format carries a track key.</summary>
        public DesKey TrackKey { get; private set; }

        /// <summary>The field 62 length each format needs.</summary>
        public static int Field62Length(SignOnKeyFormat format)
        {
            return format == SignOnKeyFormat.SingleLength ? 24 : format == SignOnKeyFormat.DoubleLength ? 40 : 60;
        }

        /// <summary>
        /// Decrypts and checks the keys of field62[offset .. offset+length) under the TMK. Field 62 comes
        /// from outside: null, a range that does not fit or a length other than the format's is
        /// BadLength; a null TMK is the caller's error (ArgumentNullException). On any failure every
        /// key scheduled so far and every clear key byte is zeroed.
        /// </summary>
        public static KeyLoadStatus Load(DesKey terminalMasterKey, SignOnKeyFormat format, byte[] field62, int offset, int length, out WorkingKeys keys)
        {
            keys = null;
            if (terminalMasterKey == null)
            {
                throw new ArgumentNullException("terminalMasterKey");
            }

            if (field62 == null || offset < 0 || length < 0 || offset > field62.Length - length || length != Field62Length(format))
            {
                return KeyLoadStatus.BadLength;
            }

            bool single = format == SignOnKeyFormat.SingleLength;
            int pikLength = single ? 8 : 16;
            int makBlock = single ? 8 : 16; // 003/004 send MAK(8) + 8 zero bytes
            int p = offset;

            DesKey pik = Unwrap(terminalMasterKey, field62, p, pikLength);
            p += pikLength;
            if (!KeyCheckValue.Matches(pik, field62, p, KeyCheckValue.Length))
            {
                pik.Clear();
                return KeyLoadStatus.PinKeyCheckFailed;
            }

            p += KeyCheckValue.Length;
            DesKey mak = Unwrap(terminalMasterKey, field62, p, 8);
            p += makBlock;
            if (!KeyCheckValue.Matches(mak, field62, p, KeyCheckValue.Length))
            {
                pik.Clear();
                mak.Clear();
                return KeyLoadStatus.MacKeyCheckFailed;
            }

            p += KeyCheckValue.Length;
            DesKey tdk = null;
            if (format == SignOnKeyFormat.DoubleLengthWithTrackKey)
            {
                tdk = Unwrap(terminalMasterKey, field62, p, 16);
                p += 16;
                if (!KeyCheckValue.Matches(tdk, field62, p, KeyCheckValue.Length))
                {
                    pik.Clear();
                    mak.Clear();
                    tdk.Clear();
                    return KeyLoadStatus.TrackKeyCheckFailed;
                }
            }

            keys = new WorkingKeys(pik, mak, tdk);
            return KeyLoadStatus.Ok;
        }

        /// <summary>Zeroes every key (sign-off, new sign-on, tamper).</summary>
        public void Clear()
        {
            PinKey.Clear();
            MacKey.Clear();
            if (TrackKey != null)
            {
                TrackKey.Clear();
            }
        }

        private static DesKey Unwrap(DesKey tmk, byte[] source, int offset, int length)
        {
            byte[] clear = SecretBuffers.New(length);
            DesModes.DecryptEcb(tmk, source, offset, length, clear, 0);
            DesKey key = new DesKey(clear, 0, length);
            Array.Clear(clear, 0, clear.Length);
            return key;
        }
    }
}
