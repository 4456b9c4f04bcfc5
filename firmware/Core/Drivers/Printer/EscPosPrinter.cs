using PosFirmware.Devices;
using PosFirmware.Hal;

namespace PosFirmware.Drivers.Printer
{
    /// <summary>
    /// A 58 mm ESC/POS thermal printer on a UART (IPrinterPort). Jobs print in order, one line per
    /// step: the line's bytes, then a real-time status query (DLE EOT 2, answered at once even while
    /// printing) whose answer must come within StatusTimeoutMs. So paper running out mid-slip, an opened
    /// cover or a cutter error stops the job within a line, and a printer that does not answer is found
    /// within a deadline: no wait is without one. Results come back through TryTakeResult as a
    /// PrinterStatus (printed, out of paper, cover open, jammed, not answering); the merchant reprints
    /// from the menu.
    /// </summary>
    public sealed class EscPosPrinter : IPrinterPort
    {
        public const int StatusTimeoutMs = 500;
        public const int StatusRetries = 1;
        public const int MaxJobs = 4;
        public const int MaxLinesPerJob = 64;
        public const int FeedLinesBeforeCut = 4;

        private const int StepIdle = 0;
        private const int StepStart = 1;
        private const int StepLine = 2;
        private const int StepCut = 3;
        private const int StepWaitStatus = 4;

        private readonly ISerialPort _port;
        private readonly IClock _clock;
        private readonly SlipLayout _layout = new SlipLayout();
        private readonly byte[] _out = new byte[SlipLayout.MaxLineBytes];
        private readonly byte[] _query = { EscPos.Dle, EscPos.Eot, EscPos.StatusOffline };
        private readonly byte[] _in = new byte[16];
        private readonly string[][] _jobs = new string[MaxJobs][];
        private int _head;
        private int _count;
        private int _step = StepIdle;
        private int _afterStatus;
        private int _line;
        private int _retries;
        private bool _finished;
        private PrinterStatus _result;
        private int _refused;
        private Deadline _statusDeadline = Deadline.Never;

        public EscPosPrinter(ISerialPort port, IClock clock)
        {
            _port = port;
            _clock = clock;
        }

        /// <summary>Bytes sent to the printer, for the benchmark.</summary>
        public long BytesSent { get; private set; }

        /// <summary>The last status byte (DLE EOT 2), for the self-test.</summary>
        public int LastStatus { get; private set; }

        public void Print(string[] lines)
        {
            if (_count == MaxJobs || lines == null)
            {
                // More jobs than a terminal ever queues: refuse it in order, after those queued.
                _refused++;
                return;
            }

            _jobs[(_head + _count) % MaxJobs] = lines;
            _count++;
        }

        public bool TryTakeResult(out PrinterStatus status)
        {
            status = PrinterStatus.Printed;
            if (_count == 0)
            {
                if (_refused > 0)
                {
                    _refused--;
                    status = PrinterStatus.Jammed;
                    return true;
                }

                return false;
            }

            if (_step == StepIdle)
            {
                Begin();
            }

            // Several cheap steps per poll, but each line waits for its status answer.
            for (int guard = 0; guard < 4 && !_finished; guard++)
            {
                if (!Step())
                {
                    break;
                }
            }

            if (!_finished)
            {
                return false;
            }

            status = _result;
            _jobs[_head] = null;
            _head = (_head + 1) % MaxJobs;
            _count--;
            _finished = false;
            _step = StepIdle;
            return true;
        }

        private void Begin()
        {
            _line = 0;
            _finished = false;
            _port.DiscardInBuffer();
            if (!Send(EscPos.Initialize, EscPos.Initialize.Length))
            {
                return;
            }

            Query(StepStart);
        }

        /// <summary>One step; false when waiting.</summary>
        private bool Step()
        {
            switch (_step)
            {
                case StepWaitStatus:
                    return TakeStatus();
                case StepStart:
                case StepLine:
                    string[] job = _jobs[_head];
                    if (_line >= job.Length || _line >= MaxLinesPerJob)
                    {
                        byte[] feed = { EscPos.Esc, EscPos.FeedLines, FeedLinesBeforeCut };
                        if (Send(feed, feed.Length) && Send(EscPos.FeedAndCut, EscPos.FeedAndCut.Length))
                        {
                            Query(StepCut);
                        }

                        return true;
                    }

                    int n = _layout.Render(job[_line], _out);
                    _line++;
                    bool sent = Send(_out, n);
                    System.Array.Clear(_out, 0, n);
                    if (sent)
                    {
                        Query(StepLine);
                    }

                    return true;
                case StepCut:
                    Finished(PrinterStatus.Printed);
                    return false;
                default:
                    return false;
            }
        }

        private bool Send(byte[] data, int count)
        {
            if (_port.Write(data, 0, count) != SerialStatus.Ok)
            {
                Finished(PrinterStatus.NotAnswering);
                return false;
            }

            BytesSent += count;
            return true;
        }

        private void Query(int next)
        {
            _afterStatus = next;
            _retries = 0;
            if (Send(_query, _query.Length))
            {
                _step = StepWaitStatus;
                _statusDeadline = Deadline.After(_clock, StatusTimeoutMs);
            }
        }

        private bool TakeStatus()
        {
            int got = _port.Read(_in, 0, _in.Length);
            for (int i = 0; i < got; i++)
            {
                byte b = _in[i];
                if ((b & EscPos.StatusFixedMask) != EscPos.StatusFixedBits)
                {
                    continue;
                }

                LastStatus = b;
                PrinterStatus fault = FaultOf(b);
                if (fault != PrinterStatus.Printed)
                {
                    Finished(fault);
                    return false;
                }

                _step = _afterStatus;
                return true;
            }

            if (_statusDeadline.HasExpired(_clock.NowMs))
            {
                if (_retries < StatusRetries && Send(_query, _query.Length))
                {
                    _retries++;
                    _statusDeadline = Deadline.After(_clock, StatusTimeoutMs);
                    return false;
                }

                Finished(PrinterStatus.NotAnswering);
            }

            return false;
        }

        private void Finished(PrinterStatus status)
        {
            _result = status;
            _finished = true;
        }

        /// <summary>The fault a DLE EOT 2 answer means, or Printed when the printer is fine.</summary>
        public static PrinterStatus FaultOf(byte offlineStatus)
        {
            if ((offlineStatus & EscPos.OfflineCoverOpen) != 0)
            {
                return PrinterStatus.CoverOpen;
            }

            if ((offlineStatus & EscPos.OfflinePaperEnd) != 0)
            {
                return PrinterStatus.OutOfPaper;
            }

            if ((offlineStatus & EscPos.OfflineError) != 0)
            {
                return PrinterStatus.Jammed;
            }

            return PrinterStatus.Printed;
        }
    }
}
