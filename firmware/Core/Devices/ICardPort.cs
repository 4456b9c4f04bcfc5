namespace PosFirmware.Devices
{
    /// <summary>The card readers (contactless and magstripe) behind one port.</summary>
    public interface ICardPort
    {
        /// <summary>
        /// Starts waiting for a tap or a swipe; one read must finish within readTimeoutMs. The amount
        /// (9F02) and the EMV transaction type (9C: 00 goods and services, 03 pre-authorisation, 20
        /// refund, 31 balance) go to a contactless card (GET PROCESSING OPTIONS); a swipe ignores them.
        /// </summary>
        void Start(int readTimeoutMs, long amountMinor, byte emvTransactionType);

        /// <summary>Stops waiting (and switches the RF field off). Safe to call when idle.</summary>
        void Stop();

        /// <summary>Never blocks: Read fills card; Failed says why in failure (None otherwise).</summary>
        CardPoll Poll(CardData card, out CardReadStatus failure);
    }
}
