namespace PosFirmware.Drivers.Magstripe
{
    /// <summary>What a good swipe carried (strings because the engine's CardData takes strings).</summary>
    public sealed class MsrSwipe
    {
        public string Pan { get; internal set; }

        /// <summary>YYMM.</summary>
        public string Expiry { get; internal set; }

        public string ServiceCode { get; internal set; }

        /// <summary>Track 2 data between the sentinels, '=' as separator (ISO 8583 field 35).</summary>
        public string Track2 { get; internal set; }

        /// <summary>The cardholder name from track 1, or null.</summary>
        public string Name { get; internal set; }

        /// <summary>The service code says the card has a chip (2xx, 6xx).</summary>
        public bool HasChip { get; internal set; }

        public void Clear()
        {
            Pan = null;
            Expiry = null;
            ServiceCode = null;
            Track2 = null;
            Name = null;
            HasChip = false;
        }
    }
}
