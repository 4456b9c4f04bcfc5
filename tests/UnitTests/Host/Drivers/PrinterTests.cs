using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Slips;
using PosFirmware.Devices;
using PosFirmware.Drivers.Printer;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Parts.Printer;
using PosFirmware.Virtual.Parts.Serial;
using PosFirmware.Virtual.Snapshots;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Host.Drivers;

[TestClass]
public class PrinterTests
{
    private const PrinterStatus NoResult = (PrinterStatus)(-1);

    private sealed class Rig
    {
        public readonly ManualClock Clock = new(1_000);
        public readonly VirtualSerialPort Port;
        public readonly EscPosPrinterModel Model;
        public readonly EscPosPrinter Printer;

        public Rig()
        {
            Port = new VirtualSerialPort(Clock, 115_200);
            Model = new EscPosPrinterModel(Port);
            Printer = new EscPosPrinter(Port, Clock);
        }

        /// <summary>Polls until a result; the hook runs every millisecond (to open the cover mid-slip, say).</summary>
        /// <summary>NoResult (not a PrinterStatus) when none came within forMs.</summary>
        public (PrinterStatus Status, long TookMs) Result(Action? hook = null, int forMs = 60_000)
        {
            long start = Clock.NowMs;
            for (int t = 0; t < forMs; t++)
            {
                Clock.Advance(1);
                hook?.Invoke();
                if (Printer.TryTakeResult(out PrinterStatus code))
                {
                    return (code, Clock.NowMs - start);
                }
            }

            return (NoResult, forMs);
        }
    }

    private static string[] Slip(int outcome, SlipCopy copy = SlipCopy.Merchant) => SlipBuilder.Lines(SlipSnapshots.Sample(outcome), copy);

    [TestMethod]
    public void APlainLineIsKnownBytes()
    {
        var layout = new SlipLayout();
        var o = new byte[SlipLayout.MaxLineBytes];
        int n = layout.Render("APPROVED", o);
        Assert.AreEqual("1B61001B45001D2100" + "415050524F564544" + "0A", Convert.ToHexString(o, 0, n));
        n = layout.Render(SlipMarkup.Emphasis + "RMB 1.00", o);
        Assert.AreEqual("1B61001B45011D2111" + "524D4220312E3030" + "0A", Convert.ToHexString(o, 0, n));
    }

    [TestMethod]
    public void EveryOutcomesSlipPrintsBothCopiesWithItsTexts()
    {
        foreach (Outcome outcome in OutcomeCatalog.All)
        {
            foreach (SlipCopy copy in new[] { SlipCopy.Merchant, SlipCopy.Cardholder })
            {
                var rig = new Rig();
                string[] lines = Slip(outcome.Code, copy);
                rig.Printer.Print(lines);
                var (code, _) = rig.Result();
                Assert.AreEqual(PrinterStatus.Printed, code, $"outcome {outcome.Code}");
                Assert.AreEqual(1, rig.Model.Cuts);
                Assert.AreEqual(0, rig.Model.UnknownCommands.Count, string.Join(",", rig.Model.UnknownCommands));

                // Latin-only lines come out as text in the printer's font, the rest as raster bands.
                var ascii = lines.Where(l => SlipMarkup.StyleOf(l) != SlipMarkup.Qr).Select(SlipMarkup.Plain).Where(l => l.Length > 0 && SlipLayout.IsAscii(l)).ToList();
                CollectionAssert.AreEqual(ascii, rig.Model.TextLines.Where(t => t.Length > 0).ToList(), $"outcome {outcome.Code}");
                Assert.AreEqual(lines.Count(l => !SlipLayout.IsAscii(SlipMarkup.Plain(l)) && SlipMarkup.StyleOf(l) != SlipMarkup.Qr), rig.Model.RasterBands);
                Assert.IsTrue(rig.Model.Pages[0].Height > 300);
            }
        }
    }

    [TestMethod]
    public void TheQrCodeCarriesTheTransactionReference()
    {
        var rig = new Rig();
        rig.Printer.Print(Slip(OutcomeCodes.Approved));
        Assert.AreEqual(PrinterStatus.Printed, rig.Result().Status);
        CollectionAssert.AreEqual(new[] { "TID:10020831 BATCH:000002 TRACE:000122 REF:000000123456" }, rig.Model.QrPayloads);
    }

    [TestMethod]
    public void PaperRunningOutMidSlipStopsTheJobWithinALineAndAReprintWorks()
    {
        var full = new Rig();
        full.Printer.Print(Slip(OutcomeCodes.Approved));
        full.Result();
        int slipDots = full.Model.Pages[0].Height;

        foreach (int fraction in new[] { 10, 35, 60, 90 })
        {
            var rig = new Rig();
            rig.Model.PaperDots = slipDots * fraction / 100;
            rig.Printer.Print(Slip(OutcomeCodes.Approved));
            long bytesAtPaperOut = -1;
            var (code, took) = rig.Result(() =>
            {
                if (bytesAtPaperOut < 0 && rig.Model.PaperOut)
                {
                    bytesAtPaperOut = rig.Model.BytesReceived;
                }
            });
            Assert.AreEqual(PrinterStatus.OutOfPaper, code, $"{fraction}%");
            Assert.AreEqual(0, rig.Model.Cuts, "nothing was cut off as if whole");
            Assert.IsTrue(rig.Model.BytesReceived - bytesAtPaperOut <= SlipLayout.MaxLineBytes + 3, $"{rig.Model.BytesReceived - bytesAtPaperOut} bytes sent after the paper ran out");
            Assert.IsTrue(took < 5_000);

            rig.Model.PaperDots = 100_000;
            rig.Printer.Print(Slip(OutcomeCodes.Approved));
            Assert.AreEqual(PrinterStatus.Printed, rig.Result().Status, "reprint after loading paper");
            Assert.AreEqual(1, rig.Model.Cuts);
        }
    }

    [TestMethod]
    public void ACoverOpenedMidSlipAndACutterErrorAreSaid()
    {
        var rig = new Rig();
        rig.Printer.Print(Slip(OutcomeCodes.Approved));
        var (code, _) = rig.Result(() =>
        {
            if (rig.Model.BytesReceived > 3_000)
            {
                rig.Model.CoverOpen = true;
            }
        });
        Assert.AreEqual(PrinterStatus.CoverOpen, code);

        rig = new Rig();
        rig.Model.CoverOpen = true;
        rig.Printer.Print(Slip(OutcomeCodes.Approved));
        Assert.AreEqual(PrinterStatus.CoverOpen, rig.Result().Status);
        Assert.AreEqual(0, rig.Model.RasterBands + rig.Model.TextLines.Count, "nothing sent after the first status said the cover is open");

        rig = new Rig();
        rig.Model.CutterError = true;
        rig.Printer.Print(Slip(OutcomeCodes.Approved));
        Assert.AreEqual(PrinterStatus.Jammed, rig.Result().Status);
    }

    [TestMethod]
    public void APrinterThatDoesNotAnswerIsFoundWithinItsDeadline()
    {
        var rig = new Rig();
        rig.Model.Mute = true;
        rig.Printer.Print(Slip(OutcomeCodes.Approved));
        var (code, took) = rig.Result();
        Assert.AreEqual(PrinterStatus.NotAnswering, code);
        Assert.IsTrue(took <= (EscPosPrinter.StatusRetries + 1) * EscPosPrinter.StatusTimeoutMs + 2, $"took {took} ms");

        rig.Port.Closed = true;
        rig.Model.Mute = false;
        rig.Printer.Print(Slip(OutcomeCodes.Approved));
        Assert.AreEqual(PrinterStatus.NotAnswering, rig.Result().Status);
    }

    [TestMethod]
    public void StatusBytesWithoutTheFixedBitsAreNotTaken()
    {
        var rig = new Rig();
        rig.Model.Mute = true;
        rig.Printer.Print(Slip(OutcomeCodes.Approved));
        var (code, _) = rig.Result(() => rig.Port.Send(new byte[] { 0xFF, 0x00, 0x80 }));
        Assert.AreEqual(PrinterStatus.NotAnswering, code, "noise is not a status");
        Assert.AreEqual(PrinterStatus.Printed, EscPosPrinter.FaultOf(0x12));
        Assert.AreEqual(PrinterStatus.OutOfPaper, EscPosPrinter.FaultOf(0x32));
    }

    [TestMethod]
    public void JobsFinishInOrderAndTooManyAreRefusedNotLost()
    {
        var rig = new Rig();
        for (int i = 0; i < EscPosPrinter.MaxJobs + 1; i++)
        {
            rig.Printer.Print(Slip(OutcomeCodes.Approved, i % 2 == 0 ? SlipCopy.Merchant : SlipCopy.Cardholder));
        }

        var codes = new List<PrinterStatus>();
        for (int i = 0; i < EscPosPrinter.MaxJobs + 1; i++)
        {
            codes.Add(rig.Result().Status);
        }

        CollectionAssert.AreEqual(Enumerable.Repeat(PrinterStatus.Printed, EscPosPrinter.MaxJobs).Append(PrinterStatus.Jammed).ToList(), codes);
        Assert.AreEqual(EscPosPrinter.MaxJobs, rig.Model.Cuts);
        Assert.AreEqual(NoResult, rig.Result(forMs: 100).Status, "nothing more");
    }
}
