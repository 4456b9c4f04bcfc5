using PosFirmware.App.Engine;
using PosFirmware.Messaging.Host;

namespace PosFirmware.App.Ports
{
    /// <summary>The card readers (contactless and magstripe) behind one port.</summary>
    public interface ICardPort
    {
        /// <summary>
        /// Starts waiting for a tap or a swipe; one read must finish within readTimeoutMs. The amount
        /// and type go to a contactless card (GET PROCESSING OPTIONS); a swipe ignores them.
        /// </summary>
        void Start(int readTimeoutMs, long amountMinor, TransactionType type);

        /// <summary>Stops waiting (and switches the RF field off). Safe to call when idle.</summary>
        void Stop();

        /// <summary>Never blocks: Read fills card; Failed sets outcomeCode (card read error, removed, not supported, reader not answering).</summary>
        CardPoll Poll(CardData card, out int outcomeCode);
    }
}
