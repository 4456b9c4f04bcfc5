using PosFirmware.Devices;
using PosFirmware.Messaging.Host;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// How the card was read, in the host's words: a reader's CardEntry becomes the entry mode of
    /// field 22 (PAYMENTS.md section 3), which requests, records and slips carry.
    /// </summary>
    public static class EntryModes
    {
        /// <summary>The host's entry mode for a reader's entry; 0 (no mode) for no card read.</summary>
        public static PosEntryMode Of(CardEntry entry)
        {
            switch (entry)
            {
                case CardEntry.Swipe:
                    return PosEntryMode.Swipe;
                case CardEntry.Contactless:
                    return PosEntryMode.Contactless;
                default:
                    // What a cleared card has always carried: records of a flow without a card keep it.
                    return 0;
            }
        }
    }
}
