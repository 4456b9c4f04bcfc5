using System;
using System.Collections.Generic;
using PosFirmware.Common;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;

namespace PosFirmware.HostSimulator
{
    /// <summary>
    /// The acquirer host's behaviour, without the network: one request message in, its answer
    /// out (or null: no answer). Issues working keys at sign-on under the terminal master key,
    /// verifies MACs and PIN blocks, keeps a ledger of accounts, applies each transaction at most
    /// once by (terminal id, batch, STAN), handles reversals and advices idempotently (a repeat MTI,
    /// 0401 or 0221, is a duplicate of the original), answers settlement with its own totals and takes
    /// batch uploads (each one of its own transactions) and the batch end (checked against its own
    /// last verdict and the uploads it matched), for the terminal's open batch only (UnionPay: the batch of its
    /// MACed requests, the next one after each close, before either the one its sign-on named; a closed
    /// batch again is a repeat, answered as before). Thread-safe: one lock per host.
    /// </summary>
    public sealed class Acquirer
    {
        private readonly System.Threading.Lock _lock = new System.Threading.Lock();
        private readonly HostProfile _profile;
        private readonly DesKey _tmk;
        private readonly Random _random;
        private readonly Dictionary<string, Session> _sessions = new Dictionary<string, Session>();
        private readonly Dictionary<string, Account> _accounts = new Dictionary<string, Account>();
        private readonly Dictionary<string, LedgerEntry> _ledger = new Dictionary<string, LedgerEntry>();
        private readonly Dictionary<string, BatchCheck> _checks = new Dictionary<string, BatchCheck>();
        private readonly HashSet<string> _settled = new HashSet<string>();
        private readonly Dictionary<string, SettlementTotals> _settledTotals = new Dictionary<string, SettlementTotals>();
        private readonly HashSet<string> _terminals = new HashSet<string>();
        private readonly Dictionary<string, int> _signOnBatch = new Dictionary<string, int>();
        private readonly Dictionary<string, int> _macedBatch = new Dictionary<string, int>();
        private readonly Dictionary<string, int> _closedBatch = new Dictionary<string, int>();
        private readonly byte[] _buffer = new byte[4096];
        private readonly Issuer _issuer = new Issuer();
        private int _rrn;

        /// <summary>
        /// What the host said to a terminal's last settlement of a batch and what it took in since:
        /// the batch end is checked against both (README "UnionPay settlement rules", rule 11).
        /// </summary>
        private sealed class BatchCheck
        {
            public int Batch;
            public string SettlementStan;
            public bool Balanced;
            /// <summary>The totals the terminal claimed in that settlement.</summary>
            public SettlementTotals Claimed;
            /// <summary>Ledger keys of the transactions uploaded and matched since that settlement (a duplicate counts once).</summary>
            public HashSet<string> Uploaded = new HashSet<string>();
            /// <summary>The totals of those uploads.</summary>
            public SettlementTotals UploadedTotals = new SettlementTotals();
        }

        /// <summary>The terminal id the samples, tests and the standalone server use unless told otherwise.</summary>
        public const string DefaultTerminalId = "10020831";

        private sealed class Session
        {
            public DesKey Mak;
            public DesKey Pik;
            public string SignOnStan;
            public byte[] Field62;
        }

        /// <summary>
        /// A host for one profile and master key. terminalIds are the terminals it knows (a real
        /// acquirer issues keys only to terminals it registered); null registers DefaultTerminalId.
        /// </summary>
        public Acquirer(HostProfile profile, byte[] terminalMasterKey, int seed, IEnumerable<string> terminalIds = null)
        {
            _profile = profile;
            _tmk = new DesKey(terminalMasterKey);
            _random = new Random(seed);
            foreach (string tid in terminalIds ?? new[] { DefaultTerminalId })
            {
                _terminals.Add(tid);
            }
        }

        /// <summary>Registers a terminal id: from then on its sign-on gets keys (an unknown one gets 97).</summary>
        public void RegisterTerminal(string terminalId)
        {
            lock (_lock)
            {
                _terminals.Add(terminalId);
            }
        }

        public bool IsRegistered(string terminalId)
        {
            lock (_lock)
            {
                return _terminals.Contains(terminalId);
            }
        }

        public HostProfile Profile => _profile;

        /// <summary>The issuer of the virtual cards: verifies the ARQC and ATC of chip requests.</summary>
        public Issuer Issuer => _issuer;

        /// <summary>Opening balance of accounts created on first use.</summary>
        public long DefaultBalanceMinor { get; set; } = 100_000_000;

        /// <summary>Sales, pre-auths and completions above this amount are declined with 61.</summary>
        public long AmountLimitMinor { get; set; } = long.MaxValue;

        /// <summary>Every answer is 91 (issuer unavailable) while set.</summary>
        public bool IssuerDown { get; set; }

        /// <summary>Test hook: a decline code for a financial request or advice instead of the ledger's answer (null: no override); nothing is applied.</summary>
        public Func<IsoMessage, string> ForceCode { get; set; }

        /// <summary>The host's clock (UTC); the sign-on answer carries it in 12/13 as the profile's local time.</summary>
        public Func<DateTime> UtcClock { get; set; } = () => DateTime.UtcNow;

        /// <summary>Test hook: the next answers' MACs are corrupted while above zero.</summary>
        public int CorruptMacs { get; set; }

        /// <summary>The message log, PANs masked (I7).</summary>
        /// <summary>Test hook: false for a host whose sign-on answer carries no date and time (12/13).</summary>
        public bool SignOnCarriesTime { get; set; } = true;

        public List<string> Log { get; } = new List<string>();

        public int MaxLogLines { get; set; } = 10_000;

        /// <summary>Called with each log line as it is written (the console of the standalone host).</summary>
        public Action<string> OnLog { get; set; }

        public Account AccountFor(string pan)
        {
            lock (_lock)
            {
                return Get(pan);
            }
        }

        /// <summary>Loads accounts from JSON: [{"Pan": "...", "Pin": "...", "BalanceMinor": 100, "State": "Lost"}, ...]; returns how many.</summary>
        public int LoadAccounts(string json)
        {
            var options = new System.Text.Json.JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
            Account[] accounts = System.Text.Json.JsonSerializer.Deserialize<Account[]>(json, options) ?? new Account[0];
            foreach (Account a in accounts)
            {
                if (a.Pan != null)
                {
                    SetAccount(a);
                }
            }

            return accounts.Length;
        }

        public void SetAccount(Account a)
        {
            lock (_lock)
            {
                _accounts[a.Pan] = a;
            }
        }

        /// <summary>A copy of the ledger's entries.</summary>
        public List<LedgerEntry> Entries()
        {
            lock (_lock)
            {
                return new List<LedgerEntry>(_ledger.Values);
            }
        }

        public LedgerEntry Find(string terminalId, int batch, int stan)
        {
            lock (_lock)
            {
                _ledger.TryGetValue(Key(terminalId, batch, stan), out LedgerEntry e);
                return e;
            }
        }

        /// <summary>The host's totals of a terminal's batch (what settlement compares).</summary>
        public SettlementTotals Totals(string terminalId, int batch)
        {
            lock (_lock)
            {
                return TotalsOf(terminalId, batch);
            }
        }

        /// <summary>The host's totals of a batch when it closed it, or null while it is open.</summary>
        public SettlementTotals SettledTotals(string terminalId, int batch)
        {
            lock (_lock)
            {
                _settledTotals.TryGetValue(terminalId + "/" + batch, out SettlementTotals t);
                return t;
            }
        }

        /// <summary>The batches of a terminal the host has closed.</summary>
        public List<int> SettledBatches(string terminalId)
        {
            lock (_lock)
            {
                var list = new List<int>();
                foreach (string key in _settled)
                {
                    int slash = key.LastIndexOf('/');
                    if (key.Substring(0, slash) == terminalId)
                    {
                        list.Add(int.Parse(key.Substring(slash + 1), System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                list.Sort();
                return list;
            }
        }

        public bool IsSettled(string terminalId, int batch)
        {
            lock (_lock)
            {
                return _settled.Contains(terminalId + "/" + batch);
            }
        }

        /// <summary>Handles one request (the ISO 8583 message, no frame head); returns the answer message or null.</summary>
        public byte[] Handle(byte[] message, int offset, int count)
        {
            lock (_lock)
            {
                var m = new IsoMessage();
                if (_profile.Packager.Unpack(message, offset, count, m, out int failed) != IsoStatus.Ok)
                {
                    Write("garbled request (field " + failed + "): no answer");
                    return null;
                }

                string tid = m.GetString(41) ?? "";
                Write("<- " + Describe(m));
                IsoMessage a = Answer(m, message, offset, count, tid, out bool mac);
                if (a == null)
                {
                    return null;
                }

                Write("-> " + Describe(a));
                return Seal(a, mac && _sessions.TryGetValue(tid, out Session s) ? s.Mak : null);
            }
        }

        private IsoMessage Answer(IsoMessage m, byte[] raw, int offset, int count, string tid, out bool mac)
        {
            mac = false;
            string mti = m.Mti;
            IsoMessage a = Echo(m);
            if (mti == "0800" && IsNetwork(m, _profile.SignOn))
            {
                SignOn(tid, a);
                NoteBatch(_signOnBatch, tid, m, false);
                return a;
            }

            _sessions.TryGetValue(tid, out Session session);
            if (session == null)
            {
                a.Set(39, "77");
                return a;
            }

            if (_profile.MacsMessage(mti) && !MessageMac.Verify(_profile, session.Mak, raw, offset, count))
            {
                a.Set(39, "A0");
                return a;
            }

            mac = true;
            if (_profile.MacsMessage(mti))
            {
                // 60.2 under a valid MAC: the terminal's batch for certain.
                NoteBatch(_macedBatch, tid, m, true);
            }
            string forced = ForceCode?.Invoke(m);
            string code;
            if (mti == "0400" || mti == "0401")
            {
                code = Reverse(tid, m);
            }
            else if (mti == "0500")
            {
                code = Settle(tid, m, a);
            }
            else if (mti == "0320")
            {
                code = Upload(tid, m);
            }
            else if (mti == "0800" || mti == "0820")
            {
                code = "00";
                if (IsNetwork(m, _profile.SignOff))
                {
                    _sessions.Remove(tid);
                    mac = false;
                }
            }
            else if ((mti == "0220" || mti == "0221") && IsOfflineAdvice(m))
            {
                // An offline approval's advice (Y1/Y3 in 38). A refund (UnionPay 0220, 60.1 = 25) of an
                // offline sale carries that sale's Y code in 38 too, and is a refund all the same.
                code = forced ?? Advice(tid, m);
            }
            else
            {
                code = forced ?? Financial(tid, m, session, a);
            }

            a.Set(39, code);
            if (code == "A0" || code == "77" || code == "99")
            {
                mac = false;
            }

            return a;
        }

        private static bool IsNetwork(IsoMessage m, NetworkCodes codes)
        {
            if (codes.Mti != m.Mti)
            {
                return false;
            }

            if (codes.ProcessingCode != null && codes.ProcessingCode != m.GetString(3))
            {
                return false;
            }

            string f60 = m.GetString(60);
            string f70 = m.GetString(70);
            return codes.ManagementCode == f70 || (f60 != null && f60.Length >= 11 && f60.Substring(8, 3) == codes.ManagementCode);
        }

        private IsoMessage Echo(IsoMessage m)
        {
            var a = new IsoMessage { Mti = ResponseReader.AnswerMti(m.Mti) };
            foreach (int f in new[] { 2, 3, 4, 11, 22, 25, 41, 42, 49, 60, 61 })
            {
                if (m.Has(f))
                {
                    object v = m.Get(f);
                    if (v is string s)
                    {
                        a.Set(f, s);
                    }
                    else
                    {
                        a.Set(f, (byte[])v);
                    }
                }
            }

            a.Set(12, "120000");
            a.Set(13, "1122");
            a.Set(37, Digits.Pad(++_rrn, 12));
            if (a.Has(2) && a.Mti != "0210" && a.Mti != "0110" && a.Mti != "0230")
            {
                a.Remove(2);
            }

            return a;
        }

        private void SignOn(string tid, IsoMessage a)
        {
            if (!_terminals.Contains(tid))
            {
                // Not one of ours: no keys (PAYMENTS.md section 6, 97 terminal not registered).
                a.Remove(2);
                a.Set(39, "97");
                return;
            }

            // A real host's 0810 carries its date and time (in its own zone), which set a terminal clock that is not set.
            if (SignOnCarriesTime)
            {
                DateTime local = UtcClock().AddMinutes(_profile.HostUtcOffsetMinutes);
                a.Set(12, local.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture));
                a.Set(13, local.ToString("MMdd", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                a.Remove(12);
                a.Remove(13);
            }
            if (_sessions.TryGetValue(tid, out Session same) && same.SignOnStan == a.GetString(11))
            {
                // The same sign-on again (a duplicate on the way): the same keys, or the terminal
                // would hold the first answer's keys while the host moved on to the second's.
                a.Remove(2);
                a.Set(39, "00");
                a.Set(62, same.Field62);
                return;
            }

            byte[] pik = RandomKey(_profile.KeyFormat == SignOnKeyFormat.SingleLength ? 8 : 16);
            byte[] mak = RandomKey(8);
            var f62 = new List<byte>();
            f62.AddRange(Wrap(pik));
            f62.AddRange(Kcv(pik));
            f62.AddRange(Wrap(mak));
            if (_profile.KeyFormat != SignOnKeyFormat.SingleLength)
            {
                f62.AddRange(new byte[8]);
            }

            f62.AddRange(Kcv(mak));
            if (_profile.KeyFormat == SignOnKeyFormat.DoubleLengthWithTrackKey)
            {
                byte[] tdk = RandomKey(16);
                f62.AddRange(Wrap(tdk));
                f62.AddRange(Kcv(tdk));
            }

            _sessions[tid] = new Session { Mak = new DesKey(mak), Pik = new DesKey(pik), SignOnStan = a.GetString(11), Field62 = f62.ToArray() };
            a.Remove(2);
            a.Set(39, "00");
            a.Set(62, f62.ToArray());
        }

        private byte[] RandomKey(int length)
        {
            byte[] k = new byte[length];
            _random.NextBytes(k);
            return k;
        }

        private byte[] Wrap(byte[] clear)
        {
            byte[] w = new byte[clear.Length];
            DesModes.EncryptEcb(_tmk, clear, 0, clear.Length, w, 0);
            return w;
        }

        private static byte[] Kcv(byte[] clear)
        {
            byte[] kcv = new byte[4];
            KeyCheckValue.Compute(new DesKey(clear), kcv, 0, 4);
            return kcv;
        }

        // ---- financial ---------------------------------------------------------------------

        private static string Key(string tid, int batch, int stan) => tid + "/" + batch + "/" + stan;

        private int BatchOf(IsoMessage m)
        {
            string f60 = m.GetString(60);
            if (_profile.UnionPayFields && f60 != null && f60.Length >= 8)
            {
                return (int)Digits.Parse(f60, 2, 6);
            }

            return 0;
        }

        private static int StanOf(IsoMessage m)
        {
            string s = m.GetString(11);
            return s == null ? -1 : (int)Digits.Parse(s, 0, s.Length);
        }

        private TransactionType? TypeOf(IsoMessage m)
        {
            string pc = m.GetString(3);
            string f60 = m.GetString(60);
            for (int t = 0; t < 8; t++)
            {
                TransactionCodes c = _profile.Codes((TransactionType)t);
                if (c.Mti == m.Mti && c.ProcessingCode == pc
                    && (!_profile.UnionPayFields || (f60 != null && f60.StartsWith(c.TypeCode))))
                {
                    return (TransactionType)t;
                }
            }

            return null;
        }

        private LedgerEntry OriginalOf(string tid, IsoMessage m)
        {
            string f61 = m.GetString(61);
            if (f61 == null || f61.Length < 12)
            {
                return null;
            }

            int batch = (int)Digits.Parse(f61, 0, 6);
            int stan = (int)Digits.Parse(f61, 6, 6);
            _ledger.TryGetValue(Key(tid, _profile.UnionPayFields ? batch : 0, stan), out LedgerEntry e);
            return e;
        }

        private string Financial(string tid, IsoMessage m, Session session, IsoMessage a)
        {
            TransactionType? type = TypeOf(m);
            if (type == null)
            {
                return "12";
            }

            string key = Key(tid, BatchOf(m), StanOf(m));
            if (_ledger.TryGetValue(key, out LedgerEntry seen))
            {
                // The same request again (or after its reversal): answer as before, apply nothing.
                if (seen.AuthCode != null)
                {
                    a.Set(38, seen.AuthCode);
                }

                return seen.ResponseCode ?? "94";
            }

            string pan = m.GetString(2);
            long amount = m.Has(4) ? Digits.Parse(m.GetString(4), 0, 12) : 0;
            var e = new LedgerEntry
            {
                Key = key, TerminalId = tid, Batch = BatchOf(m), Stan = StanOf(m), Type = type.Value,
                AmountMinor = amount, Pan = pan, Rrn = a.GetString(37),
            };
            _ledger[key] = e;
            e.ResponseCode = Decide(m, session, e, a);
            if (e.ResponseCode == "00")
            {
                e.AuthCode = Digits.Pad(_random.Next(1, 999999), 6);
                a.Set(38, e.AuthCode);
                Apply(e, +1);
            }

            return e.ResponseCode;
        }

        private string Decide(IsoMessage m, Session session, LedgerEntry e, IsoMessage a)
        {
            if (IssuerDown)
            {
                return "91";
            }

            if (e.Pan == null)
            {
                return "14";
            }

            // A request that says "swiped" (22 = 02x) must carry what was swiped: without track 2
            // nothing proves the card was there (a refund resent from flash has none: I7).
            string entry = m.GetString(22);
            if (entry != null && entry.StartsWith("02") && !m.Has(35))
            {
                return "30";
            }

            string card = _issuer.Check(m);
            if (card != null)
            {
                return card;
            }

            Account acct = Get(e.Pan);
            switch (acct.State)
            {
                case CardState.Expired:
                    return "54";
                case CardState.Lost:
                    return "41";
                case CardState.Stolen:
                    return "43";
                case CardState.Restricted:
                    return "62";
            }

            if (m.Has(52))
            {
                if (acct.WrongPins >= Account.MaxPinTries)
                {
                    return "75";
                }

                string pin = ClearPin(m.GetBytes(52), e.Pan, session.Pik);
                if (pin == null)
                {
                    return "99";
                }

                if (pin != acct.Pin)
                {
                    acct.WrongPins++;
                    return acct.WrongPins >= Account.MaxPinTries ? "75" : "55";
                }

                acct.WrongPins = 0;
            }

            if ((e.Type == TransactionType.Sale || e.Type == TransactionType.PreAuth || e.Type == TransactionType.Completion) && e.AmountMinor > AmountLimitMinor)
            {
                return "61";
            }

            switch (e.Type)
            {
                case TransactionType.Balance:
                    a.Set(54, "1002" + _profile.CurrencyCode + "C" + Digits.Pad(acct.AvailableMinor, 12));
                    return "00";
                case TransactionType.Sale:
                case TransactionType.PreAuth:
                    return acct.AvailableMinor >= e.AmountMinor ? "00" : "51";
                case TransactionType.Void:
                case TransactionType.PreAuthVoid:
                case TransactionType.Completion:
                case TransactionType.CompletionVoid:
                    {
                        LedgerEntry o = OriginalOf(e.TerminalId, m);
                        if (o == null || !o.Applied || o.Voided || o.Pan != e.Pan)
                        {
                            return "25";
                        }

                        e.Original = o;
                        return "00";
                    }

                default:
                    return "00";
            }
        }

        /// <summary>Applies (+1) or undoes (-1) an entry's effect on the accounts.</summary>
        private void Apply(LedgerEntry e, int sign)
        {
            Account acct = Get(e.Pan);
            switch (e.Type)
            {
                case TransactionType.Sale:
                    acct.BalanceMinor -= sign * e.AmountMinor;
                    break;
                case TransactionType.Refund:
                    acct.BalanceMinor += sign * e.AmountMinor;
                    break;
                case TransactionType.PreAuth:
                    acct.HeldMinor += sign * e.AmountMinor;
                    break;
                case TransactionType.PreAuthVoid:
                    acct.HeldMinor -= sign * e.Original.AmountMinor;
                    e.Original.Voided = sign > 0;
                    break;
                case TransactionType.Completion:
                    acct.HeldMinor -= sign * e.Original.AmountMinor;
                    acct.BalanceMinor -= sign * e.AmountMinor;
                    break;
                case TransactionType.Void:
                case TransactionType.CompletionVoid:
                    acct.BalanceMinor += sign * e.Original.AmountMinor;
                    e.Original.Voided = sign > 0;
                    break;
            }

            e.Applied = sign > 0;
        }

        private string Reverse(string tid, IsoMessage m)
        {
            string key = Key(tid, BatchOf(m), StanOf(m));
            if (!_ledger.TryGetValue(key, out LedgerEntry e))
            {
                // Never seen: remember it as reversed so the original can never be applied later.
                _ledger[key] = new LedgerEntry { Key = key, TerminalId = tid, Batch = BatchOf(m), Stan = StanOf(m), Reversed = true, ResponseCode = "96" };
                return _profile.UnionPayFields ? "25" : "00";
            }

            if (e.Applied && !e.Reversed)
            {
                Apply(e, -1);
            }

            e.Reversed = true;
            return "00";
        }

        /// <summary>
        /// True for the advice of an offline sale: the sale's processing code (and UnionPay 60.1) with an
        /// offline approval code (Y1 / Y3) in 38. A UnionPay refund is a 0220 too, and names the
        /// original's auth code in 38, which for an offline sale starts with Y: its 3 (200000) and
        /// 60.1 (25) tell it apart.
        /// </summary>
        private bool IsOfflineAdvice(IsoMessage m)
        {
            TransactionCodes sale = _profile.Codes(TransactionType.Sale);
            string f38 = m.GetString(38);
            string f60 = m.GetString(60);
            return f38 != null && f38.StartsWith("Y") && m.GetString(3) == sale.ProcessingCode
                && (!_profile.UnionPayFields || (f60 != null && f60.StartsWith(sale.TypeCode)));
        }

        private string Advice(string tid, IsoMessage m)
        {
            string key = Key(tid, BatchOf(m), StanOf(m));
            if (_ledger.TryGetValue(key, out LedgerEntry seen))
            {
                return seen.Offline ? "94" : "00";
            }

            var e = new LedgerEntry
            {
                Key = key, TerminalId = tid, Batch = BatchOf(m), Stan = StanOf(m), Type = TransactionType.Sale,
                AmountMinor = Digits.Parse(m.GetString(4), 0, 12), Pan = m.GetString(2), Offline = true,
                ResponseCode = "00", AuthCode = m.GetString(38),
            };
            _ledger[key] = e;
            Apply(e, +1);
            return "00";
        }

        // ---- settlement --------------------------------------------------------------------

        private SettlementTotals TotalsOf(string tid, int batch)
        {
            var t = new SettlementTotals();
            foreach (LedgerEntry e in _ledger.Values)
            {
                if (e.TerminalId == tid && (e.Batch == batch || !_profile.UnionPayFields) && e.Applied && !e.Voided && !e.Settled)
                {
                    t.Add(e.Type, e.AmountMinor);
                }
            }

            return t;
        }

        private string Settle(string tid, IsoMessage m, IsoMessage a)
        {
            bool unionPay = _profile.Settlement == SettlementStyle.UnionPay;
            int batch = unionPay ? BatchOf(m) : (int)Digits.Parse(m.GetString(60) ?? "0", 0, (m.GetString(60) ?? "0").Length);
            if (unionPay && !IsNetwork(m, _profile.SettlementRequest))
            {
                Write("settlement with an unknown management code: refused");
                return "30";
            }

            if (!AcceptsBatch(tid, batch))
            {
                return NotTheOpenBatch(tid, batch);
            }

            if (!unionPay && m.GetString(3) == _profile.BatchEndUnbalanced.ProcessingCode)
            {
                // International batch end (960000) after the upload: the uploaded batch is the truth.
                return EndBatch(tid, batch, m, false);
            }

            var theirs = new SettlementTotals();
            string block = unionPay ? m.GetString(48) : m.GetString(63);
            bool read = block != null && theirs.TryDecode(block, 0, _profile.Settlement);
            SettlementTotals ours = TotalsOf(tid, batch);
            if (_settledTotals.TryGetValue(tid + "/" + batch, out SettlementTotals closed))
            {
                // Settled already (the terminal lost our answer): the same totals again agree.
                ours = closed;
            }

            bool balanced = read && ours.SameAs(theirs);
            if (unionPay)
            {
                // Field 48 as UnionPay hosts answer it: per block (domestic, then foreign) our totals,
                // amount before count, then the verdict digit (1 balanced, 2 not). This host has no
                // foreign-card transactions: the foreign block agrees when the terminal's is zero too.
                // The batch closes on the batch end (0320, 60.3 = 207 or 202), not here.
                var none = new SettlementTotals();
                var theirsForeign = new SettlementTotals();
                bool foreignBalanced = block != null && block.Length >= 61 && theirsForeign.TryDecode(block, 31, SettlementStyle.UnionPay) && none.SameAs(theirsForeign);
                a.Set(48, ours.Encode(SettlementStyle.UnionPay) + (balanced ? "1" : "2")
                    + none.Encode(SettlementStyle.UnionPay) + (foreignBalanced ? "1" : "2"));
                NoteVerdict(tid, batch, m, balanced && foreignBalanced, read ? theirs : null);
                return "00";
            }

            if (balanced)
            {
                CloseBatch(tid, batch);
            }
            else
            {
                NoteVerdict(tid, batch, m, false, read ? theirs : null);
            }

            a.Set(63, ours.Encode(SettlementStyle.International));
            return balanced ? "00" : "95";
        }

        private string Upload(string tid, IsoMessage m)
        {
            if (_profile.UnionPayFields)
            {
                // 60.3: 201 / 203 / 205 an upload, 207 / 202 the batch end; anything else is not a 0320 we know.
                int batch = BatchOf(m);
                bool end = IsNetwork(m, _profile.BatchEnd) || IsNetwork(m, _profile.BatchEndUnbalanced);
                bool upload = IsNetwork(m, _profile.BatchUpload) || IsNetwork(m, _profile.ChipUploadBalanced) || IsNetwork(m, _profile.ChipUploadUnbalanced);
                if (!end && !upload)
                {
                    Write("0320 with an unknown management code: refused");
                    return "30";
                }

                if (!AcceptsBatch(tid, batch))
                {
                    return NotTheOpenBatch(tid, batch);
                }

                if (end)
                {
                    return EndBatch(tid, batch, m, IsNetwork(m, _profile.BatchEnd));
                }
            }

            return MatchUpload(tid, m);
        }

        /// <summary>
        /// A settlement's verdict, for the batch end to be checked against. A new settlement (another
        /// STAN) starts the uploads afresh, as the terminal does; the same one again (a duplicate on
        /// the way) keeps them. A batch closed already keeps what closed it.
        /// </summary>
        private void NoteVerdict(string tid, int batch, IsoMessage m, bool balanced, SettlementTotals claimed)
        {
            if (_settled.Contains(tid + "/" + batch))
            {
                return;
            }

            string stan = m.GetString(11);
            if (_checks.TryGetValue(tid, out BatchCheck c) && c.Batch == batch && c.SettlementStan == stan)
            {
                return;
            }

            // Unreadable totals (null) can never be proven by uploads.
            _checks[tid] = new BatchCheck { Batch = batch, SettlementStan = stan, Balanced = balanced, Claimed = claimed };
        }

        /// <summary>
        /// An upload is one of the host's own transactions: found by the original's batch and STAN
        /// (UnionPay 61; international 60 carries the original's STAN), applied, same amount (4) and
        /// type (3). A sale the host saw voided still matches: the terminal may not know of the void
        /// (its answer lost, its reversal out of retries), and the host settles its own records. One that matches nothing is refused (25): the host cannot settle
        /// money it never moved (the upload carries no PAN). Before any settlement verdict: 12.
        /// </summary>
        private string MatchUpload(string tid, IsoMessage m)
        {
            int batch;
            int stan;
            if (_profile.UnionPayFields)
            {
                string f61 = m.GetString(61);
                if (f61 == null || f61.Length < 12)
                {
                    return "30";
                }

                batch = (int)Digits.Parse(f61, 0, 6);
                stan = (int)Digits.Parse(f61, 6, 6);
            }
            else
            {
                string f60 = m.GetString(60);
                if (f60 == null || f60.Length < 10)
                {
                    return "30";
                }

                batch = 0;
                stan = (int)Digits.Parse(f60, 4, 6);
            }

            long amount = m.Has(4) ? Digits.Parse(m.GetString(4), 0, 12) : -1;
            string key = Key(tid, batch, stan);
            if (!_ledger.TryGetValue(key, out LedgerEntry e) || !e.Applied || e.AmountMinor != amount
                || _profile.Codes(e.Type).ProcessingCode != m.GetString(3))
            {
                Write("upload of " + key + " matches no transaction of ours (" + (e == null ? "unknown" : "applied=" + e.Applied + " voided=" + e.Voided
                    + " amount=" + e.AmountMinor + " type=" + e.Type) + "): refused");
                return "25";
            }

            if (_checks.TryGetValue(tid, out BatchCheck c) && !_settled.Contains(tid + "/" + c.Batch))
            {
                if (c.Uploaded.Add(key))
                {
                    c.UploadedTotals.Add(e.Type, e.AmountMinor);
                }
            }

            return "00";
        }

        /// <summary>Notes 60.2 of a UnionPay message in table (the highest seen when onlyUp, else the latest).</summary>
        private void NoteBatch(Dictionary<string, int> table, string tid, IsoMessage m, bool onlyUp)
        {
            string f60 = m.GetString(60);
            if (!_profile.UnionPayFields || f60 == null || f60.Length < 8)
            {
                return;
            }

            int batch = BatchOf(m);
            if (!onlyUp || !table.TryGetValue(tid, out int seen) || seen < batch)
            {
                table[tid] = batch;
            }
        }

        /// <summary>
        /// The terminal's open batch as this host knows it: the highest batch of its MACed requests or
        /// the one after the last it closed, whichever is later (a terminal opens a batch only after
        /// the host closed the one before); before either, what its sign-on named (60.2 carries no
        /// MAC: a flipped bit there is corrected by the first MACed request). -1 when unknown.
        /// </summary>
        private int OpenBatch(string tid)
        {
            int open = -1;
            if (_macedBatch.TryGetValue(tid, out int maced))
            {
                open = maced;
            }

            if (_closedBatch.TryGetValue(tid, out int closed) && closed + 1 > open)
            {
                open = closed + 1;
            }

            if (open < 0 && _signOnBatch.TryGetValue(tid, out int signOn))
            {
                open = signOn;
            }

            return open;
        }

        /// <summary>
        /// True when a settlement, upload or batch end may touch batch: the terminal's open batch, or
        /// one closed already (a repeat after a lost answer, answered as before). International hosts
        /// learn the batch only from the settlement itself (NLD sends it nowhere else): no check there.
        /// </summary>
        private bool AcceptsBatch(string tid, int batch)
        {
            if (!_profile.UnionPayFields || _settled.Contains(tid + "/" + batch))
            {
                return true;
            }

            // Only the sign-on (no MAC) names a batch so far: nothing of the terminal's has been applied,
            // so no batch of it can be closed wrongly, and a flipped bit in the sign-on must not lock
            // the settlement of an empty batch out.
            if (!_macedBatch.ContainsKey(tid) && !_closedBatch.ContainsKey(tid))
            {
                return true;
            }

            return OpenBatch(tid) == batch;
        }

        private string NotTheOpenBatch(string tid, int batch)
        {
            Write("batch " + batch + " is not the open batch of " + tid + ": refused");
            return "12";
        }

        /// <summary>
        /// The batch end closes the batch only when it follows from what the host said and took in:
        /// a balanced end (207) only after the host's own balanced verdict; any end only when its count
        /// (UnionPay 48) is the number of uploads the host matched; after an unbalanced verdict only when
        /// those uploads add up to the totals the terminal claimed in that settlement (the upload is
        /// the terminal's proof of its claim, record by record: a terminal that stops uploading
        /// cannot end an unbalanced batch). Otherwise 95, and the batch
        /// stays open. A closed batch again is a repeat: 00. International: the 960000 only after a 95
        /// and the full upload.
        /// </summary>
        private string EndBatch(string tid, int batch, IsoMessage m, bool balancedEnd)
        {
            if (_settled.Contains(tid + "/" + batch))
            {
                return "00";
            }

            if (!_checks.TryGetValue(tid, out BatchCheck c) || c.Batch != batch)
            {
                Write("batch end of " + batch + " with no settlement of it: refused");
                return "95";
            }

            if (balancedEnd && !c.Balanced)
            {
                Write("balanced batch end after our unbalanced verdict: refused");
                return "95";
            }

            // UnionPay's batch end names how many it uploaded ([LY] PosBatchUp, 48 n4); the
            // international one (960000) carries totals, not a count: its uploads are checked below.
            string f48 = _profile.Settlement == SettlementStyle.UnionPay ? m.GetString(48) : null;
            int count = f48 != null && f48.Length == 4 ? (int)Digits.Parse(f48, 0, 4) : -1;
            if (_profile.Settlement == SettlementStyle.UnionPay && count != c.Uploaded.Count)
            {
                Write("batch end names " + count + " uploads, we matched " + c.Uploaded.Count + ": refused");
                return "95";
            }

            if (!c.Balanced && !c.UploadedTotals.SameAs(c.Claimed))
            {
                // After "not balanced" the uploads are the terminal's proof of what it claimed.
                Write("uploads (" + c.UploadedTotals.Encode(SettlementStyle.UnionPay) + ") do not add up to the claimed totals ("
                    + (c.Claimed == null ? "unreadable" : c.Claimed.Encode(SettlementStyle.UnionPay)) + "): refused");
                return "95";
            }

            _checks.Remove(tid);
            CloseBatch(tid, batch);
            return "00";
        }

        private void CloseBatch(string tid, int batch)
        {
            if (_settled.Add(tid + "/" + batch))
            {
                _settledTotals[tid + "/" + batch] = TotalsOf(tid, batch);
            }

            if (!_closedBatch.TryGetValue(tid, out int closed) || closed < batch)
            {
                _closedBatch[tid] = batch;
            }

            foreach (LedgerEntry e in _ledger.Values)
            {
                if (e.TerminalId == tid && (e.Batch == batch || !_profile.UnionPayFields))
                {
                    e.Settled = true;
                }
            }
        }

        // ---- helpers -----------------------------------------------------------------------

        private Account Get(string pan)
        {
            if (!_accounts.TryGetValue(pan, out Account a))
            {
                _accounts[pan] = a = new Account { Pan = pan, BalanceMinor = DefaultBalanceMinor };
            }

            return a;
        }

        /// <summary>The clear PIN of an ISO 9564 format 0 block under the PIN key, or null when malformed.</summary>
        private static string ClearPin(byte[] encrypted, string pan, DesKey pik)
        {
            if (encrypted == null || encrypted.Length != 8 || pan.Length < 13)
            {
                return null;
            }

            byte[] block = new byte[8];
            pik.DecryptBlock(encrypted, 0, block, 0);
            string digits = "0000" + pan.Substring(pan.Length - 13, 12);
            for (int i = 0; i < 8; i++)
            {
                block[i] ^= (byte)((digits[2 * i] - '0') << 4 | (digits[(2 * i) + 1] - '0'));
            }

            int length = block[0] & 0x0F;
            if ((block[0] >> 4) != 0 || length < 4 || length > 12)
            {
                return null;
            }

            var pin = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = block[1 + (i / 2)];
                int nibble = i % 2 == 0 ? b >> 4 : b & 0x0F;
                if (nibble > 9)
                {
                    return null;
                }

                pin[i] = (char)('0' + nibble);
            }

            return new string(pin);
        }

        private byte[] Seal(IsoMessage a, DesKey mak)
        {
            int head = 2 + _profile.Framing.PrefixBytes;
            if (mak == null || !_profile.MacsMessage(a.Mti))
            {
                a.Remove(64);
                if (_profile.Packager.Pack(a, _buffer, 0, out int n, out _) != IsoStatus.Ok)
                {
                    return null;
                }

                return Slice(_buffer, 0, n);
            }

            if (new MessageSealer().Seal(_profile, mak, a, _buffer, 0, out int written) != SealStatus.Ok)
            {
                return null;
            }

            byte[] answer = Slice(_buffer, head, written - head);
            if (CorruptMacs > 0)
            {
                CorruptMacs--;
                answer[answer.Length - 1] ^= 0x01;
            }

            return answer;
        }

        private static byte[] Slice(byte[] b, int offset, int count)
        {
            byte[] s = new byte[count];
            Array.Copy(b, offset, s, 0, count);
            return s;
        }

        private string Describe(IsoMessage m)
        {
            string pan = m.GetString(2);
            return m.Mti + " stan=" + m.GetString(11) + " tid=" + m.GetString(41) + " code=" + m.GetString(39)
                + (pan != null ? " pan=" + PanMask.Mask(pan) : "") + (m.Has(4) ? " amount=" + m.GetString(4) : "");
        }

        private void Write(string line)
        {
            if (Log.Count >= MaxLogLines)
            {
                Log.RemoveRange(0, MaxLogLines / 2);
            }

            Log.Add(line);
            OnLog?.Invoke(line);
        }
    }
}
