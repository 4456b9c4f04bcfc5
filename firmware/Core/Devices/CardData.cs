using PosFirmware.Security;

namespace PosFirmware.Devices
{
    /// <summary>
    /// What the reader got from a card, for one transaction only. The run loop and the engine
    /// each own one. The loop's is filled by the reader and wiped (Clear) right after the event is
    /// fed. The engine copies what it takes (CopyFrom, the EMV data into an array of its own), so no
    /// buffer is held by two owners; its copy outlives the read, since the request is built in a later
    /// step. The engine forgets the secrets (Forget: PAN, expiry, track 2, the EMV data zeroed) in the
    /// step that builds and seals the request, right after sealing (whether it sealed or not; for a
    /// sale approved offline, right after the advice is packed), and clears everything (Clear) when the
    /// flow ends or a new one starts (invariant I7). PAN, expiry and track 2 are immutable strings:
    /// sharing the reference is a copy, and forgetting drops the reference (a string cannot be
    /// zeroed); only the EMV data, a byte array, needs a copy of its own and a wipe.
    /// </summary>
    public sealed class CardData
    {
        /// <summary>The most EMV data a card read may carry (field 55 is LLLVAR, at most 255 here).</summary>
        public const int MaxIccBytes = 255;

        /// <summary>PAN lengths a card may carry (ISO/IEC 7812: 12 to 19 digits): the readers refuse others, the engine checks again.</summary>
        public const int MinPanDigits = 12;

        public const int MaxPanDigits = 19;

        /// <summary>How the card was read (the App maps it to the host's entry mode).</summary>
        public CardEntry Entry { get; set; }

        public string Pan { get; set; }

        /// <summary>YYMM, or null.</summary>
        public string Expiry { get; set; }

        /// <summary>Track 2 equivalent data with '=' as separator, or null.</summary>
        public string Track2 { get; set; }

        /// <summary>Card sequence number (5F34), or -1.</summary>
        public int CardSequence { get; set; }

        /// <summary>Field 55 (EMV data) as built by the contactless read flow, or null.</summary>
        public byte[] IccData { get; set; }

        /// <summary>The PAN as screens and slips may show it (set by CopyFrom; kept by Forget).</summary>
        public string MaskedPan { get; private set; }

        public CardData()
        {
            CardSequence = -1;
        }

        /// <summary>
        /// Takes source's values, the EMV data copied into an array this object owns (the source's
        /// owner may wipe or reuse its buffer at once). False, with nothing taken, when the EMV
        /// data is longer than MaxIccBytes.
        /// </summary>
        public bool CopyFrom(CardData source)
        {
            Clear();
            byte[] icc = source.IccData;
            if (icc != null && icc.Length > MaxIccBytes)
            {
                return false;
            }

            Entry = source.Entry;
            Pan = source.Pan;
            Expiry = source.Expiry;
            Track2 = source.Track2;
            CardSequence = source.CardSequence;
            MaskedPan = PanMask.Mask(source.Pan);
            if (icc != null)
            {
                // One array per read, exactly the field's length: IsoMessage takes a field's value whole.
                IccData = new byte[icc.Length];
                System.Array.Copy(icc, IccData, icc.Length);
            }

            return true;
        }

        /// <summary>
        /// Drops the card's secrets (PAN, expiry, track 2) and zeroes the EMV data; keeps the entry
        /// mode, the card sequence and the masked PAN that records and slips need.
        /// </summary>
        public void Forget()
        {
            Pan = null;
            Expiry = null;
            Track2 = null;
            if (IccData != null)
            {
                System.Array.Clear(IccData, 0, IccData.Length);
                IccData = null;
            }
        }

        public void Clear()
        {
            Forget();
            Entry = CardEntry.None;
            CardSequence = -1;
            MaskedPan = null;
        }
    }
}
