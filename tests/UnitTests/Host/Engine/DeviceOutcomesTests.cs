using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Run;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.UnitTests.Engine;

/// <summary>
/// The App's reading of what the devices report: each status means the outcome the drivers reported
/// before they knew no outcomes, each reader entry the host's entry mode, each type its 9C byte.
/// </summary>
[TestClass]
public class DeviceOutcomesTests
{
    [TestMethod]
    public void EachCardReadFailureIsItsOutcome()
    {
        Assert.AreEqual(OutcomeCodes.CardReadError, DeviceOutcomes.OfCardRead(CardReadStatus.ReadError));
        Assert.AreEqual(OutcomeCodes.CardRemoved, DeviceOutcomes.OfCardRead(CardReadStatus.Removed));
        Assert.AreEqual(OutcomeCodes.CardNotSupported, DeviceOutcomes.OfCardRead(CardReadStatus.NotSupported));
        Assert.AreEqual(OutcomeCodes.ReaderNotAnswering, DeviceOutcomes.OfCardRead(CardReadStatus.ReaderNotAnswering));
        Assert.AreEqual(OutcomeCodes.SwipeReversed, DeviceOutcomes.OfCardRead(CardReadStatus.SwipeReversed));
        Assert.AreEqual(OutcomeCodes.CardReadError, DeviceOutcomes.OfCardRead(CardReadStatus.None), "a failure without a reason is a read error");
    }

    [TestMethod]
    public void EachPrinterStatusIsItsOutcome()
    {
        Assert.AreEqual(0, DeviceOutcomes.OfPrint(PrinterStatus.Printed));
        Assert.AreEqual(OutcomeCodes.PrinterOutOfPaper, DeviceOutcomes.OfPrint(PrinterStatus.OutOfPaper));
        Assert.AreEqual(OutcomeCodes.PrinterJammed, DeviceOutcomes.OfPrint(PrinterStatus.Jammed));
        Assert.AreEqual(OutcomeCodes.PrinterCoverOpen, DeviceOutcomes.OfPrint(PrinterStatus.CoverOpen));
        Assert.AreEqual(OutcomeCodes.PrinterNotAnswering, DeviceOutcomes.OfPrint(PrinterStatus.NotAnswering));
    }

    [TestMethod]
    public void AReadersEntryIsTheHostsEntryMode()
    {
        Assert.AreEqual(PosEntryMode.Swipe, EntryModes.Of(CardEntry.Swipe));
        Assert.AreEqual(PosEntryMode.Contactless, EntryModes.Of(CardEntry.Contactless));
        Assert.AreEqual(0, (int)EntryModes.Of(CardEntry.None));
    }

    [TestMethod]
    public void EachTransactionTypeHasItsEmvTransactionType()
    {
        var expected = new (TransactionType Type, byte Code)[]
        {
            (TransactionType.Balance, 0x31), (TransactionType.Sale, 0x00), (TransactionType.Void, 0x20),
            (TransactionType.Refund, 0x20), (TransactionType.PreAuth, 0x03), (TransactionType.PreAuthVoid, 0x20),
            (TransactionType.Completion, 0x00), (TransactionType.CompletionVoid, 0x20),
        };
        Assert.AreEqual(TransactionRules.TypeCount, expected.Length);
        foreach (var (type, code) in expected)
        {
            Assert.AreEqual(code, TransactionRules.EmvTransactionType(type), type.ToString());
        }
    }
}
