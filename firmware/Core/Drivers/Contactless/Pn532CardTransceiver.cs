namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// ICardTransceiver over a PN532's InDataExchange with target 1 (UM0701-02 section 7.3.8): the
    /// answer's status byte says whether the card answered (00), timed out (01: gone or mute) or the
    /// radio link failed (any other error code).
    /// </summary>
    public sealed class Pn532CardTransceiver : ICardTransceiver
    {
        private const byte Target = 0x01;

        private readonly Pn532 _chip;
        private readonly byte[] _command = PosFirmware.Security.SecretBuffers.New(1 + EmvReadFlow.MaxApduBytes);
        private int _offset;
        private int _length;

        public Pn532CardTransceiver(Pn532 chip)
        {
            _chip = chip;
        }

        public byte[] Response
        {
            get { return _chip.Response; }
        }

        public int ResponseOffset
        {
            get { return _offset; }
        }

        public int ResponseLength
        {
            get { return _length; }
        }

        public void Send(byte[] apdu, int length, int timeoutMs)
        {
            _command[0] = Target;
            System.Array.Copy(apdu, 0, _command, 1, length);
            _length = 0;
            _chip.Begin(Pn532Command.InDataExchange, _command, 0, length + 1, timeoutMs);

            // The frame is built: the APDU (card data) need not stay here.
            System.Array.Clear(_command, 0, length + 1);
        }

        public TransceiveStatus Poll()
        {
            Pn532Status s = _chip.Poll();
            if (s == Pn532Status.Busy)
            {
                return TransceiveStatus.Pending;
            }

            if (s == Pn532Status.Timeout)
            {
                return TransceiveStatus.CardGone;
            }

            if (s != Pn532Status.Ok || _chip.ResponseLength < 1)
            {
                return TransceiveStatus.Failed;
            }

            int status = _chip.Response[_chip.ResponseOffset] & Pn532Command.StatusErrorMask;
            if (status == Pn532Command.StatusTimeout)
            {
                return TransceiveStatus.CardGone;
            }

            if (status != 0)
            {
                return TransceiveStatus.Failed;
            }

            _offset = _chip.ResponseOffset + 1;
            _length = _chip.ResponseLength - 1;
            return TransceiveStatus.Answered;
        }

        public void Abort()
        {
            _chip.Abort();
        }
    }
}
