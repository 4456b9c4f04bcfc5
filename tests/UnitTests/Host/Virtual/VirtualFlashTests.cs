using System;
using System.Linq;
using nanoFramework.TestFramework;
using PosFirmware.Hal;
using PosFirmware.UnitTests.Support;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Random;
using static PosFirmware.UnitTests.Virtual.FlashTestKit;

namespace PosFirmware.UnitTests.Virtual
{
    [TestClass]
    public class VirtualFlashTests
    {
        [TestMethod]
        public void ClosedBytesSurviveAPowerCut()
        {
            var flash = new VirtualFlash();
            AppendClosed(flash, "j", Bytes.Ascii("intent"));
            flash.CutPowerNow();
            flash.PowerOn();
            Assert.AreEqual("intent", System.Text.Encoding.ASCII.GetString(ReadAll(flash, "j")));
        }

        [TestMethod]
        public void BytesNotClosedAreLostOnAPowerCut()
        {
            var flash = new VirtualFlash();
            AppendClosed(flash, "j", Bytes.Ascii("one"));
            flash.OpenAppend("j", out var file);
            file.Write(Bytes.Ascii("two"), 0, 3);
            flash.CutPowerNow();
            flash.PowerOn();
            Assert.AreEqual("one", System.Text.Encoding.ASCII.GetString(ReadAll(flash, "j")));
        }

        [TestMethod]
        public void PendingBytesAreInvisibleToReadersUntilClose()
        {
            var flash = new VirtualFlash();
            flash.OpenAppend("j", out var file);
            file.Write(Bytes.Ascii("abc"), 0, 3);
            Assert.AreEqual(0, ReadAll(flash, "j").Length);
            file.Close();
            Assert.AreEqual(3, ReadAll(flash, "j").Length);
        }

        [TestMethod]
        public void ACreatedFileExistsEmptyAtOnceLikeLittleFs()
        {
            var flash = new VirtualFlash();
            Assert.AreEqual((int)FlashStatus.Ok, (int)flash.Create("new", out var file));
            file.Write(Bytes.Ascii("x"), 0, 1);
            flash.CutPowerNow();
            flash.PowerOn();
            Assert.IsTrue(flash.Exists("new"));
            Assert.AreEqual(0, ReadAll(flash, "new").Length);
        }

        [TestMethod]
        public void HandlesFromBeforeACutAreDead()
        {
            var flash = new VirtualFlash();
            flash.OpenAppend("j", out var file);
            flash.CutPowerNow();
            flash.PowerOn();
            Assert.AreEqual((int)FlashStatus.Closed, (int)file.Write(Bytes.Ascii("late"), 0, 4));
            Assert.AreEqual((int)FlashStatus.Closed, (int)file.Close());
            Assert.AreEqual(0, ReadAll(flash, "j").Length);
            // and the file is free for a new writer
            Assert.AreEqual((int)FlashStatus.Ok, (int)flash.OpenAppend("j", out var again));
            again.Close();
        }

        [TestMethod]
        public void EverythingThrowsWhileThePowerIsOff()
        {
            var flash = new VirtualFlash();
            flash.CutPowerNow();
            Assert.ThrowsException(typeof(PowerCutException), () => flash.Exists("j"));
            Assert.ThrowsException(typeof(PowerCutException), () => flash.List());
            Assert.ThrowsException(typeof(PowerCutException), () => flash.Delete("j"));
        }

        [TestMethod]
        public void RenameIsAtomicAndNeverOverwrites()
        {
            var flash = new VirtualFlash();
            AppendClosed(flash, "journal.2", Bytes.Ascii("new"));
            AppendClosed(flash, "journal.1", Bytes.Ascii("old"));
            Assert.AreEqual((int)FlashStatus.AlreadyExists, (int)flash.Rename("journal.2", "journal.1"));
            Assert.AreEqual("old", System.Text.Encoding.ASCII.GetString(ReadAll(flash, "journal.1")));
            Assert.AreEqual("new", System.Text.Encoding.ASCII.GetString(ReadAll(flash, "journal.2")));

            Assert.AreEqual((int)FlashStatus.Ok, (int)flash.Rename("journal.2", "journal.3"));
            Assert.IsFalse(flash.Exists("journal.2"));
            Assert.AreEqual("new", System.Text.Encoding.ASCII.GetString(ReadAll(flash, "journal.3")));
            Assert.AreEqual((int)FlashStatus.NotFound, (int)flash.Rename("missing", "other"));
        }

        [TestMethod]
        public void RenameCutBeforeOrAfterLeavesExactlyOneName()
        {
            foreach (CutPoint point in new[] { CutPoint.Before, CutPoint.After })
            {
                var flash = new VirtualFlash();
                AppendClosed(flash, "a", Bytes.Ascii("data"));
                flash.ScheduleCut(flash.OperationCount, point);
                ExpectPowerCut(() => flash.Rename("a", "b"));
                flash.PowerOn();
                Assert.IsTrue(flash.Exists("a") ^ flash.Exists("b"), point.ToString());
                Assert.AreEqual(point == CutPoint.After, flash.Exists("b"));
            }
        }

        [TestMethod]
        public void OneWriterPerFileAndNoRenameOrDeleteWhileOpen()
        {
            var flash = new VirtualFlash();
            flash.OpenAppend("j", out var file);
            Assert.AreEqual((int)FlashStatus.Busy, (int)flash.OpenAppend("j", out _));
            Assert.AreEqual((int)FlashStatus.Busy, (int)flash.Rename("j", "k"));
            Assert.AreEqual((int)FlashStatus.Busy, (int)flash.Delete("j"));
            file.Close();
            Assert.AreEqual((int)FlashStatus.Ok, (int)flash.Delete("j"));
            Assert.AreEqual((int)FlashStatus.NotFound, (int)flash.Delete("j"));
        }

        [TestMethod]
        public void CreateRefusesAnExistingFile()
        {
            var flash = new VirtualFlash();
            AppendClosed(flash, "j", Bytes.Ascii("x"));
            Assert.AreEqual((int)FlashStatus.AlreadyExists, (int)flash.Create("j", out _));
        }

        [TestMethod]
        public void LimitsAreValuesNotExceptions()
        {
            var flash = new VirtualFlash(capacityBytes: 200, maxOpenFiles: 2);
            Assert.AreEqual((int)FlashStatus.InvalidName, (int)flash.OpenAppend("bad name", out _));
            flash.OpenAppend("a", out var a);
            flash.OpenAppend("b", out var b);
            Assert.AreEqual((int)FlashStatus.TooManyOpen, (int)flash.OpenAppend("c", out _));
            Assert.AreEqual((int)FlashStatus.NoSpace, (int)a.Write(new byte[500], 0, 500));
            Assert.AreEqual((int)FlashStatus.Ok, (int)a.Write(new byte[50], 0, 50));
            a.Close();
            b.Close();
            Assert.AreEqual(50, ReadAll(flash, "a").Length);
        }

        [TestMethod]
        public void ReadAtReadsFromAPositionAndStopsAtTheEnd()
        {
            var flash = new VirtualFlash();
            AppendClosed(flash, "j", Bytes.Ascii("0123456789"));
            var buf = new byte[4];
            Assert.AreEqual((int)FlashStatus.Ok, (int)flash.ReadAt("j", 8, buf, 0, 4, out int n));
            Assert.AreEqual(2, n);
            Assert.AreEqual((byte)'8', buf[0]);
            flash.ReadAt("j", 50, buf, 0, 4, out n);
            Assert.AreEqual(0, n);
            Assert.AreEqual((int)FlashStatus.NotFound, (int)flash.ReadAt("none", 0, buf, 0, 4, out _));
        }

        [TestMethod]
        public void ListIsSortedOrdinally()
        {
            var flash = new VirtualFlash();
            foreach (var n in new[] { "b", "a", "C", "a1" })
            {
                AppendClosed(flash, n, new byte[1]);
            }

            CollectionAssert.AreEqual(new[] { "C", "a", "a1", "b" }, flash.List());
        }

        [TestMethod]
        public void CutBeforeEveryOperationIndexOfAnAppendLosesOnlyTheUnclosedRecord()
        {
            // open-append, write, close = operations 0, 1, 2 after the first record.
            for (int i = 0; i < 3; i++)
            {
                foreach (CutPoint point in new[] { CutPoint.Before, CutPoint.After })
                {
                    var flash = new VirtualFlash();
                    AppendClosed(flash, "j", Bytes.Ascii("first;"));
                    flash.ScheduleCut(flash.OperationCount + i, point);
                    ExpectPowerCut(() =>
                    {
                        AppendClosed(flash, "j", Bytes.Ascii("second;"));
                        return 0;
                    });
                    flash.PowerOn();
                    string text = System.Text.Encoding.ASCII.GetString(ReadAll(flash, "j"));
                    bool closeHappened = i == 2 && point == CutPoint.After;
                    Assert.AreEqual(closeHappened ? "first;second;" : "first;", text, $"cut {point} op {i}");
                }
            }
        }

        [TestMethod]
        public void ABitFlipIsCaughtByACallerThatChecksCrcs()
        {
            var flash = new VirtualFlash();
            byte[] record = Record(Bytes.Ascii("reversal STAN 000121 amount 100"));
            AppendClosed(flash, "rev", record);
            Assert.IsTrue(RecordIsIntact(ReadAll(flash, "rev")));

            for (long bit = 0; bit < record.Length * 8L; bit++)
            {
                flash.FlipBit("rev", bit);
                Assert.IsFalse(RecordIsIntact(ReadAll(flash, "rev")), $"bit {bit}");
                flash.FlipBit("rev", bit);
            }

            Assert.IsTrue(RecordIsIntact(ReadAll(flash, "rev")));
            Assert.AreEqual(record.Length * 8 * 2, flash.BitFlipCount);
        }

        [TestMethod]
        public void RandomBitFlipsChangeStoredBytes()
        {
            var flash = new VirtualFlash();
            AppendClosed(flash, "a", new byte[64]);
            Assert.AreEqual(3, flash.FlipRandomBits(new SeededRandom(7), 3));
            Assert.IsTrue(ReadAll(flash, "a").Any(b => b != 0));
        }

        [TestMethod]
        public void RandomCutsAreReproducibleFromTheSeed()
        {
            string Run(long seed)
            {
                var flash = new VirtualFlash();
                flash.CutRandomly(0.05, new SeededRandom(seed));
                var log = new System.Text.StringBuilder();
                for (int i = 0; i < 200; i++)
                {
                    try
                    {
                        AppendClosed(flash, "j", new byte[] { (byte)i });
                    }
                    catch (PowerCutException e)
                    {
                        log.Append(e.Message).Append('|');
                        flash.PowerOn();
                    }
                }

                return log + ":" + ReadAll(flash, "j").Length;
            }

            Assert.AreEqual(Run(42), Run(42));
            Assert.AreNotEqual(Run(42), Run(43));
            Assert.IsTrue(Run(42).Contains("power cut"));
        }

        [TestMethod]
        public void CountsDurableClosesAndBytes()
        {
            var flash = new VirtualFlash();
            AppendClosed(flash, "a", new byte[10]);
            AppendClosed(flash, "a", new byte[5]);
            Assert.AreEqual(2L, flash.DurableCloseCount);
            Assert.AreEqual(15L, flash.BytesCommitted);
            Assert.AreEqual(6L, flash.OperationCount);
            Assert.AreEqual("#5 close a (5 B)", flash.Log[5].ToString());
        }

        [TestMethod]
        public void ASchedulingMistakeIsAProgrammingError()
        {
            var flash = new VirtualFlash();
            flash.Exists("a");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => flash.ScheduleCut(0, CutPoint.Before));
        }
    }
}
