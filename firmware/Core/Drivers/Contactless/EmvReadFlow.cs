using PosFirmware.Messaging.Emv;

namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// The contactless read of PAYMENTS.md section 9 (EMV Book C / qPBOC, as a terminal needs it) as a
    /// pure step machine: it writes the next command APDU and is given the card's answer, so it runs
    /// over any reader (PN532 here) and is tested without one.
    ///   1. SELECT PPSE; pick the accepted AID of best priority from the FCI (61/4F, 87).
    ///   2. SELECT the AID; keep its DF name (84) and PDOL (9F38).
    ///   3. GET PROCESSING OPTIONS with 83 + the PDOL filled from the terminal's values.
    ///   4. The answer (77 or 80) gives AIP 82 and AFL 94; READ RECORD for each record of the AFL.
    ///   5. Collect the card's tags (only those field 55 and the request need: a card cannot
    ///      overwrite the amount or any other terminal value) into the transaction's TagStore.
    /// Every step is bounded: MaxRecords records, MaxSteps APDUs, TLV walks limited by Tlv.
    /// </summary>
    public sealed class EmvReadFlow
    {
        public const int MaxRecords = 16;
        public const int MaxSteps = 4 + MaxRecords;
        public const int MaxApduBytes = 261;

        /// <summary>The tags taken from the card; everything else a card sends is ignored.</summary>
        public static readonly uint[] CardTags =
        {
            0x57, 0x5A, 0x5F24, 0x5F34, 0x9F26, 0x9F27, 0x9F10, 0x9F36, 0x82, 0x94, 0x9F6C,
        };

        private static readonly byte[] Ppse =
        {
            (byte)'2', (byte)'P', (byte)'A', (byte)'Y', (byte)'.', (byte)'S', (byte)'Y', (byte)'S', (byte)'.',
            (byte)'D', (byte)'D', (byte)'F', (byte)'0', (byte)'1',
        };

        private const int StateSelectPpse = 0;
        private const int StateSelectAid = 1;
        private const int StateGpo = 2;
        private const int StateRecords = 3;

        private readonly TagStore _tags;
        private readonly byte[][] _acceptedAids;
        private readonly byte[] _aid = new byte[16];
        private readonly byte[] _afl = new byte[4 * MaxRecords];

        // The TLV walks' stack, kept: a read makes some forty walks and should not allocate for them.
        private readonly int[] _stack = new int[Tlv.MaxDepth + 1];
        private int _aidLength;
        private int _aflLength;
        private int _aflEntry;
        private int _record;
        private int _state;
        private int _steps;
        private int _records;

        /// <summary>
        /// tags holds the terminal's values for the PDOL (9F66, 9F02, 9F03, 9F1A, 95, 5F2A, 9A, 9C,
        /// 9F37 ...) and receives the card's; acceptedAids are AID prefixes (a RID accepts all its AIDs).
        /// </summary>
        public EmvReadFlow(TagStore tags, byte[][] acceptedAids)
        {
            _tags = tags;
            _acceptedAids = acceptedAids;
        }

        public EmvError Error { get; private set; }

        /// <summary>How many APDUs the read took.</summary>
        public int Steps
        {
            get { return _steps; }
        }

        /// <summary>Writes SELECT PPSE into apdu; returns its length.</summary>
        public int Start(byte[] apdu)
        {
            _state = StateSelectPpse;
            _steps = 1;
            _records = 0;
            Error = EmvError.None;
            return Select(apdu, Ppse, 0, Ppse.Length);
        }

        /// <summary>Takes the card's answer (data + SW1 SW2) and writes the next APDU, if any.</summary>
        public EmvStep Next(byte[] response, int offset, int length, byte[] apdu, out int apduLength)
        {
            apduLength = 0;
            if (length < 2 || offset < 0 || offset + length > response.Length)
            {
                return Fail(EmvError.BadData);
            }

            int sw = (response[offset + length - 2] << 8) | response[offset + length - 1];
            int dataLength = length - 2;
            if (++_steps > MaxSteps)
            {
                return Fail(EmvError.TooManyRecords);
            }

            switch (_state)
            {
                case StateSelectPpse:
                    if (sw != 0x9000)
                    {
                        return Fail(EmvError.NoPpse);
                    }

                    if (!ChooseAid(response, offset, dataLength))
                    {
                        return Fail(Error == EmvError.None ? EmvError.NoSupportedAid : Error);
                    }

                    _state = StateSelectAid;
                    apduLength = Select(apdu, _aid, 0, _aidLength);
                    return EmvStep.SendApdu;
                case StateSelectAid:
                    if (sw != 0x9000)
                    {
                        return Fail(EmvError.StatusWord);
                    }

                    return Gpo(response, offset, dataLength, apdu, out apduLength);
                case StateGpo:
                    if (sw == 0x6985)
                    {
                        return Fail(EmvError.ConditionsNotSatisfied);
                    }

                    if (sw != 0x9000)
                    {
                        return Fail(EmvError.StatusWord);
                    }

                    if (!TakeGpoAnswer(response, offset, dataLength))
                    {
                        return Fail(Error);
                    }

                    _state = StateRecords;
                    return NextRecord(apdu, out apduLength);
                default:
                    if (sw != 0x9000)
                    {
                        return Fail(EmvError.StatusWord);
                    }

                    if (!Collect(response, offset, dataLength))
                    {
                        return Fail(Error);
                    }

                    return NextRecord(apdu, out apduLength);
            }
        }

        private EmvStep Fail(EmvError error)
        {
            Error = error;
            return EmvStep.Failed;
        }

        private static int Select(byte[] apdu, byte[] name, int offset, int length)
        {
            apdu[0] = 0x00;
            apdu[1] = 0xA4;
            apdu[2] = 0x04;
            apdu[3] = 0x00;
            apdu[4] = (byte)length;
            System.Array.Copy(name, offset, apdu, 5, length);
            apdu[5 + length] = 0x00;
            return 6 + length;
        }

        /// <summary>Walks the PPSE FCI's directory (BF0C) entries 61 and keeps the best accepted AID.</summary>
        private bool ChooseAid(byte[] r, int offset, int length)
        {
            int dirOffset, dirLength;
            if (Tlv.Validate(r, offset, length, _stack) != TlvStatus.Ok)
            {
                Error = EmvError.BadData;
                return false;
            }

            if (Tlv.Find(r, offset, length, 0xBF0C, _stack, out dirOffset, out dirLength) != TlvStatus.Ok)
            {
                return false;
            }

            int best = 16;
            int p = dirOffset;
            int end = dirOffset + dirLength;
            for (int items = 0; p < end && items < Tlv.MaxItems; items++)
            {
                uint tag;
                int vo, vl;
                if (Tlv.ReadHeader(r, p, end, out tag, out vo, out vl) != TlvStatus.Ok)
                {
                    break;
                }

                p = vo + vl;
                int ao, al, po, pl;
                if (tag != 0x61 || Tlv.Find(r, vo, vl, 0x4F, _stack, out ao, out al) != TlvStatus.Ok || al < 5 || al > 16 || !IsAccepted(r, ao, al))
                {
                    continue;
                }

                // Priority 87: low nibble, 1 highest; absent or 0 means no priority (after the rest).
                int priority = 15;
                if (Tlv.Find(r, vo, vl, 0x87, _stack, out po, out pl) == TlvStatus.Ok && pl == 1 && (r[po] & 0x0F) != 0)
                {
                    priority = r[po] & 0x0F;
                }

                if (priority < best)
                {
                    best = priority;
                    System.Array.Copy(r, ao, _aid, 0, al);
                    _aidLength = al;
                }
            }

            return best < 16;
        }

        private bool IsAccepted(byte[] r, int offset, int length)
        {
            for (int i = 0; i < _acceptedAids.Length; i++)
            {
                byte[] prefix = _acceptedAids[i];
                if (prefix.Length > length)
                {
                    continue;
                }

                bool match = true;
                for (int k = 0; k < prefix.Length && match; k++)
                {
                    match = r[offset + k] == prefix[k];
                }

                if (match)
                {
                    return true;
                }
            }

            return false;
        }

        private EmvStep Gpo(byte[] r, int offset, int length, byte[] apdu, out int apduLength)
        {
            apduLength = 0;
            if (Tlv.Validate(r, offset, length, _stack) != TlvStatus.Ok)
            {
                return Fail(EmvError.BadData);
            }

            // The DF name (84) goes into field 55; a card that omits it is known by the AID selected.
            int no, nl;
            bool stored = Tlv.Find(r, offset, length, 0x84, _stack, out no, out nl) == TlvStatus.Ok
                ? _tags.Set(0x84, r, no, nl)
                : _tags.Set(0x84, _aid, 0, _aidLength);
            if (!stored)
            {
                return Fail(EmvError.StoreFull);
            }

            apdu[0] = 0x80;
            apdu[1] = 0xA8;
            apdu[2] = 0x00;
            apdu[3] = 0x00;
            apdu[5] = 0x83;
            int written = 0;
            int po, pl;
            if (Tlv.Find(r, offset, length, 0x9F38, _stack, out po, out pl) == TlvStatus.Ok)
            {
                if (Dol.Build(r, po, pl, _tags, apdu, 7, out written) != TlvStatus.Ok || written > 0x7F)
                {
                    return Fail(EmvError.BadData);
                }
            }

            apdu[6] = (byte)written;
            apdu[4] = (byte)(written + 2);
            apdu[7 + written] = 0x00;
            apduLength = 8 + written;
            _state = StateGpo;
            return EmvStep.SendApdu;
        }

        private bool TakeGpoAnswer(byte[] r, int offset, int length)
        {
            if (length >= 2 && r[offset] == 0x80)
            {
                // Format 1: 80 L AIP(2) AFL(4n).
                uint tag;
                int vo, vl;
                if (Tlv.ReadHeader(r, offset, offset + length, out tag, out vo, out vl) != TlvStatus.Ok || vl < 2 || (vl - 2) % 4 != 0)
                {
                    Error = EmvError.BadData;
                    return false;
                }

                return Keep(0x82, r, vo, 2) && SetAfl(r, vo + 2, vl - 2);
            }

            if (!Collect(r, offset, length))
            {
                return false;
            }

            int ao, al;
            if (_tags.TryGet(0x94, out ao, out al))
            {
                return SetAfl(_tags.Pool, ao, al);
            }

            _aflLength = 0;
            return true;
        }

        private bool SetAfl(byte[] source, int offset, int length)
        {
            if (length % 4 != 0 || length > _afl.Length)
            {
                Error = length > _afl.Length ? EmvError.TooManyRecords : EmvError.BadData;
                return false;
            }

            System.Array.Copy(source, offset, _afl, 0, length);
            _aflLength = length;
            _aflEntry = 0;
            _record = length > 0 ? _afl[1] : 0;
            return true;
        }

        private EmvStep NextRecord(byte[] apdu, out int apduLength)
        {
            apduLength = 0;
            while (_aflEntry < _aflLength)
            {
                int sfi = _afl[_aflEntry] >> 3;
                int last = _afl[_aflEntry + 2];
                if (sfi < 1 || sfi > 30 || _afl[_aflEntry + 1] == 0 || last < _afl[_aflEntry + 1])
                {
                    return Fail(EmvError.BadData);
                }

                if (_record > last)
                {
                    _aflEntry += 4;
                    _record = _aflEntry < _aflLength ? _afl[_aflEntry + 1] : 0;
                    continue;
                }

                if (++_records > MaxRecords)
                {
                    return Fail(EmvError.TooManyRecords);
                }

                apdu[0] = 0x00;
                apdu[1] = 0xB2;
                apdu[2] = (byte)_record;
                apdu[3] = (byte)((sfi << 3) | 0x04);
                apdu[4] = 0x00;
                apduLength = 5;
                _record++;
                return EmvStep.SendApdu;
            }

            return Finish();
        }

        private EmvStep Finish()
        {
            int o, l;
            bool hasPan = _tags.TryGet(0x5A, out o, out l) || _tags.TryGet(0x57, out o, out l);
            if (!hasPan || !_tags.TryGet(0x57, out o, out l) || !_tags.TryGet(0x9F26, out o, out l) || !_tags.TryGet(0x82, out o, out l))
            {
                return Fail(EmvError.MissingData);
            }

            return EmvStep.Done;
        }

        /// <summary>Keeps the accepted card tags found anywhere in the answer.</summary>
        private bool Collect(byte[] r, int offset, int length)
        {
            if (Tlv.Validate(r, offset, length, _stack) != TlvStatus.Ok)
            {
                Error = EmvError.BadData;
                return false;
            }

            for (int i = 0; i < CardTags.Length; i++)
            {
                int vo, vl;
                if (Tlv.Find(r, offset, length, CardTags[i], _stack, out vo, out vl) == TlvStatus.Ok && !Keep(CardTags[i], r, vo, vl))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Keep(uint tag, byte[] r, int offset, int length)
        {
            if (_tags.Set(tag, r, offset, length))
            {
                return true;
            }

            Error = EmvError.StoreFull;
            return false;
        }
    }
}
