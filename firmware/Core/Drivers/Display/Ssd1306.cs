using PosFirmware.Hal;

namespace PosFirmware.Drivers.Display
{
    /// <summary>
    /// An SSD1306 128x64 OLED over I2C (address 0x3C), in page addressing mode. Update sends only
    /// what changed: for each page whose bytes differ from what the panel shows, one command
    /// transfer placing the column pointer at the first changed column and one data transfer up to
    /// the last changed column. A failed transfer forgets what the panel shows, so the next update
    /// resends everything (an unplugged and replugged panel comes back whole).
    /// </summary>
    public sealed class Ssd1306
    {
        public const int Width = 128;
        public const int Height = 64;
        public const int Pages = 8;
        public const int DefaultAddress = 0x3C;

        // Datasheet section 10 plus the charge pump note: the order the "Software initialization"
        // flow chart of the application note gives, for a 128x64 panel on the internal charge pump.
        private static readonly byte[] InitSequence =
        {
            Ssd1306Command.CommandStream,
            Ssd1306Command.DisplayOff,
            Ssd1306Command.SetClock, 0x80,
            Ssd1306Command.SetMultiplex, Height - 1,
            Ssd1306Command.SetDisplayOffset, 0x00,
            Ssd1306Command.SetStartLine | 0,
            Ssd1306Command.ChargePump, Ssd1306Command.ChargePumpOn,
            Ssd1306Command.SetAddressingMode, Ssd1306Command.PageAddressing,
            Ssd1306Command.SegmentRemap,
            Ssd1306Command.ComScanRemapped,
            Ssd1306Command.SetComPins, 0x12,
            Ssd1306Command.SetContrast, 0xCF,
            Ssd1306Command.SetPrecharge, 0xF1,
            Ssd1306Command.SetVcomDeselect, 0x40,
            Ssd1306Command.ResumeFromRam,
            Ssd1306Command.NormalDisplay,
            Ssd1306Command.DeactivateScroll,
            Ssd1306Command.DisplayOn,
        };

        private readonly IRegisterBus _bus;
        private readonly byte[] _shown = new byte[Width * Pages];
        private readonly byte[] _command = new byte[4];
        private readonly byte[] _data = new byte[Width + 1];
        private bool _shownValid;
        private bool _initialized;

        public Ssd1306(IRegisterBus bus)
        {
            _bus = bus;
        }

        /// <summary>Bytes put on the I2C bus (control bytes included), for the benchmark.</summary>
        public long BytesSent { get; private set; }

        public bool IsInitialized
        {
            get { return _initialized; }
        }

        /// <summary>Sends the init sequence; the next Update writes the whole frame.</summary>
        public BusStatus Initialize()
        {
            _shownValid = false;
            BusStatus status = Send(InitSequence, InitSequence.Length);
            _initialized = status == BusStatus.Ok;
            return status;
        }

        /// <summary>Brings the panel to show frame, sending only the changed column span of each page.</summary>
        public BusStatus Update(PageCanvas frame)
        {
            if (!_initialized)
            {
                BusStatus init = Initialize();
                if (init != BusStatus.Ok)
                {
                    return init;
                }
            }

            byte[] bytes = frame.Bytes;
            for (int page = 0; page < Pages; page++)
            {
                int first = -1;
                int last = -1;
                for (int col = 0; col < Width; col++)
                {
                    int i = page * Width + col;
                    if (!_shownValid || bytes[i] != _shown[i])
                    {
                        if (first < 0)
                        {
                            first = col;
                        }

                        last = col;
                    }
                }

                if (first < 0)
                {
                    continue;
                }

                BusStatus status = WritePage(page, first, last, bytes);
                if (status != BusStatus.Ok)
                {
                    _shownValid = false;
                    _initialized = false;
                    return status;
                }
            }

            System.Array.Copy(bytes, _shown, _shown.Length);
            _shownValid = true;
            return BusStatus.Ok;
        }

        private BusStatus WritePage(int page, int first, int last, byte[] bytes)
        {
            _command[0] = Ssd1306Command.CommandStream;
            _command[1] = (byte)(Ssd1306Command.SetPageStart | page);
            _command[2] = (byte)(Ssd1306Command.SetLowerColumn | (first & 0x0F));
            _command[3] = (byte)(Ssd1306Command.SetHigherColumn | (first >> 4));
            BusStatus status = Send(_command, 4);
            if (status != BusStatus.Ok)
            {
                return status;
            }

            int count = last - first + 1;
            _data[0] = Ssd1306Command.DataStream;
            System.Array.Copy(bytes, page * Width + first, _data, 1, count);
            return Send(_data, count + 1);
        }

        private BusStatus Send(byte[] data, int count)
        {
            BusStatus status = _bus.Write(data, 0, count);
            if (status == BusStatus.Ok)
            {
                BytesSent += count;
            }

            return status;
        }
    }
}
