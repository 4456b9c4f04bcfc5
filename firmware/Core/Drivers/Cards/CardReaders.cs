using PosFirmware.Devices;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Drivers.Magstripe;

namespace PosFirmware.Drivers.Cards
{
    /// <summary>
    /// The terminal's card port: the contactless reader and the magstripe module behind one ICardPort.
    /// Both listen while reading; the first card (tap or swipe) is the one. A swipe made while not
    /// reading is forgotten at Start. Either part may be absent (null) on a board without it.
    /// </summary>
    public sealed class CardReaders : ICardPort
    {
        private readonly ContactlessReader _contactless;
        private readonly MsrReader _msr;
        private readonly MsrSwipe _swipe = new MsrSwipe();
        private bool _reading;

        public CardReaders(ContactlessReader contactless, MsrReader msr)
        {
            _contactless = contactless;
            _msr = msr;
        }

        /// <summary>The last magstripe refusal (for the self-test and logs).</summary>
        public MsrStatus LastSwipeStatus { get; private set; }

        public void Start(int readTimeoutMs, long amountMinor, byte emvTransactionType)
        {
            _reading = true;
            if (_msr != null)
            {
                _msr.Reset();
            }

            if (_contactless != null)
            {
                _contactless.Start(readTimeoutMs, amountMinor, emvTransactionType);
            }
        }

        public void Stop()
        {
            _reading = false;
            if (_contactless != null)
            {
                _contactless.Stop();
            }
        }

        public CardPoll Poll(CardData card, out CardReadStatus failure)
        {
            failure = CardReadStatus.None;
            if (_contactless != null)
            {
                CardPoll tap = _contactless.Poll(card, out failure);
                if (tap != CardPoll.Nothing)
                {
                    _reading = false;
                    return tap;
                }
            }

            if (_msr == null)
            {
                return CardPoll.Nothing;
            }

            MsrStatus status;
            if (!_msr.Poll(_swipe, out status) || !_reading)
            {
                return CardPoll.Nothing;
            }

            LastSwipeStatus = status;
            if (status != MsrStatus.Ok)
            {
                // A bad swipe ends this read with why (turn the card, or try again): the engine shows it.
                // The swipe is already empty: MsrReader and MsrParser leave it so on any status but Ok.
                failure = status == MsrStatus.Reversed ? CardReadStatus.SwipeReversed : CardReadStatus.ReadError;
                return CardPoll.Failed;
            }

            card.Clear();
            card.Entry = CardEntry.Swipe;
            card.Pan = _swipe.Pan;
            card.Expiry = _swipe.Expiry;
            card.Track2 = _swipe.Track2;
            _swipe.Clear();
            _reading = false;
            if (_contactless != null)
            {
                _contactless.Stop();
            }

            return CardPoll.Read;
        }
    }
}
