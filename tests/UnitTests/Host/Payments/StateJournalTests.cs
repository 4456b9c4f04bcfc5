using System;
using System.Collections.Generic;
using System.Text;
using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>
    /// The terminal state on the journal: RAM equals what recovery rebuilds, after every kind of
    /// change, through compactions, and at every power cut of a whole transaction script.
    /// </summary>
    [TestClass]
    public class StateJournalTests
    {
        private static StateJournal Open(VirtualFlash flash, int compactAt = 64 * 1024)
        {
            var journal = new StateJournal(new Journal(flash, 1024, compactAt), new TerminalState(50, 8, 16), 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Recover());
            return journal;
        }

        /// <summary>Everything the state holds, as text: two states are equal when their dumps are.</summary>
        public static string Dump(TerminalState s)
        {
            var b = new StringBuilder();
            b.Append($"reserved={s.ReservedStan} batch={s.Batch}\n");
            if (s.Reversal is PendingReversal r)
            {
                b.Append($"reversal {r.Stan} {r.Batch} {r.Type} {r.AmountMinor} {r.Attempts} {r.NeedsManualHandling} {Convert.ToHexString(r.Message)} {r.When}\n");
            }

            for (int i = 0; i < s.ManualCount; i++)
            {
                var m = s.ManualAt(i);
                b.Append($"manual {m.Stan} {m.Batch} {m.Type} {m.AmountMinor} {m.Message == null}\n");
            }

            if (s.Refund is PendingRefund f)
            {
                b.Append($"refund {f.Stan} {f.Batch} {f.Type} {f.AmountMinor} {f.Attempts} {f.LocalTime} {f.LocalDate} {f.Entry} {f.MaskedPan} {f.RefersToStan} {Convert.ToHexString(f.Message)}\n");
            }

            for (int i = 0; i < s.ManualRefundCount; i++)
            {
                var m = s.ManualRefundAt(i);
                b.Append($"manual refund {m.Stan} {m.Batch} {m.Type} {m.AmountMinor} {m.LocalDate} {m.MaskedPan} {m.Message == null}\n");
            }

            for (int i = 0; i < s.BatchCount; i++)
            {
                var e = s.BatchAt(i);
                b.Append($"batch {e.Entry.Stan} {e.Entry.Batch} {e.Entry.Type} {e.Entry.AmountMinor} {e.Entry.LocalTime} {e.Entry.LocalDate} {e.Entry.Entry} {e.Entry.Rrn} {e.Entry.AuthCode} {e.MaskedPan} {e.OutcomeCode} {e.Offline} {e.Voided} {e.RefersToStan}\n");
            }

            for (int i = 0; i < s.AdviceCount; i++)
            {
                var a = s.AdviceAt(i);
                b.Append($"advice {a.Stan} {a.AmountMinor} {a.Attempts} {a.Failed} {Convert.ToHexString(a.Message)}\n");
            }

            if (s.Last is LastTransaction t)
            {
                b.Append($"last {t.Stan} {t.Type} {t.AmountMinor} {t.OutcomeCode} {t.MaskedPan} {t.Rrn} {t.AuthCode} {t.When} {t.Reversal} {t.ResponseCode} {t.Batch} {t.ReversalWhen}\n");
            }

            for (int i = 0; i < s.ConfirmedCount; i++)
            {
                var c = s.ConfirmedAt(i);
                b.Append($"confirmed {c.Stan} {c.Batch} {c.Type} {c.AmountMinor} {c.MaskedPan} {c.Rrn} {c.OriginalWhen} {c.ConfirmedWhen} due={c.NoticeDue}\n");
            }

            b.Append($"overflow {s.ManualOverflow} {s.ManualRefundOverflow}\n");

            for (int i = 0; i < s.EventCount; i++)
            {
                b.Append($"event {s.EventAt(i).TimeMs} {s.EventAt(i).Code} {s.EventAt(i).Stan}\n");
            }

            return b.ToString();
        }

        private static BatchRecord Approved(int stan, TransactionType type, long amount, int refersTo = -1)
        {
            var r = new BatchRecord { MaskedPan = "622848*********0001", OutcomeCode = 0, RefersToStan = refersTo };
            r.Entry.Stan = stan;
            r.Entry.Batch = 1;
            r.Entry.Type = type;
            r.Entry.AmountMinor = amount;
            r.Entry.LocalTime = "103000";
            r.Entry.LocalDate = "1122";
            r.Entry.Entry = PosEntryMode.Contactless;
            r.Entry.Rrn = "000000" + stan.ToString("D6");
            r.Entry.AuthCode = "A" + stan.ToString("D5");
            return r;
        }

        private static LastTransaction Last(int stan, int outcome, ReversalState reversal) => new LastTransaction
        {
            Stan = stan, Type = TransactionType.Sale, AmountMinor = 100 * stan, OutcomeCode = outcome, MaskedPan = "622848*********0001",
            Rrn = "000000" + stan.ToString("D6"), When = "1122103000", Reversal = reversal,
            ResponseCode = outcome == 0 ? "00" : null, Batch = 1, ReversalWhen = reversal == ReversalState.Done ? "1122103105" : null,
        };

        private static ConfirmedReversal Confirmed(int stan) => new ConfirmedReversal
        {
            Stan = stan, Batch = 1, Type = TransactionType.Sale, AmountMinor = 100 * stan, MaskedPan = "622848*********0001",
            Rrn = null, OriginalWhen = "1122103000", ConfirmedWhen = "1122103105",
        };

        private static LoggedEvent Event(int code, int stan) => new LoggedEvent { TimeMs = 1000L * stan, Code = code, Stan = stan };

        /// <summary>A day at the counter, one durable step at a time; returns how many steps it took.</summary>
        private static int Script(StateJournal j, Action? afterStep = null)
        {
            int steps = 0;
            void Step(JournalStatus s)
            {
                Assert.AreEqual((int)JournalStatus.Ok, (int)s);
                steps++;
                afterStep?.Invoke();
            }

            for (int i = 0; i < 3; i++)
            {
                Step(j.TakeStan(out int stan));
                Step(j.ArmReversal(new PendingReversal { Stan = stan, Batch = j.State.Batch, Type = TransactionType.Sale, AmountMinor = 100 * stan, Message = new byte[] { 4, 0, (byte)stan }, When = "1122103000" }));
                if (i == 1)
                {
                    // No answer: the reversal is sent twice, then confirmed.
                    Step(j.CountReversalAttempt());
                    Step(j.CountReversalAttempt());
                    Step(j.ConfirmReversal(Confirmed(stan), Last(stan, 204, ReversalState.Done), Event(234, stan)));
                }
                else
                {
                    Step(j.Complete(Approved(stan, TransactionType.Sale, 100 * stan), -1, null, Last(stan, 0, ReversalState.None), true, Event(0, stan)));
                }
            }

            // A void of the first sale.
            Step(j.TakeStan(out int voidStan));
            Step(j.ArmReversal(new PendingReversal { Stan = voidStan, Batch = j.State.Batch, Type = TransactionType.Void, AmountMinor = 100, Message = new byte[] { 4, 2 } }));
            Step(j.Complete(Approved(voidStan, TransactionType.Void, 100, 1), 1, null, Last(voidStan, 0, ReversalState.None), true, Event(0, voidStan)));
            // An offline approval and its advice, which goes on the second try.
            Step(j.TakeStan(out int offline));
            var advice = new PendingAdvice { Stan = offline, AmountMinor = 2000, Message = new byte[] { 2, 2, 0 } };
            Step(j.Complete(Approved(offline, TransactionType.Sale, 2000), -1, advice, Last(offline, 1, ReversalState.None), false, Event(1, offline)));
            Step(j.CountAdviceAttempt(offline));
            Step(j.CountAdviceAttempt(offline));
            Step(j.AdviceDone(offline));
            // A reversal that runs out of retries.
            Step(j.TakeStan(out int lost));
            Step(j.ArmReversal(new PendingReversal { Stan = lost, Batch = j.State.Batch, Type = TransactionType.Sale, AmountMinor = 700, Message = new byte[] { 4, 0, 9 } }));
            for (int k = 0; k < 3; k++)
            {
                Step(j.CountReversalAttempt());
            }

            Step(j.MarkReversalManual(null, Event(216, lost)));
            return steps;
        }

        [TestMethod]
        public void RecoveryRebuildsExactlyWhatRamHolds()
        {
            var flash = new VirtualFlash();
            var j = Open(flash);
            Script(j);
            string ram = Dump(j.State);
            Assert.AreEqual(0, j.IgnoredRecords);
            Assert.AreEqual(6, j.State.EventCount, ram);
            Assert.AreEqual(ram, Dump(Open(flash).State));
            Assert.IsTrue(ram.Contains("manual 6 1 Sale 700 True"), ram);
            Assert.IsTrue(ram.Contains("confirmed 2 1 Sale 200 622848*********0001  1122103000 1122103105 due=True\n"), ram);
            Assert.IsTrue(ram.Contains("last 5 Sale 500 1 622848*********0001 000000000005  1122103000 None  1 \n"), ram);
            Assert.IsNull(j.State.Reversal, ram);
            Assert.IsTrue(ram.Contains("batch 1 1 Sale 100"), ram);
            Assert.IsTrue(j.State.BatchAt(0).Voided);
            Assert.AreEqual(0, j.State.AdviceCount);
            Assert.AreEqual(3 + 1, j.State.BatchCount);
            // Totals: sales 3 (300) and 6 (2000); sale 1 voided; the void itself moves nothing.
            var totals = j.State.Totals();
            Assert.AreEqual(2, totals.DebitCount);
            Assert.AreEqual(2300L, totals.DebitAmountMinor);
        }

        [TestMethod]
        public void ALastTransactionRecordWrittenBeforeItsCodeWasKeptStillRecovers()
        {
            var flash = new VirtualFlash();
            var journal = new Journal(flash, 1024, 64 * 1024);
            var state = new StateJournal(journal, new TerminalState(50, 8, 16), 2048);
            Assert.AreEqual((int)JournalStatus.Ok, (int)state.Recover());
            // The Last record as written before issue 12: ends with the reversal state.
            var w = new RecordWriter(journal.MaxPayloadBytes);
            w.Reset().I32(5).U8((int)TransactionType.Sale).I64(500).U16(151).Ascii("622848*********0001").Ascii(null).Ascii(null).Ascii("1122103000").U8(0);
            var batch = new JournalBatch(2048);
            batch.Add(RecordType.Last, w);
            Assert.AreEqual((int)JournalStatus.Ok, (int)journal.Commit(batch));
            var j = Open(flash);
            Assert.AreEqual(0, j.IgnoredRecords);
            Assert.AreEqual(151, j.State.Last.OutcomeCode);
            Assert.IsNull(j.State.Last.ResponseCode);

            // The code and the confirmation time written now come back.
            var last = new LastTransaction { Stan = 6, OutcomeCode = 170, ResponseCode = "Q7", Batch = 3, When = "1122103000" };
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Complete(null, -1, null, last, false, null));
            var again = Open(flash).State.Last;
            Assert.AreEqual("Q7", again.ResponseCode);
            Assert.AreEqual(3, again.Batch);
        }

        [TestMethod]
        public void SettlingDropsTheManualReversalsAndFailedAdvices_WhichTheSettlementSlipListed()
        {
            var flash = new VirtualFlash();
            var j = Open(flash);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.ArmReversal(new PendingReversal { Stan = 7, Batch = 1, Type = TransactionType.Sale, AmountMinor = 700, Message = new byte[] { 1 } }));
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.MarkReversalManual(null, null));
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Complete(null, -1, new PendingAdvice { Stan = 8, AmountMinor = 800, Message = new byte[] { 2 } }, null, false, null));
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Complete(null, -1, new PendingAdvice { Stan = 9, AmountMinor = 900, Message = new byte[] { 3 } }, null, false, null));
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.AdviceFailed(8, null));
            // Compaction keeps the failed flag: still listed after a restart.
            Assert.AreEqual(Dump(j.State), Dump(Open(flash).State));
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.OpenNextBatch(null));
            Assert.AreEqual(0, j.State.ManualCount);
            Assert.AreEqual(1, j.State.AdviceCount, "the advice still to send stays");
            Assert.AreEqual(9, j.State.AdviceAt(0).Stan);
            Assert.AreEqual(Dump(j.State), Dump(Open(flash).State));
        }

        [TestMethod]
        public void AStanIsNeverHandedOutTwiceAcrossPowerCuts()
        {
            var flash = new VirtualFlash();
            var seen = new HashSet<int>();
            for (int boot = 0; boot < 30; boot++)
            {
                var j = Open(flash);
                for (int k = 0; k < boot % 7; k++)
                {
                    Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStan(out int stan));
                    Assert.IsTrue(seen.Add(stan), "STAN " + stan + " reused");
                }

                flash.CutPowerNow();
                flash.PowerOn();
            }

            // One flash write per block of StanBlock STANs, not one per STAN.
            Assert.IsTrue(flash.DurableCloseCount < seen.Count);
        }

        [TestMethod]
        public void CompactionKeepsTheStateAndBoundsTheFile()
        {
            var flash = new VirtualFlash();
            var j = Open(flash, compactAt: 600);
            Script(j);
            Assert.IsTrue(j.Journal.Generation > 3, "compacted " + j.Journal.Generation);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.LastCompaction);
            Assert.IsTrue(j.Journal.FileBytes < 600 + 1024);
            Assert.AreEqual(Dump(j.State), Dump(Open(flash, compactAt: 600).State));
        }

        [TestMethod]
        public void APowerCutAtEveryFlashOperationLeavesAStateTheScriptPassedThrough()
        {
            foreach (int compactAt in new[] { 64 * 1024, 700 })
            {
                // Reference: the state after each step, and the flash operations the script takes.
                var reference = new VirtualFlash();
                var rj = Open(reference, compactAt);
                var states = new List<string> { Dump(rj.State) };
                long start = reference.OperationCount;
                Script(rj, () => states.Add(Dump(rj.State)));
                long operations = reference.OperationCount - start;

                for (long op = 0; op < operations; op++)
                {
                    foreach (CutPoint point in new[] { CutPoint.Before, CutPoint.After })
                    {
                        var flash = new VirtualFlash();
                        var j = Open(flash, compactAt);
                        flash.ScheduleCut(flash.OperationCount + op, point);
                        int done = 0;
                        try
                        {
                            Script(j, () => done++);
                        }
                        catch (PowerCutException)
                        {
                        }

                        flash.PowerOn();
                        string recovered = Dump(Open(flash, compactAt).State);
                        // Every acknowledged step is there, and at most the one in flight besides.
                        bool ok = recovered == states[done] || (done + 1 < states.Count && recovered == states[done + 1]);
                        Assert.IsTrue(ok, $"compactAt {compactAt} op {op} {point}: acknowledged {done}\n{recovered}\nexpected\n{states[done]}");
                    }
                }
            }
        }

        [TestMethod]
        public void AChangeTheFlashRefusesNeverHappens()
        {
            var flash = new VirtualFlash(capacityBytes: 700);
            var j = Open(flash);
            JournalStatus s = JournalStatus.Ok;
            int i = 0;
            string before = "";
            while (s == JournalStatus.Ok && i < 1000)
            {
                before = Dump(j.State);
                s = j.ArmReversal(new PendingReversal { Stan = ++i, Batch = 1, Type = TransactionType.Sale, AmountMinor = i, Message = new byte[40] });
            }

            Assert.AreEqual((int)JournalStatus.FlashError, (int)s);
            Assert.AreEqual(before, Dump(j.State));
            Assert.AreEqual(before, Dump(Open(flash).State));
        }
            /// <summary>
        /// The reader of the firmware before issue 12 (commit 42cf7b2) for the records a rollback must
        /// not lose: its ReversalArmed, ReversalCleared and Last layouts, its rule that a record ends
        /// exactly where it expects (else it is dropped), and its skipping of types it does not know.
        /// </summary>
        private sealed class OldFirmwareReader : IJournalReader
        {
            private readonly RecordReader _r = new RecordReader();

            public string? Reversal { get; private set; }

            public string? Last { get; private set; }

            public int Dropped { get; private set; }

            public int Unknown { get; private set; }

            public void OnRecord(byte type, byte[] buffer, int offset, int length)
            {
                _r.Start(buffer, offset, length);
                if (type == RecordType.ReversalArmed)
                {
                    string r = $"{_r.I32()} {_r.I32()} {(TransactionType)_r.U8()} {_r.I64()} {_r.U16()}";
                    byte[] m = _r.Bytes();
                    Reversal = _r.Complete && m != null ? r + " " + Convert.ToHexString(m) : Reversal;
                    Dropped += _r.Complete && m != null ? 0 : 1;
                }
                else if (type == RecordType.ReversalCleared)
                {
                    int stan = _r.I32();
                    Reversal = _r.Complete && Reversal != null && Reversal.StartsWith(stan + " ") ? null : Reversal;
                }
                else if (type == RecordType.Last)
                {
                    string t = $"{_r.I32()} {(TransactionType)_r.U8()} {_r.I64()} {_r.U16()} {_r.Ascii()} {_r.Ascii()} {_r.Ascii()} {_r.Ascii()} {(ReversalState)_r.U8()}";
                    Last = _r.Complete ? t : Last;
                    Dropped += _r.Complete ? 0 : 1;
                }
                else if (type > RecordType.ManualReversal)
                {
                    Unknown++;
                }
            }
        }

        [TestMethod]
        public void AJournalWrittenNowStillGivesTheOlderFirmwareItsPendingReversalAndLastTransaction()
        {
            // After a firmware rollback the older reader must find the pending reversal and the last
            // transaction: the records it knows keep its layout, what came since is in new types.
            var flash = new VirtualFlash();
            var j = Open(flash);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStan(out int sold));
            var last = Last(sold, 0, ReversalState.None);
            last.ResponseCode = "00";
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Complete(Approved(sold, TransactionType.Sale, 100 * sold), -1, null, last, false, null));
            var pending = new PendingReversal { Stan = sold + 1, Batch = 1, Type = TransactionType.Sale, AmountMinor = 6000, Message = new byte[] { 4, 0, 7 }, When = "1122103000" };
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStanAndArmReversal(pending));

            for (int pass = 0; pass < 2; pass++)
            {
                var old = new OldFirmwareReader();
                Assert.AreEqual((int)JournalStatus.Ok, (int)new Journal(flash, 1024, 64 * 1024).Open(old));
                Assert.AreEqual(0, old.Dropped, "the older reader dropped a record it knows");
                Assert.AreEqual("2 1 Sale 6000 0 040007", old.Reversal, "pass " + pass);
                Assert.AreEqual("1 Sale 100 0 622848*********0001 000000000001  1122103000 None", old.Last, "pass " + pass);
                Assert.IsTrue(old.Unknown >= 2, "the new data rides in types the older reader skips");

                // The same from a compacted journal (the snapshot writes the same records).
                Assert.AreEqual((int)JournalStatus.Ok, (int)j.Journal.Compact(j, new JournalBatch(4096)));
            }

            // And the new reader gets everything back, from the separate records.
            var again = Open(flash).State;
            Assert.AreEqual("1122103000", again.Reversal.When);
            Assert.AreEqual("00", again.Last.ResponseCode);
            Assert.AreEqual(1, again.Last.Batch);
        }

        [TestMethod]
        public void TheReversalArmedAndLastRecordsKeepTheirOlderBytes()
        {
            // Byte for byte the payloads the firmware before issue 12 wrote (42cf7b2 WriteReversal, WriteLast).
            var flash = new VirtualFlash();
            var j = Open(flash);
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.ArmReversal(new PendingReversal { Stan = 2, Batch = 1, Type = TransactionType.Sale, AmountMinor = 6000, Attempts = 1, Message = new byte[] { 4, 0, 7 }, When = "1122103000" }));
            var last = Last(5, 151, ReversalState.Pending);
            last.ResponseCode = "51";
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Complete(null, -1, null, last, false, null));
            var records = new List<string>();
            new Journal(flash, 1024, 64 * 1024).Open(new Recorder(records));
            string all = string.Join("\n", records);
            Assert.IsTrue(records.Contains("2:" + "00000002" + "00000001" + "01" + "0000000000001770" + "0001" + "0003" + "040007"), all);
            Assert.IsTrue(records.Contains("8:" + "00000005" + "01" + "00000000000001F4" + "0097" + "13" + Convert.ToHexString(Encoding.ASCII.GetBytes("622848*********0001"))
                + "0C" + Convert.ToHexString(Encoding.ASCII.GetBytes("000000000005")) + "FF" + "0A" + Convert.ToHexString(Encoding.ASCII.GetBytes("1122103000")) + "01"), all);
        }

        private sealed class Recorder : IJournalReader
        {
            private readonly List<string> _records;

            public Recorder(List<string> records) => _records = records;

            public void OnRecord(byte type, byte[] buffer, int offset, int length) =>
                _records.Add(type + ":" + Convert.ToHexString(buffer, offset, length));
        }

        [TestMethod]
        public void AFullManualListCountsWhatItNoLongerHolds_ThroughRecoveryAndCompaction_UntilSettled()
        {
            var flash = new VirtualFlash();
            var j = Open(flash);
            int extra = 3;
            for (int i = 0; i < TerminalState.MaxManualReversals + extra; i++)
            {
                Assert.AreEqual((int)JournalStatus.Ok, (int)j.ArmReversal(new PendingReversal { Stan = 100 + i, Batch = 1, Type = TransactionType.Sale, AmountMinor = 100, Message = new byte[] { 1 } }));
                Assert.AreEqual((int)JournalStatus.Ok, (int)j.MarkReversalManual(null, null));
                int stan = TerminalState.After(j.State.LastStan);
                Assert.AreEqual((int)JournalStatus.Ok, (int)j.TakeStanAndArmRefund(new PendingRefund { Stan = stan, Batch = 1, Type = TransactionType.Refund, AmountMinor = 50, Message = new byte[] { 2 } }, null));
                Assert.AreEqual((int)JournalStatus.Ok, (int)j.MarkRefundManual(null, null));
            }

            Assert.AreEqual(TerminalState.MaxManualReversals, j.State.ManualCount);
            Assert.AreEqual(extra, j.State.ManualOverflow);
            Assert.AreEqual(extra, j.State.ManualRefundOverflow);
            Assert.AreEqual(Dump(j.State), Dump(Open(flash).State));
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Journal.Compact(j, new JournalBatch(8192)));
            Assert.AreEqual(Dump(j.State), Dump(Open(flash).State), "the snapshot keeps the counts");

            // The reports list the 16 held and say how many more, so none leaves them silently.
            var setup = new PosFirmware.App.Engine.EngineSetup { MerchantName = "TEST", Identity = new PosFirmware.Messaging.Host.TerminalIdentity("10020831", "308640041110003", "001") };
            string report = string.Join("\n", PosFirmware.App.Slips.Reports.Totals(setup, 1, j.State.Totals(), "1122103000", true, j.State)) + "\n";
            Assert.IsTrue(report.Contains("冲正失败 MANUAL REVERSALS: " + (TerminalState.MaxManualReversals + extra) + "\n"), report);
            Assert.IsTrue(report.Contains("  000118 1.00\n  +3 more, see log\n  另有3笔 见日志\n退货结果未知 REFUNDS UNKNOWN: " + (TerminalState.MaxManualReversals + extra) + "\n"), report);
            Assert.IsTrue(report.Contains(" -0.50\n  +3 more, see log\n  另有3笔 见日志\n"), report);
            foreach (string line in report.TrimEnd('\n').Split('\n'))
            {
                Assert.IsTrue(PosFirmware.Common.TextColumns.Of(line) <= PosFirmware.Common.TextColumns.SlipLine, line);
            }

            Assert.AreEqual((int)JournalStatus.Ok, (int)j.OpenNextBatch(null));
            Assert.AreEqual(0, j.State.ManualOverflow);
            Assert.AreEqual(0, j.State.ManualRefundOverflow);
            Assert.AreEqual(Dump(j.State), Dump(Open(flash).State));
        }
    }
}
