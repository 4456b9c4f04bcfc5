using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Input;
using PosFirmware.Devices;
using PosFirmware.Drivers.Keypad;
using PosFirmware.Virtual.Parts.Keypad;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Host.Drivers;

[TestClass]
public class KeypadTests
{
    private sealed class Rig
    {
        public readonly ManualClock Clock = new(500);
        public readonly VirtualKeypadMatrix Matrix;
        public readonly MatrixKeypad Keypad;
        public readonly List<KeyCode> Taken = new();

        public Rig(long seed = 1, int bounceMs = 0)
        {
            Matrix = new VirtualKeypadMatrix(Clock, seed) { BounceMs = bounceMs };
            Keypad = new MatrixKeypad(Matrix.Rows, Matrix.Columns, Clock, KeypadLayout.Standard);
        }

        /// <summary>Runs the loop every stepMs for forMs, taking keys as the run loop does.</summary>
        public void Run(int forMs, int stepMs = 1)
        {
            for (int t = 0; t < forMs; t += stepMs)
            {
                Clock.Advance(stepMs);
                while (Keypad.TryTakeKey(out KeyCode k))
                {
                    Taken.Add(k);
                }
            }
        }

        public void Tap(int index, int holdMs = 60, int afterMs = 60)
        {
            Matrix.Press(index);
            Run(holdMs);
            Matrix.Release(index);
            Run(afterMs);
        }
    }

    [TestMethod]
    public void EveryKeyOfTheLayoutIsReadAsItsCode()
    {
        var rig = new Rig();
        for (int i = 0; i < 16; i++)
        {
            rig.Tap(i);
        }

        CollectionAssert.AreEqual(KeypadLayout.Standard, rig.Taken);
    }

    [TestMethod]
    public void BouncingContactsGiveOneKeyPerPress()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var rig = new Rig(seed, bounceMs: 8);
            var expected = new List<KeyCode>();
            var random = new Random(seed);
            for (int n = 0; n < 30; n++)
            {
                int index = random.Next(16);
                expected.Add(KeypadLayout.Standard[index]);
                rig.Tap(index, holdMs: 40 + random.Next(200), afterMs: 40 + random.Next(100));
            }

            CollectionAssert.AreEqual(expected, rig.Taken, $"seed {seed}");
        }
    }

    [TestMethod]
    public void AGlitchShorterThanTheDebounceIsNoKey()
    {
        var rig = new Rig();
        rig.Matrix.Press(5);
        rig.Run(MatrixKeypad.DebounceMs / 2);
        rig.Matrix.Release(5);
        rig.Run(100);
        Assert.AreEqual(0, rig.Taken.Count);
    }

    [TestMethod]
    public void AHeldKeyDoesNotRepeat()
    {
        var rig = new Rig();
        rig.Tap(0, holdMs: 5_000);
        CollectionAssert.AreEqual(new[] { KeyCode.Digit1 }, rig.Taken);
    }

    [TestMethod]
    public void TwoKeysDownTogetherTypeNothing()
    {
        var rig = new Rig();
        rig.Matrix.Press(0);
        rig.Matrix.Press(5);
        rig.Run(100);
        rig.Matrix.Release(0);
        rig.Matrix.Release(5);
        rig.Run(100);
        Assert.AreEqual(0, rig.Taken.Count);

        // A second key pressed while the first is held is not taken either; the first was.
        rig.Matrix.Press(1);
        rig.Run(60);
        rig.Matrix.Press(2);
        rig.Run(60);
        rig.Matrix.Release(2);
        rig.Matrix.Release(1);
        rig.Run(60);
        CollectionAssert.AreEqual(new[] { KeyCode.Digit2 }, rig.Taken);
    }

    [TestMethod]
    public void TheQueueIsBoundedAndDropsTheNewest()
    {
        var rig = new Rig();
        for (int n = 0; n < 12; n++)
        {
            rig.Matrix.Press(n);
            for (int t = 0; t < 60; t++)
            {
                rig.Clock.Advance(1);
                rig.Keypad.Scan();
            }

            rig.Matrix.Release(n);
            for (int t = 0; t < 60; t++)
            {
                rig.Clock.Advance(1);
                rig.Keypad.Scan();
            }
        }

        Assert.AreEqual(12 - MatrixKeypad.QueueCapacity, rig.Keypad.DroppedKeys);
        rig.Run(1);
        CollectionAssert.AreEqual(KeypadLayout.Standard[..MatrixKeypad.QueueCapacity], rig.Taken);
    }

    [TestMethod]
    public void AnIdleScanOnlyReadsTheColumns()
    {
        var rig = new Rig();
        long writes = rig.Matrix.PinWrites;
        long reads = rig.Matrix.PinReads;
        rig.Run(1_000);
        int scans = 1_000 / MatrixKeypad.ScanIntervalMs;
        Assert.AreEqual(writes, rig.Matrix.PinWrites, "no row writes while no key is down");
        Assert.AreEqual(reads + scans * 4, rig.Matrix.PinReads);
    }

    [TestMethod]
    public void ConstructionChecksTheLayoutAgainstThePins()
    {
        var rig = new Rig();
        Assert.ThrowsExactly<ArgumentException>(() => new MatrixKeypad(rig.Matrix.Rows, rig.Matrix.Columns, rig.Clock, new KeyCode[15]));
    }
}
