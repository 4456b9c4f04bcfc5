using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;

namespace PosFirmware.UnitTests.Support
{
    /// <summary>
    /// The host side of the messaging tests: the profiles and terminal of the real UnionPay sign-on
    /// frame (PAYMENTS.md section 3), a typical sale, and answers sealed the way a host seals them.
    /// </summary>
    public static class TestHost
    {
        public static readonly byte[] Tpdu = Hex.Decode("6006010000");
        public static readonly byte[] Header = Hex.Decode("603200324017");
        public static readonly TerminalIdentity Terminal = new TerminalIdentity("10020831", "308640041110003", "001");

        public static HostProfile UnionPay()
        {
            return HostProfile.UnionPay(Tpdu, Header);
        }

        /// <summary>The MAC key of SignOnKeys (KCV D5D44FF7).</summary>
        public static DesKey Mak()
        {
            return new DesKey(Hex.Decode(SignOnKeys.ClearMak));
        }

        /// <summary>A contactless sale of 1.00 with PIN: every kind of card field.</summary>
        public static FinancialRequest Sale()
        {
            FinancialRequest r = new FinancialRequest();
            r.Type = TransactionType.Sale;
            r.AmountMinor = 100;
            r.Stan = 122;
            r.Batch = 2;
            r.LocalTime = "103000";
            r.LocalDate = "1122";
            r.Entry = PosEntryMode.Contactless;
            r.Pan = "6228480000000000001";
            r.Expiry = "3012";
            r.Track2 = "6228480000000000001=30122011234567890";
            r.CardSequence = 1;
            r.EncryptedPinBlock = Hex.Decode("0102030405060708");
            r.IccData = Hex.Decode(Samples.Field55);
            return r;
        }

        /// <summary>
        /// The host's answer to request: answer MTI, the request's 2/3/4/11/41/42 echoed, 37-39 set,
        /// sealed with mak (null: unMACed). Returns the message bytes (no frame head).
        /// </summary>
        public static byte[] Answer(HostProfile profile, IsoMessage request, string code, string auth, DesKey mak)
        {
            IsoMessage a = new IsoMessage();
            a.Mti = ResponseReader.AnswerMti(request.Mti);
            int[] echo = { 2, 3, 4, 11, 41, 42 };
            for (int i = 0; i < echo.Length; i++)
            {
                if (request.Has(echo[i]))
                {
                    a.Set(echo[i], request.GetString(echo[i]));
                }
            }

            a.Set(12, "103001");
            a.Set(13, "1122");
            a.Set(37, "000000123456");
            if (auth != null)
            {
                a.Set(38, auth);
            }

            a.Set(39, code);
            return Seal(profile, a, mak);
        }

        /// <summary>The sign-on request of the real frame (STAN 121, batch 2).</summary>
        public static IsoMessage SignOnRequest(HostProfile profile)
        {
            IsoMessage request = new IsoMessage();
            NetworkBuilder.SignOn(profile, Terminal, 121, 2, request);
            return request;
        }

        /// <summary>The host's 0810 to SignOnRequest: code, and field 62 (hex) when given. Message bytes.</summary>
        public static byte[] SignOnAnswer(HostProfile profile, string code, string field62Hex)
        {
            IsoMessage a = new IsoMessage();
            a.Mti = "0810";
            a.Set(11, "000121");
            a.Set(37, "000000000001");
            a.Set(39, code);
            a.Set(41, Terminal.TerminalId);
            a.Set(60, "00000002003");
            if (field62Hex != null)
            {
                a.Set(62, Hex.Decode(field62Hex));
            }

            return Seal(profile, a, null);
        }

        /// <summary>The message bytes of a sealed message (MACed when mak is given and the profile MACs it).</summary>
        public static byte[] Seal(HostProfile profile, IsoMessage m, DesKey mak)
        {
            byte[] frame = new byte[2048];
            int written;
            MessageSealer sealer = new MessageSealer();
            if (mak == null)
            {
                // The sealer refuses to send a MACed message without a key; hosts answer declines unMACed.
                int n, failed;
                m.Remove(64);
                profile.Packager.Pack(m, frame, 0, out n, out failed);
                return Slice(frame, 0, n);
            }

            sealer.Seal(profile, mak, m, frame, 0, out written);
            int head = 2 + profile.Framing.PrefixBytes;
            return Slice(frame, head, written - head);
        }

        public static byte[] Slice(byte[] b, int offset, int count)
        {
            byte[] s = new byte[count];
            System.Array.Copy(b, offset, s, 0, count);
            return s;
        }
    }
}
