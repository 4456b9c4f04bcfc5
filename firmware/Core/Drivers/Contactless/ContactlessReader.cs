using PosFirmware.Devices;
using PosFirmware.Hal;
using PosFirmware.Messaging.Emv;

namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// The contactless reader: a PN532 finding an ISO/IEC 14443-4 type A card and the EMV read flow
    /// talking to it through InDataExchange. Everything is one state machine moved on by Poll, one PN532
    /// command at a time, each with its deadline; the read of a card must finish within the read timeout.
    ///   Setup:   GetFirmwareVersion (it is a PN532: IC 0x32), SAMConfiguration (normal mode),
    ///            RFConfiguration MaxRetries (a poll ends by itself)
    ///   Polling: InListPassiveTarget every PollIntervalMs until a card answers
    ///   Reading: the flow's APDUs through the card transceiver (Pn532CardTransceiver: InDataExchange,
    ///            status 01 = the card left the field); the flow itself knows no reader
    ///   Release: InRelease, then the result (card data or a CardReadStatus)
    /// Failures (CardReadStatus): the chip not answering -> ReaderNotAnswering (set up again next time); card gone ->
    /// Removed; not a payment card / no accepted AID / 6985 -> NotSupported; anything else
    /// the card did wrong -> ReadError.
    /// </summary>
    public sealed class ContactlessReader
    {
        public const int SetupTimeoutMs = 100;
        public const int PollTimeoutMs = 300;
        public const int ApduTimeoutMs = 1000;
        public const int PollIntervalMs = 100;
        public const int MaxPollFailures = 3;

        /// <summary>Passive activation retries per InListPassiveTarget (RFConfiguration item 5): about 10 ms each.</summary>
        public const byte PassiveActivationRetries = 0x08;

        private const int StateOff = 0;
        private const int StateSam = 1;
        private const int StateRfConfig = 2;
        private const int StatePollWait = 3;
        private const int StatePoll = 4;
        private const int StateExchange = 5;
        private const int StateRelease = 6;
        private const int StateFieldOff = 7;
        private const int StateFirmware = 8;

        /// <summary>GetFirmwareVersion's IC byte for a PN532 (UM0701 7.2.2).</summary>
        public const byte Pn532Ic = 0x32;

        private static readonly byte[] NoData = new byte[0];
        private static readonly byte[] SamNormal = { 0x01, 0x14, 0x00 };
        private static readonly byte[] MaxRetriesConfig = { Pn532Command.ConfigMaxRetries, 0xFF, 0x01, PassiveActivationRetries };
        private static readonly byte[] FieldOff = { 0x01, 0x00 };
        private static readonly byte[] ListOneTypeA = { 0x01, Pn532Command.TypeA106 };
        private static readonly byte[] ReleaseTarget = { 0x01 };

        private readonly Pn532 _chip;
        private readonly IClock _clock;
        private readonly IWallClock _wall;
        private readonly IRandomSource _random;
        private readonly ContactlessSettings _settings;
        private readonly TagStore _tags = new TagStore(40, 512);
        private readonly EmvReadFlow _flow;
        private readonly ICardTransceiver _card;
        private readonly byte[] _apdu = PosFirmware.Security.SecretBuffers.New(EmvReadFlow.MaxApduBytes);
        private readonly byte[] _scratch = PosFirmware.Security.SecretBuffers.New(ContactlessCardData.MaxField55Bytes + 32);
        private readonly byte[] _value = new byte[8];
        private int _state = StateOff;
        private bool _configured;
        private bool _reading;
        private int _readTimeoutMs;
        private Deadline _readDeadline = Deadline.Never;
        private Deadline _nextPoll = Deadline.Never;
        private int _pollFailures;
        private CardReadStatus _resultFailure;
        private bool _resultReady;
        private bool _resultRead;
        private long _amountMinor;
        private byte _emvTransactionType;
        private long _sequence;

        public ContactlessReader(Pn532 chip, IClock clock, IWallClock wall, IRandomSource random, ContactlessSettings settings)
        {
            _chip = chip;
            _clock = clock;
            _wall = wall;
            _random = random;
            _settings = settings;
            _flow = new EmvReadFlow(_tags, settings.AcceptedAids);
            _card = new Pn532CardTransceiver(chip);
            PosFirmware.Security.SecretBuffers.Held(_tags.Pool);
        }

        /// <summary>The PN532's firmware version and revision (e.g. 0x0106 for 1.6) once set up; 0 before.</summary>
        public int FirmwareVersion { get; private set; }

        /// <summary>APDUs the last read took.</summary>
        public int LastApdus { get; private set; }

        public bool IsReading
        {
            get { return _reading; }
        }

        public void Start(int readTimeoutMs, long amountMinor, byte emvTransactionType)
        {
            _reading = true;
            _readTimeoutMs = readTimeoutMs;
            _amountMinor = amountMinor;
            _emvTransactionType = emvTransactionType;
            _resultReady = false;
            _pollFailures = 0;
            _nextPoll = Deadline.Never;
            if (!_chip.IsBusy)
            {
                Begin(_configured ? StatePoll : StateFirmware);
            }
        }

        /// <summary>Stops reading: aborts what runs, forgets the card and switches the field off.</summary>
        public void Stop()
        {
            if (!_reading && _state == StateOff)
            {
                return;
            }

            _reading = false;
            _resultReady = false;
            _chip.Abort();
            WipeCardData();
            if (_configured)
            {
                Begin(StateFieldOff);
            }
            else
            {
                _state = StateOff;
            }
        }

        /// <summary>Moves the reader on; Read or Failed once per card.</summary>
        public CardPoll Poll(CardData card, out CardReadStatus failure)
        {
            failure = CardReadStatus.None;
            Step();
            if (!_resultReady)
            {
                return CardPoll.Nothing;
            }

            _resultReady = false;
            _reading = false;
            if (_resultRead && ContactlessCardData.Fill(_tags, card, _scratch))
            {
                WipeCardData();
                return CardPoll.Read;
            }

            WipeCardData();
            failure = _resultRead ? CardReadStatus.ReadError : _resultFailure;
            return CardPoll.Failed;
        }

        private void Step()
        {
            if (_state == StatePollWait)
            {
                if (_reading && _nextPoll.HasExpired(_clock.NowMs))
                {
                    Begin(StatePoll);
                }

                return;
            }

            if (_state == StateOff)
            {
                return;
            }

            if (_state == StateExchange)
            {
                StepExchange();
                return;
            }

            Pn532Status s = _chip.Poll();
            if (s == Pn532Status.Busy)
            {
                return;
            }

            if (s != Pn532Status.Ok)
            {
                Failed(s);
                return;
            }

            Answered(_chip.Response, _chip.ResponseOffset, _chip.ResponseLength);
        }

        private void Answered(byte[] r, int offset, int length)
        {
            switch (_state)
            {
                case StateFirmware:
                    if (length < 1 || r[offset] != Pn532Ic)
                    {
                        // Something answers, but not a PN532: the reader is not what the board expects.
                        Failed(Pn532Status.ChipError);
                        return;
                    }

                    FirmwareVersion = length >= 3 ? (r[offset + 1] << 8) | r[offset + 2] : 0;
                    Begin(StateSam);
                    return;
                case StateSam:
                    Begin(StateRfConfig);
                    return;
                case StateRfConfig:
                    _configured = true;
                    Begin(_reading ? StatePoll : StateOff);
                    return;
                case StatePoll:
                    _pollFailures = 0;
                    Listed(r, offset, length);
                    return;
                case StateRelease:
                    // The card is done with: report it and switch the field off (no second read, less power).
                    _resultReady = true;
                    Begin(StateFieldOff);
                    return;
                default:
                    AfterFieldOff();
                    return;
            }
        }

        /// <summary>The field is off; a Start that came meanwhile begins now.</summary>
        private void AfterFieldOff()
        {
            _state = StateOff;
            if (_reading)
            {
                Begin(_configured ? StatePoll : StateFirmware);
            }
        }

        private void Listed(byte[] r, int offset, int length)
        {
            if (!_reading)
            {
                _state = StateOff;
                return;
            }

            if (length < 1 || r[offset] == 0)
            {
                _state = StatePollWait;
                _nextPoll = Deadline.After(_clock, PollIntervalMs);
                return;
            }

            // Tg, SENS_RES (2), SEL_RES, NFCIDLength, NFCID1 ... (UM0701 7.3.5). SEL_RES bit 6 (0x20):
            // the card speaks ISO/IEC 14443-4, which every payment card does.
            if (length < 6 || (r[offset + 4] & 0x20) == 0)
            {
                Finish(false, CardReadStatus.NotSupported);
                return;
            }

            PrepareTerminalData();
            _readDeadline = Deadline.After(_clock, _readTimeoutMs);
            LastApdus = 1;
            int n = _flow.Start(_apdu);
            Exchange(n);
        }

        /// <summary>The card's side of the read: one APDU at a time through the transceiver.</summary>
        private void StepExchange()
        {
            if (_readDeadline.HasExpired(_clock.NowMs))
            {
                _card.Abort();
                Finish(false, CardReadStatus.ReadError);
                return;
            }

            TransceiveStatus t = _card.Poll();
            if (t == TransceiveStatus.Pending)
            {
                return;
            }

            if (t != TransceiveStatus.Answered)
            {
                _card.Abort();
                Finish(false, t == TransceiveStatus.CardGone ? CardReadStatus.Removed : CardReadStatus.ReadError);
                return;
            }

            int apduLength;
            EmvStep step = _flow.Next(_card.Response, _card.ResponseOffset, _card.ResponseLength, _apdu, out apduLength);
            if (step == EmvStep.SendApdu)
            {
                LastApdus++;
                Exchange(apduLength);
                return;
            }

            if (step == EmvStep.Done)
            {
                Finish(true, CardReadStatus.None);
                return;
            }

            EmvError e = _flow.Error;
            bool notSupported = e == EmvError.NoPpse || e == EmvError.NoSupportedAid || e == EmvError.ConditionsNotSatisfied;
            Finish(false, notSupported ? CardReadStatus.NotSupported : CardReadStatus.ReadError);
        }

        private void Exchange(int apduLength)
        {
            _state = StateExchange;
            _card.Send(_apdu, apduLength, ApduTimeoutMs);
        }

        private void Finish(bool read, CardReadStatus failure)
        {
            _resultRead = read;
            _resultFailure = failure;
            _state = StateRelease;
            _chip.Begin(Pn532Command.InRelease, ReleaseTarget, 0, ReleaseTarget.Length, SetupTimeoutMs);
        }

        private void Failed(Pn532Status s)
        {
            switch (_state)
            {
                case StateRelease:
                    // The card data is already decided; a lost release is harmless.
                    _resultReady = true;
                    Begin(StateFieldOff);
                    return;
                case StatePoll:
                    if (s == Pn532Status.Timeout && ++_pollFailures < MaxPollFailures)
                    {
                        _state = StatePollWait;
                        _nextPoll = Deadline.After(_clock, PollIntervalMs);
                        return;
                    }

                    break;
                case StateFieldOff:
                    AfterFieldOff();
                    return;
            }

            // The chip is not answering: report it and set it up again next time.
            _configured = false;
            _state = StateOff;
            if (_reading)
            {
                _resultRead = false;
                _resultFailure = CardReadStatus.ReaderNotAnswering;
                _resultReady = true;
            }
        }

        private void Begin(int state)
        {
            _state = state;
            switch (state)
            {
                case StateFirmware:
                    _chip.Begin(Pn532Command.GetFirmwareVersion, NoData, 0, 0, SetupTimeoutMs);
                    return;
                case StateSam:
                    _chip.Begin(Pn532Command.SamConfiguration, SamNormal, 0, SamNormal.Length, SetupTimeoutMs);
                    return;
                case StateRfConfig:
                    _chip.Begin(Pn532Command.RfConfiguration, MaxRetriesConfig, 0, MaxRetriesConfig.Length, SetupTimeoutMs);
                    return;
                case StatePoll:
                    _chip.Begin(Pn532Command.InListPassiveTarget, ListOneTypeA, 0, ListOneTypeA.Length, PollTimeoutMs);
                    return;
                case StateFieldOff:
                    _chip.Begin(Pn532Command.RfConfiguration, FieldOff, 0, FieldOff.Length, SetupTimeoutMs);
                    return;
            }
        }

        /// <summary>The terminal's values for the PDOL and field 55, fresh for each card.</summary>
        private void PrepareTerminalData()
        {
            _tags.Clear();
            _tags.Set(0x9F66, _settings.TerminalTransactionQualifiers, 0, _settings.TerminalTransactionQualifiers.Length);
            SetBcd(0x9F02, _amountMinor, 6);
            SetBcd(0x9F03, 0, 6);
            _tags.Set(0x9F1A, _settings.TerminalCountry, 0, _settings.TerminalCountry.Length);
            _tags.Set(0x5F2A, _settings.TransactionCurrency, 0, _settings.TransactionCurrency.Length);
            System.Array.Clear(_value, 0, _value.Length);
            _tags.Set(0x95, _value, 0, 5);
            // 9A and 9F21 are the terminal's local date and time; while the wall clock is not set they
            // are zeros, which no card or issuer reads as a date, rather than a plausible wrong one.
            System.DateTime utc = _wall.UtcNow;
            bool timeSet = Common.LocalClock.IsValid(_wall.IsSet, utc);
            System.DateTime local = Common.LocalClock.ToLocal(utc, _settings.UtcOffsetMinutes);
            SetBcd(0x9A, timeSet ? Common.LocalClock.YymmddNumber(local) : 0, 3);
            SetBcd(0x9F21, timeSet ? Common.LocalClock.HhmmssNumber(local) : 0, 3);
            _value[0] = _emvTransactionType;
            _tags.Set(0x9C, _value, 0, 1);
            _random.NextBytes(_value, 0, 4);
            _tags.Set(0x9F37, _value, 0, 4);
            _tags.Set(0x9F33, _settings.TerminalCapabilities, 0, _settings.TerminalCapabilities.Length);
            _tags.Set(0x9F34, _settings.CvmResults, 0, _settings.CvmResults.Length);
            _value[0] = _settings.TerminalType;
            _tags.Set(0x9F35, _value, 0, 1);
            _tags.Set(0x9F1E, _settings.InterfaceDeviceSerial, 0, _settings.InterfaceDeviceSerial.Length);
            _tags.Set(0x9F09, _settings.ApplicationVersion, 0, _settings.ApplicationVersion.Length);
            _sequence = (_sequence + 1) % 100000000;
            SetBcd(0x9F41, _sequence, 4);
        }

        private void SetBcd(uint tag, long value, int bytes)
        {
            for (int i = bytes - 1; i >= 0; i--)
            {
                int lo = (int)(value % 10);
                value /= 10;
                int hi = (int)(value % 10);
                value /= 10;
                _value[i] = (byte)((hi << 4) | lo);
            }

            _tags.Set(tag, _value, 0, bytes);
        }

        /// <summary>
        /// Card data lives for one read (invariant I7): the tag pool (TagStore.Clear zeroes every byte
        /// it used) and the APDU buffer are wiped. The field 55 scratch is ContactlessCardData.Fill's,
        /// which leaves it zero whatever it returns; the PN532's receive buffer needs nothing here: every
        /// path to a result starts another command (InRelease, field off), and Begin zeroes it first.
        /// </summary>
        private void WipeCardData()
        {
            _tags.Clear();
            System.Array.Clear(_apdu, 0, _apdu.Length);
        }
    }
}
