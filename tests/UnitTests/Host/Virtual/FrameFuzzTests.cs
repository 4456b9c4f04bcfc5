using System;
using nanoFramework.TestFramework;
using PosFirmware.Messaging.HostLink;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Virtual.Random;

namespace PosFirmware.UnitTests.Virtual
{
    /// <summary>
    /// Seeded fuzzing of what a host can send: random and mutated frames through the frame reader
    /// (random chunking) and both packagers. Whatever the bytes: a status, no exception, no hang.
    /// A failure prints the seed and the frame.
    /// </summary>
    [TestClass]
    public class FrameFuzzTests
    {
        private const long Seed = 8583_2026;
        private const int Frames = 100_000;

        private static readonly byte[] SignOnFrame = Convert.FromHexString(PosFirmware.UnitTests.Support.Samples.SignOnFrame);

        [TestMethod]
        public void NoFrameMakesTheReaderOrThePackagersThrow()
        {
            var random = new SeededRandom(Seed);
            var profile = FramingProfile.UnionPay(Convert.FromHexString("6006010000"), Convert.FromHexString("603200324017"));
            var reader = new FrameReader(profile);
            var message = new IsoMessage();
            int ready = 0, garbled = 0, unpackedOk = 0;
            for (int n = 0; n < Frames; n++)
            {
                byte[] frame = n % 3 == 0 ? RandomBytes(random) : Mutate(random);
                try
                {
                    reader.Reset();
                    int p = 0, rounds = 0;
                    while (p < frame.Length && reader.Status == FrameStatus.NeedMore)
                    {
                        Assert.IsTrue(++rounds <= frame.Length, "the reader stopped consuming");
                        int chunk = 1 + random.NextInt(16);
                        p += reader.Feed(frame, p, Math.Min(chunk, frame.Length - p));
                    }

                    if (reader.Status == FrameStatus.Ready)
                    {
                        ready++;
                        if (UnionPayPackager.Instance.Unpack(reader.Body, reader.MessageOffset, reader.MessageLength, message, out _) == IsoStatus.Ok)
                        {
                            unpackedOk++;
                        }
                    }
                    else if (reader.Status != FrameStatus.NeedMore)
                    {
                        garbled++;
                    }

                    AsciiPackager.Instance.Unpack(frame, 0, frame.Length, message, out _);
                    UnionPayPackager.Instance.Unpack(frame, 0, frame.Length, message, out _);
                }
                catch (Exception e) when (e is not Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException)
                {
                    throw new Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException(
                        $"seed {Seed} frame {n} {Convert.ToHexString(frame)}: {e.GetType().Name} {e.Message}");
                }
            }

            OutputHelper.WriteLine($"frames: {Frames}, ready: {ready}, unpacked: {unpackedOk}, garbled: {garbled}");
            Assert.IsTrue(ready > 0 && unpackedOk > 0 && garbled > 0, "the fuzzer must reach every outcome");
        }

        private static byte[] RandomBytes(SeededRandom random)
        {
            var b = new byte[random.NextInt(96)];
            random.NextBytes(b, 0, b.Length);
            return b;
        }

        private static byte[] Mutate(SeededRandom random)
        {
            var b = (byte[])SignOnFrame.Clone();
            int edits = random.NextInt(4);
            for (int i = 0; i < edits; i++)
            {
                // Leave the length alone half the time so mutations reach the packager.
                int at = random.Chance(0.5) ? 2 + random.NextInt(b.Length - 2) : random.NextInt(b.Length);
                b[at] = (byte)random.NextInt(256);
            }

            return random.Chance(0.2) ? b.AsSpan(0, random.NextInt(b.Length + 1)).ToArray() : b;
        }
    }
}
