using PosFirmware.Messaging.Host;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// What the reader got from a card, for one transaction only: the engine drops it (Clear) when
    /// the request is built and when the transaction ends (invariant I7: no track data after).
    /// </summary>
    public sealed class CardData
    {
        public PosEntryMode Entry { get; set; }

        public string Pan { get; set; }

        /// <summary>YYMM, or null.</summary>
        public string Expiry { get; set; }

        /// <summary>Track 2 equivalent data with '=' as separator, or null.</summary>
        public string Track2 { get; set; }

        /// <summary>Card sequence number (5F34), or -1.</summary>
        public int CardSequence { get; set; }

        /// <summary>Field 55 (EMV data) as built by the contactless read flow, or null.</summary>
        public byte[] IccData { get; set; }

        public CardData()
        {
            CardSequence = -1;
        }

        public void Clear()
        {
            Pan = null;
            Expiry = null;
            Track2 = null;
            CardSequence = -1;
            if (IccData != null)
            {
                System.Array.Clear(IccData, 0, IccData.Length);
                IccData = null;
            }
        }
    }
}
