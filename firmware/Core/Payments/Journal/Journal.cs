using PosFirmware.Common;
using PosFirmware.Hal;

namespace PosFirmware.Payments.Journal
{
    /// <summary>
    /// The terminal's durable record of everything that must survive a power cut, on IFlashStore
    /// (ARCHITECTURE.md "Durability"). Each durable step is one open-append-close of a batch of small
    /// CRC-checked records; LittleFS makes the close atomic, so a cut leaves the file as it was
    /// before or after the step, never between. Compaction writes the state's records into the next
    /// generation's file ("jnl-00000002.tmp"), closes it, renames it ("jnl-00000002"), then deletes
    /// the old one: at every instant one complete generation exists, and Open keeps the highest
    /// complete one and deletes the rest. Open replays the records to the state's reader and skips
    /// what fails its CRC (a flipped bit), resynchronising on the next record that checks.
    /// </summary>
    public sealed class Journal
    {
        public const string NamePrefix = "jnl-";
        public const string TempSuffix = ".tmp";
        private const int GenerationDigits = 8;
        private const int CrcBytes = 4;

        private readonly IFlashStore _store;
        private readonly int _maxPayloadBytes;
        private readonly int _compactAtBytes;
        private readonly byte[] _readBuffer;

        /// <param name="maxPayloadBytes">The largest record payload; a longer length field marks a corrupt record.</param>
        /// <param name="compactAtBytes">File size at which NeedsCompaction turns true.</param>
        public Journal(IFlashStore store, int maxPayloadBytes, int compactAtBytes)
        {
            _store = store;
            _maxPayloadBytes = maxPayloadBytes;
            _compactAtBytes = compactAtBytes;
            _readBuffer = new byte[maxPayloadBytes + JournalBatch.OverheadBytes];
        }

        public bool IsOpen { get; private set; }

        /// <summary>The generation of the current file (1 for a new terminal).</summary>
        public int Generation { get; private set; }

        /// <summary>The current file's name.</summary>
        public string FileName
        {
            get { return Name(Generation); }
        }

        /// <summary>Durable bytes in the current file.</summary>
        public int FileBytes { get; private set; }

        /// <summary>Valid records replayed by the last Open.</summary>
        public int RecordsRecovered { get; private set; }

        /// <summary>Damaged stretches skipped by the last Open (each a torn or bit-flipped record).</summary>
        public int CorruptRegions { get; private set; }

        /// <summary>The flash status behind the last FlashError.</summary>
        public FlashStatus LastFlashStatus { get; private set; }

        /// <summary>True when the file has grown past the compaction size.</summary>
        public bool NeedsCompaction
        {
            get { return FileBytes >= _compactAtBytes; }
        }

        /// <summary>The largest payload a record may have.</summary>
        public int MaxPayloadBytes
        {
            get { return _maxPayloadBytes; }
        }

        public static string Name(int generation)
        {
            return NamePrefix + Digits.Pad(generation, GenerationDigits);
        }

        /// <summary>
        /// Recovery at power-on: picks the newest complete generation, deletes stale ones and
        /// unfinished compactions, and replays every valid record to reader, oldest first.
        /// </summary>
        public JournalStatus Open(IJournalReader reader)
        {
            IsOpen = false;
            RecordsRecovered = 0;
            CorruptRegions = 0;
            string[] names = _store.List();
            int best = 0;
            for (int i = 0; i < names.Length; i++)
            {
                int g = GenerationOf(names[i]);
                if (g > best)
                {
                    best = g;
                }
            }

            Generation = best > 0 ? best : 1;
            for (int i = 0; i < names.Length; i++)
            {
                bool ours = names[i].Length > NamePrefix.Length && names[i].Substring(0, NamePrefix.Length) == NamePrefix;
                if (ours && names[i] != FileName)
                {
                    // Older generations and unfinished compactions; a failure here is retried next time.
                    _store.Delete(names[i]);
                }
            }

            int length = 0;
            if (_store.Exists(FileName))
            {
                FlashStatus s = _store.GetLength(FileName, out length);
                if (s != FlashStatus.Ok)
                {
                    LastFlashStatus = s;
                    return JournalStatus.FlashError;
                }

                JournalStatus r = Replay(length, reader);
                if (r != JournalStatus.Ok)
                {
                    return r;
                }
            }

            FileBytes = length;
            IsOpen = true;
            return JournalStatus.Ok;
        }

        /// <summary>Makes the batch's records durable in one open-append-close.</summary>
        public JournalStatus Commit(JournalBatch batch)
        {
            if (!IsOpen)
            {
                return JournalStatus.NotOpen;
            }

            if (batch.Overflowed)
            {
                return JournalStatus.TooLarge;
            }

            if (batch.Length == 0)
            {
                return JournalStatus.Ok;
            }

            IFlashFile file;
            FlashStatus s = _store.OpenAppend(FileName, out file);
            if (s != FlashStatus.Ok)
            {
                return Failed(s);
            }

            s = file.Write(batch.Buffer, 0, batch.Length);
            FlashStatus closed = file.Close();
            if (s != FlashStatus.Ok || closed != FlashStatus.Ok)
            {
                return Failed(s != FlashStatus.Ok ? s : closed);
            }

            FileBytes += batch.Length;
            return JournalStatus.Ok;
        }

        /// <summary>
        /// Rewrites the journal as the snapshot's records in the next generation's file. On any
        /// failure the current generation stays as it was and the unfinished file is removed.
        /// </summary>
        public JournalStatus Compact(IJournalSnapshot snapshot, JournalBatch scratch)
        {
            if (!IsOpen)
            {
                return JournalStatus.NotOpen;
            }

            string next = Name(Generation + 1);
            string temp = next + TempSuffix;
            if (_store.Exists(temp))
            {
                _store.Delete(temp);
            }

            IFlashFile file;
            FlashStatus s = _store.Create(temp, out file);
            if (s != FlashStatus.Ok)
            {
                return Failed(s);
            }

            scratch.StartSpill(file);
            bool complete = snapshot.WriteTo(scratch);
            s = scratch.EndSpill();
            bool overflowed = scratch.Overflowed;
            scratch.Clear();
            FlashStatus closed = file.Close();
            if (!complete || overflowed || s != FlashStatus.Ok || closed != FlashStatus.Ok)
            {
                _store.Delete(temp);
                return !complete || (overflowed && s == FlashStatus.Ok) ? JournalStatus.TooLarge : Failed(s != FlashStatus.Ok ? s : closed);
            }

            s = _store.Rename(temp, next);
            if (s != FlashStatus.Ok)
            {
                _store.Delete(temp);
                return Failed(s);
            }

            // From here the new generation is the journal; deleting the old one may fail (it is
            // deleted again at the next Open).
            _store.Delete(FileName);
            Generation++;
            int length;
            FileBytes = _store.GetLength(next, out length) == FlashStatus.Ok ? length : 0;
            return JournalStatus.Ok;
        }

        private JournalStatus Failed(FlashStatus s)
        {
            LastFlashStatus = s;
            return JournalStatus.FlashError;
        }

        // "jnl-" + 8 digits and nothing else: its generation; anything else 0.
        private static int GenerationOf(string name)
        {
            if (name.Length != NamePrefix.Length + GenerationDigits || name.Substring(0, NamePrefix.Length) != NamePrefix)
            {
                return 0;
            }

            long g = Digits.Parse(name, NamePrefix.Length, GenerationDigits);
            return g > 0 ? (int)g : 0;
        }

        private JournalStatus Replay(int length, IJournalReader reader)
        {
            byte[] b = _readBuffer;
            int position = 0;
            bool inCorruption = false;
            // Every turn advances position by at least one byte: the loop ends within length turns.
            while (length - position >= JournalBatch.OverheadBytes)
            {
                int got;
                FlashStatus s = _store.ReadAt(FileName, position, b, 0, JournalBatch.HeaderBytes, out got);
                if (s != FlashStatus.Ok)
                {
                    LastFlashStatus = s;
                    return JournalStatus.FlashError;
                }

                bool header = got == JournalBatch.HeaderBytes;
                int payload = header ? JournalBatch.PayloadLengthAt(b, 0) : -1;
                bool plausible = header && b[0] == JournalBatch.Magic && payload <= _maxPayloadBytes
                    && length - position >= JournalBatch.OverheadBytes + payload;
                if (plausible)
                {
                    s = _store.ReadAt(FileName, position + JournalBatch.HeaderBytes, b, JournalBatch.HeaderBytes, payload + CrcBytes, out got);
                    if (s != FlashStatus.Ok)
                    {
                        LastFlashStatus = s;
                        return JournalStatus.FlashError;
                    }

                    plausible = got == payload + CrcBytes && Crc32.Compute(b, 1, JournalBatch.HeaderBytes - 1 + payload) == ReadCrc(b, JournalBatch.HeaderBytes + payload);
                }

                if (!plausible)
                {
                    if (!inCorruption)
                    {
                        CorruptRegions++;
                        inCorruption = true;
                    }

                    position++;
                    continue;
                }

                inCorruption = false;
                RecordsRecovered++;
                reader.OnRecord(JournalBatch.TypeAt(b, 0), b, JournalBatch.HeaderBytes, payload);
                position += JournalBatch.OverheadBytes + payload;
            }

            if (position < length && !inCorruption)
            {
                CorruptRegions++;
            }

            System.Array.Clear(b, 0, b.Length);
            return JournalStatus.Ok;
        }

        private static uint ReadCrc(byte[] b, int at)
        {
            return ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];
        }
    }
}
