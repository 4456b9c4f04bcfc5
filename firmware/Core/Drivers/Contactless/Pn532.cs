using PosFirmware.Hal;

namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// A PN532 on a UART in HSU mode (115 200 8N1), one command at a time, never blocking: Begin sends a
    /// command, Poll moves it on and says where it stands. Per UM0701-02 section 6.2: the chip ACKs a good
    /// frame, then answers; a frame the host could not read is asked for again with a NACK; an ACK from
    /// the host aborts a command still running. Here:
    /// - no ACK within AckTimeoutMs: the command is sent once more (a byte lost on the line), then NoAnswer;
    /// - an answer with a bad checksum: NACK, at most MaxNacks times, then BadFrame;
    /// - no answer by the caller's deadline: the command is aborted with an ACK, Timeout;
    /// - bytes that are no frame are skipped and counted; the receive buffer is bounded.
    /// The first command after power-on (or after NoAnswer) is preceded by the HSU wake-up preamble
    /// (UM0701 section 7.2.11: 55 55 then zeros), because the chip may be in power-down.
    /// </summary>
    public sealed class Pn532
    {
        public const int BaudRate = 115200;
        public const int AckTimeoutMs = 30;
        public const int MaxRetransmits = 1;
        public const int MaxNacks = 2;
        public const int MaxDataBytes = 262;
        public const int MaxBytesPerPoll = 128;

        private static readonly byte[] WakePreamble =
        {
            0x55, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        };

        private readonly ISerialPort _port;
        private readonly IClock _clock;
        private readonly byte[] _tx = new byte[Pn532Frame.SizeOf(MaxDataBytes)];
        private readonly byte[] _rx = PosFirmware.Security.SecretBuffers.New(Pn532Frame.MaxPayload + 16);
        private int _txCount;
        private int _rxCount;
        private byte _command;
        private int _responseTimeoutMs;
        private Deadline _deadline = Deadline.Never;
        private Pn532Status _status = Pn532Status.Idle;
        private bool _acked;
        private bool _awake;
        private int _retransmits;
        private int _nacks;
        private int _responseOffset;
        private int _responseLength;

        public Pn532(ISerialPort port, IClock clock)
        {
            _port = port;
            _clock = clock;
        }

        /// <summary>The answer's data (after D5 and the response code), valid after Poll returned Ok until the next Begin.</summary>
        public byte[] Response
        {
            get { return _rx; }
        }

        public int ResponseOffset
        {
            get { return _responseOffset; }
        }

        public int ResponseLength
        {
            get { return _responseLength; }
        }

        public bool IsBusy
        {
            get { return _status == Pn532Status.Busy; }
        }

        /// <summary>Bytes skipped because they were no frame (line noise, a half frame after a reset).</summary>
        public long GarbageBytes { get; private set; }

        public long Retransmits { get; private set; }

        public long NacksSent { get; private set; }

        /// <summary>Sends command + data[offset .. offset+count); the answer must come within responseTimeoutMs of the ACK.</summary>
        public Pn532Status Begin(byte command, byte[] data, int offset, int count, int responseTimeoutMs)
        {
            if (count > MaxDataBytes)
            {
                throw new System.ArgumentOutOfRangeException("count");
            }

            if (_status == Pn532Status.Busy)
            {
                Abort();
            }

            // Whatever is left from an earlier exchange is stale, and may be card data (I7): clear it.
            _port.DiscardInBuffer();
            System.Array.Clear(_rx, 0, _rx.Length);
            _rxCount = 0;
            _command = command;
            _responseTimeoutMs = responseTimeoutMs;
            _txCount = Pn532Frame.Build(command, data, offset, count, _tx, 0);
            _retransmits = 0;
            _nacks = 0;
            _responseLength = 0;
            if (!_awake)
            {
                if (_port.Write(WakePreamble, 0, WakePreamble.Length) != SerialStatus.Ok)
                {
                    return _status = Pn532Status.PortError;
                }

                _awake = true;
            }

            return Send();
        }

        /// <summary>Aborts a running command (an ACK frame, UM0701 6.2.1.3) and forgets it.</summary>
        public void Abort()
        {
            if (_status == Pn532Status.Busy)
            {
                _port.Write(Pn532Frame.AckFrame, 0, Pn532Frame.AckFrame.Length);
            }

            _status = Pn532Status.Idle;
            _rxCount = 0;
        }

        /// <summary>Reads what arrived and moves the command on. Never blocks.</summary>
        public Pn532Status Poll()
        {
            if (_status != Pn532Status.Busy)
            {
                return _status;
            }

            int room = _rx.Length - _rxCount;
            if (room == 0)
            {
                // A full buffer with no frame in it is noise: drop it all.
                GarbageBytes += _rxCount;
                _rxCount = 0;
                room = _rx.Length;
            }

            _rxCount += _port.Read(_rx, _rxCount, room < MaxBytesPerPoll ? room : MaxBytesPerPoll);
            for (int guard = 0; guard < 8 && _status == Pn532Status.Busy && _rxCount > 0; guard++)
            {
                if (!TakeFrame())
                {
                    break;
                }
            }

            if (_status == Pn532Status.Busy && _deadline.HasExpired(_clock.NowMs))
            {
                Expired();
            }

            return _status;
        }

        private Pn532Status Send()
        {
            _acked = false;
            _deadline = Deadline.After(_clock, AckTimeoutMs);
            if (_port.Write(_tx, 0, _txCount) != SerialStatus.Ok)
            {
                return _status = Pn532Status.PortError;
            }

            return _status = Pn532Status.Busy;
        }

        private void Expired()
        {
            if (!_acked && _retransmits < MaxRetransmits)
            {
                _retransmits++;
                Retransmits++;
                Send();
                return;
            }

            if (!_acked)
            {
                // Asleep or reset: wake it again before the next command.
                _awake = false;
                _status = Pn532Status.NoAnswer;
                return;
            }

            Abort();
            _status = Pn532Status.Timeout;
        }

        /// <summary>Handles one frame (or skips garbage) at the head of the buffer; false when more bytes are needed.</summary>
        private bool TakeFrame()
        {
            int consumed, payloadOffset, payloadLength;
            Pn532FrameStatus f = Pn532Frame.Parse(_rx, 0, _rxCount, out consumed, out payloadOffset, out payloadLength);
            switch (f)
            {
                case Pn532FrameStatus.Incomplete:
                    return false;
                case Pn532FrameStatus.Garbage:
                    GarbageBytes += consumed;
                    break;
                case Pn532FrameStatus.Ack:
                    if (!_acked)
                    {
                        _acked = true;
                        _deadline = Deadline.After(_clock, _responseTimeoutMs);
                    }

                    break;
                case Pn532FrameStatus.Nack:
                    _port.Write(_tx, 0, _txCount);
                    break;
                case Pn532FrameStatus.Error:
                    _status = Pn532Status.ChipError;
                    break;
                case Pn532FrameStatus.BadLengthChecksum:
                case Pn532FrameStatus.BadDataChecksum:
                    if (_nacks >= MaxNacks)
                    {
                        Abort();
                        _status = Pn532Status.BadFrame;
                        return false;
                    }

                    _nacks++;
                    NacksSent++;
                    Drop(consumed);
                    SkipRestOfFrame();
                    _port.Write(Pn532Frame.NackFrame, 0, Pn532Frame.NackFrame.Length);
                    _deadline = Deadline.After(_clock, _responseTimeoutMs);
                    return false;
                default:
                    if (payloadLength >= 2 && _rx[payloadOffset] == Pn532Frame.Pn532ToHost && _rx[payloadOffset + 1] == (byte)(_command + 1))
                    {
                        // The answer counts even if its ACK was lost on the way.
                        _acked = true;
                        _responseOffset = payloadOffset + 2;
                        _responseLength = payloadLength - 2;
                        _status = Pn532Status.Ok;

                        // Leave the answer where it is: Response points into the buffer.
                        return false;
                    }

                    GarbageBytes += consumed;
                    break;
            }

            Drop(consumed);
            return true;
        }

        /// <summary>After a bad frame its remaining bytes are still coming: drop what is here and what arrives with it.</summary>
        private void SkipRestOfFrame()
        {
            GarbageBytes += _rxCount;
            _rxCount = 0;
            _port.DiscardInBuffer();
        }

        private void Drop(int count)
        {
            if (count <= 0)
            {
                return;
            }

            if (count > _rxCount)
            {
                count = _rxCount;
            }

            System.Array.Copy(_rx, count, _rx, 0, _rxCount - count);
            _rxCount -= count;
        }
    }
}
