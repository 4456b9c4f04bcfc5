using System;
using System.Collections.Generic;
using PosFirmware.Common;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Virtual.Parts.Contactless;

namespace PosFirmware.HostSimulator
{
    /// <summary>
    /// The issuer of the virtual cards, as the acquirer's financial path consults it for an online
    /// request made with a chip: it rebuilds the card's key from the issuer master key, the PAN
    /// (field 2, else 35) and the PSN (field 23), the session key from the ATC (9F36), the data the
    /// card signed from field 55 (TestIssuer: the same derivation and data set the virtual cards
    /// use), and verifies the ARQC (9F26). The ATC must move forward per card (PAN + PSN): a replay
    /// or an older counter is declined. The card must have asked to go online (9F27 = ARQC), and
    /// field 4 and 49 must be the amount (9F02) and currency (5F2A) it signed. Requests without field 55 and not made with a chip
    /// (magstripe, manual) are not its business. Its own TLV walk, not the firmware's, so a terminal
    /// that builds a broken field 55 cannot be excused by a parser that shares its mistake.
    /// </summary>
    public sealed class Issuer
    {
        /// <summary>The answer to a cryptogram that does not verify, a missing tag, a replayed ATC (Visa's "negative online card authentication").</summary>
        public const string CardAuthenticationFailed = "82";

        /// <summary>A chip or contactless request that carries no field 55.</summary>
        public const string FormatError = "30";

        private readonly byte[] _masterKey;
        private readonly Dictionary<string, int> _lastAtc = new Dictionary<string, int>();

        public Issuer(byte[] issuerMasterKey = null)
        {
            _masterKey = issuerMasterKey ?? TestIssuer.MasterKeyAc;
        }

        /// <summary>Requests whose cryptogram verified.</summary>
        public int Verified { get; private set; }

        /// <summary>Requests declined here.</summary>
        public int Declined { get; private set; }

        /// <summary>The field 55 of the last request that carried one, as received (tests compare it byte for byte).</summary>
        public byte[] LastField55 { get; private set; }

        /// <summary>Null when the request may go on (verified, or no chip data to verify); else the decline code.</summary>
        public string Check(IsoMessage m)
        {
            byte[] icc = m.GetBytes(55);
            if (icc != null)
            {
                LastField55 = (byte[])icc.Clone();
            }

            string entry = m.GetString(22);
            bool chip = entry != null && (entry.StartsWith("05") || entry.StartsWith("07"));
            if (icc == null)
            {
                return chip ? Decline(FormatError) : null;
            }

            string code = Verify(m, icc);
            if (code != null)
            {
                return Decline(code);
            }

            Verified++;
            return null;
        }

        private string Decline(string code)
        {
            Declined++;
            return code;
        }

        private string Verify(IsoMessage m, byte[] icc)
        {
            Dictionary<uint, byte[]> tags = TopLevel(icc);
            string pan = PanOf(m);
            if (tags == null || pan == null
                || !tags.TryGetValue(0x9F26, out byte[] arqc) || arqc.Length != 8
                || !tags.TryGetValue(0x9F36, out byte[] atc) || atc.Length != 2
                || !tags.TryGetValue(0x82, out byte[] aip) || aip.Length != 2
                || !tags.TryGetValue(0x9F10, out byte[] iad) || iad.Length < 3 || iad[2] != TestIssuer.CryptogramVersion)
            {
                return CardAuthenticationFailed;
            }

            foreach (var (tag, length) in TestIssuer.TerminalTags)
            {
                if (!tags.TryGetValue(tag, out byte[] v) || v.Length != length)
                {
                    return CardAuthenticationFailed;
                }
            }

            // The card's decision: only an ARQC (9F27 bits 8-7 = 10) asks the issuer to authorise; a TC
            // or an AAC sent online is a terminal that ignored what the card said.
            if (!tags.TryGetValue(0x9F27, out byte[] cid) || cid.Length != 1 || (cid[0] & 0xC0) != 0x80)
            {
                return CardAuthenticationFailed;
            }

            // The cryptogram covers 9F02 and 5F2A: the amount and currency the request asks for must be
            // those the card signed, or the terminal is charging something the cardholder never tapped for.
            string amount = m.GetString(4);
            if (amount != null && amount != Convert.ToHexString(tags[0x9F02]))
            {
                return CardAuthenticationFailed;
            }

            string currency = m.GetString(49);
            if (currency != null && currency.PadLeft(4, '0') != Convert.ToHexString(tags[0x5F2A]))
            {
                return CardAuthenticationFailed;
            }

            int psn = PsnOf(m);
            int counter = (atc[0] << 8) | atc[1];
            byte[] data = TestIssuer.SignedData(t => tags[t], aip, atc, iad);
            byte[] expected = TestIssuer.Arqc(_masterKey, pan, psn, counter, data);
            if (!Same(expected, arqc))
            {
                return CardAuthenticationFailed;
            }

            // Only a genuine cryptogram moves the counter: a forged one must not burn the card's next ATC.
            string card = pan + "/" + psn;
            if (_lastAtc.TryGetValue(card, out int last) && counter <= last)
            {
                return CardAuthenticationFailed;
            }

            _lastAtc[card] = counter;
            return null;
        }

        private static string PanOf(IsoMessage m)
        {
            string pan = m.GetString(2);
            if (pan != null)
            {
                return pan;
            }

            string track2 = m.GetString(35);
            int separator = track2 == null ? -1 : track2.IndexOfAny(new[] { '=', 'D' });
            return separator > 0 ? track2.Substring(0, separator) : null;
        }

        private static int PsnOf(IsoMessage m)
        {
            string f23 = m.GetString(23);
            return f23 == null || f23.Length == 0 || !Digits.AreAll(f23) ? 0 : (int)(Digits.Parse(f23, 0, f23.Length) % 100);
        }

        private static bool Same(byte[] a, byte[] b)
        {
            int diff = a.Length ^ b.Length;
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                diff |= a[i] ^ b[i];
            }

            return diff == 0;
        }

        /// <summary>The top-level TLVs of field 55 (BER-TLV, EMV Book 3 Annex B), or null when malformed or repeated.</summary>
        public static Dictionary<uint, byte[]> TopLevel(byte[] data)
        {
            var tags = new Dictionary<uint, byte[]>();
            int p = 0;
            while (p < data.Length)
            {
                if (data[p] == 0x00 || data[p] == 0xFF)
                {
                    // Padding between objects is allowed by Annex B, but a field 55 of nothing but padding carries nothing.
                    p++;
                    continue;
                }

                uint tag = data[p++];
                if ((tag & 0x1F) == 0x1F)
                {
                    for (int i = 0; ; i++)
                    {
                        if (p >= data.Length || i >= 3)
                        {
                            return null;
                        }

                        byte b = data[p++];
                        tag = (tag << 8) | b;
                        if ((b & 0x80) == 0)
                        {
                            break;
                        }
                    }
                }

                if (p >= data.Length)
                {
                    return null;
                }

                int length = data[p++];
                if (length == 0x81 || length == 0x82)
                {
                    int n = length - 0x80;
                    if (p + n > data.Length)
                    {
                        return null;
                    }

                    length = n == 1 ? data[p] : (data[p] << 8) | data[p + 1];
                    p += n;
                }
                else if (length > 0x7F)
                {
                    return null;
                }

                if (p + length > data.Length || tags.ContainsKey(tag))
                {
                    return null;
                }

                tags[tag] = data[p..(p + length)];
                p += length;
            }

            return tags;
        }
    }
}
