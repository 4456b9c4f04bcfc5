using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>Every transaction type through approved, declined, no answer and bad MAC.</summary>
    [TestClass]
    public sealed class EveryTypeTests
    {
        private const string Pan = "6228480000000000001";

        private enum Branch
        {
            Approved,
            Declined,
            NoAnswer,
            BadMac,
        }

        /// <summary>Idle rig with the original the type refers to approved (its STAN), and the keys that start the type.</summary>
        private static EngineRig Prepare(TransactionType type, out string keys)
        {
            var rig = new EngineRig().Ready();
            int original = 0;
            TransactionType needs = type switch
            {
                TransactionType.Void or TransactionType.Refund => TransactionType.Sale,
                TransactionType.PreAuthVoid or TransactionType.Completion or TransactionType.CompletionVoid => TransactionType.PreAuth,
                _ => type,
            };
            if (needs != type)
            {
                rig.Keys(needs == TransactionType.Sale ? "E6000E" : "F520000E");
                rig.Card(EngineRig.Swipe());
                rig.Keys("E");
                rig.Run();
                Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
                original = rig.State.Last.Stan;
                rig.Dismiss();
            }

            if (type == TransactionType.CompletionVoid)
            {
                rig.Keys("F7" + original + "E15000E");
                rig.Card(EngineRig.Swipe());
                rig.Keys("E");
                rig.Run();
                Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
                original = rig.State.Last.Stan;
                rig.Dismiss();
            }

            int item = System.Array.IndexOf(Prompts.TransactionTypes, type) + 1;
            keys = "F" + item + type switch
            {
                TransactionType.Sale or TransactionType.PreAuth => "3000E",
                TransactionType.Balance => "",
                TransactionType.Refund or TransactionType.Completion => original + "E2000E",
                _ => original + "E",
            };
            rig.Trace.Clear();
            return rig;
        }

        [TestMethod]
        public void EveryTypeThroughEveryBranch()
        {
            foreach (TransactionType type in Prompts.TransactionTypes)
            {
                foreach (Branch branch in System.Enum.GetValues<Branch>())
                {
                    string what = type + "/" + branch;
                    EngineRig rig = Prepare(type, out string keys);
                    long before = rig.Host.AccountFor(Pan).BalanceMinor;
                    long held = rig.Host.AccountFor(Pan).HeldMinor;
                    int batch = rig.State.BatchCount;
                    rig.Host.ForceCode = branch == Branch.Declined ? m => "05" : null;
                    rig.Host.CorruptMacs = branch == Branch.BadMac ? 1 : 0;
                    rig.HostSilent = branch == Branch.NoAnswer;
                    rig.Keys(keys);
                    rig.Card(EngineRig.Swipe());
                    if (rig.Engine.Phase == Phase.EnterPin)
                    {
                        rig.Keys(type == TransactionType.Balance ? "123456E" : "E");
                    }

                    rig.Run();
                    if (branch == Branch.NoAnswer)
                    {
                        rig.HostSilent = false;
                        byte[] lost = rig.TakeUnanswered();
                        Assert.IsNotNull(lost, what);
                        rig.Host.Handle(lost, 0, lost.Length);
                        rig.Advance(30_000);
                    }

                    rig.Run();
                    string t = rig.Text();
                    bool reversible = TransactionRules.IsReversible(type);
                    switch (branch)
                    {
                        case Branch.Approved:
                            Assert.AreEqual(type == TransactionType.Balance ? ScreenId.Balance : ScreenId.Outcome, rig.Screen.Id, what + "\n" + t);
                            Assert.AreEqual(OutcomeCodes.Approved, rig.Engine.LastOutcome, what + "\n" + t);
                            Assert.AreEqual(type == TransactionType.Balance ? batch : batch + 1, rig.State.BatchCount, what);
                            break;
                        case Branch.Declined:
                            Assert.AreEqual(105, rig.Engine.LastOutcome, what + "\n" + t);
                            Assert.AreEqual(batch, rig.State.BatchCount, what);
                            Assert.AreEqual(before, rig.Host.AccountFor(Pan).BalanceMinor, what);
                            break;
                        default:
                            if (type == TransactionType.Refund)
                            {
                                // Maybe applied, never reversed: kept, resent unchanged, answered as the original was.
                                Assert.AreEqual(OutcomeCodes.RefundPending, rig.Engine.LastOutcome, what + "\n" + t);
                                Assert.IsNull(rig.State.Refund, "the refund was resent and answered: " + what + "\n" + t);
                                Assert.AreEqual(batch + 1, rig.State.BatchCount, what);
                                Assert.AreEqual(OutcomeCodes.Approved, rig.State.Last.OutcomeCode, what);
                                Assert.AreEqual(before + 2000, rig.Host.AccountFor(Pan).BalanceMinor, "I1, credited once: " + what);
                                break;
                            }

                            int expected = !reversible ? OutcomeCodes.NoValidReply : branch == Branch.NoAnswer ? OutcomeCodes.TimeoutHost : OutcomeCodes.MacError;
                            Assert.AreEqual(expected, rig.Engine.LastOutcome, what + "\n" + t);
                            Assert.AreEqual(batch, rig.State.BatchCount, what);
                            Assert.IsNull(rig.State.Reversal, "the reversal was delivered: " + what + "\n" + t);
                            if (reversible)
                            {
                                Assert.AreEqual(ReversalState.Done, rig.State.Last.Reversal, what);
                                Assert.AreEqual(before, rig.Host.AccountFor(Pan).BalanceMinor, "I1: " + what);
                                Assert.AreEqual(held, rig.Host.AccountFor(Pan).HeldMinor, "I1 (holds): " + what);
                            }

                            break;
                    }

                    Assert.IsTrue(t.IndexOf("TakeStanAndArmReversal") < 0 == !reversible, "reversal armed exactly for reversible types: " + what);
                    Assert.IsTrue(t.IndexOf("TakeStanAndArmRefund") < 0 == (type != TransactionType.Refund), "refund kept before it leaves exactly for refunds: " + what);
                }
            }
        }
    }
}
