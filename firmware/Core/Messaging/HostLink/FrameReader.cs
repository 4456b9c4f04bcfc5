using System;

namespace PosFirmware.Messaging.HostLink
{
    /// <summary>
    /// Reassembles length-prefixed frames from a TCP byte stream however it is chunked, into one
    /// buffer allocated once (MaxFrameBytes). Feed consumes bytes up to the end of the current
    /// frame and stops there, so bytes of the next frame stay with the caller. A length that is
    /// too large or too small means the stream cannot be trusted any more: the reader says so and
    /// the caller closes the connection (a TCP stream has no way to resynchronise).
    /// </summary>
    public sealed class FrameReader
    {
        private readonly FramingProfile _profile;
        private readonly byte[] _body;
        private int _lengthBytesSeen;
        private int _expected;
        private int _received;

        public FrameReader(FramingProfile profile)
        {
            _profile = profile;
            _body = new byte[profile.MaxFrameBytes];
        }

        public FrameStatus Status { get; private set; }

        /// <summary>The frame body (TPDU, header, message) when Ready.</summary>
        public byte[] Body
        {
            get { return _body; }
        }

        /// <summary>Bytes of the frame body when Ready.</summary>
        public int BodyLength
        {
            get { return Status == FrameStatus.Ready ? _expected : 0; }
        }

        /// <summary>Where the ISO 8583 message starts inside Body.</summary>
        public int MessageOffset
        {
            get { return _profile.PrefixBytes; }
        }

        /// <summary>The ISO 8583 message's length when Ready.</summary>
        public int MessageLength
        {
            get { return Status == FrameStatus.Ready ? _expected - _profile.PrefixBytes : 0; }
        }

        /// <summary>Takes bytes from data; returns how many it consumed (0 once Ready or failed).</summary>
        public int Feed(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            int used = 0;
            while (used < count && Status == FrameStatus.NeedMore)
            {
                if (_lengthBytesSeen < 2)
                {
                    _expected = (_expected << 8) | data[offset + used++];
                    _lengthBytesSeen++;
                    if (_lengthBytesSeen == 2)
                    {
                        if (_expected > _profile.MaxFrameBytes)
                        {
                            Status = FrameStatus.TooLarge;
                        }
                        else if (_expected < _profile.MinFrameBytes)
                        {
                            Status = FrameStatus.TooShort;
                        }
                    }

                    continue;
                }

                // No Math.Min: it is internal in nanoFramework's mscorlib.
                int n = count - used < _expected - _received ? count - used : _expected - _received;
                Array.Copy(data, offset + used, _body, _received, n);
                _received += n;
                used += n;
                if (_received == _expected)
                {
                    Status = FrameStatus.Ready;
                }
            }

            return used;
        }

        /// <summary>Starts the next frame (after taking a Ready one, or after reconnecting).</summary>
        public void Reset()
        {
            Array.Clear(_body, 0, _received);
            Status = FrameStatus.NeedMore;
            _lengthBytesSeen = 0;
            _expected = 0;
            _received = 0;
        }
    }
}
