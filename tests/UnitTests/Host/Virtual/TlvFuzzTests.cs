using System;
using nanoFramework.TestFramework;
using PosFirmware.Messaging.Emv;
using PosFirmware.Virtual.Random;

namespace PosFirmware.UnitTests.Virtual
{
    /// <summary>
    /// Seeded fuzzing of the TLV and DOL code with random and mutated buffers: whatever the bytes,
    /// a status comes back and no exception escapes. A failure prints the seed and the input.
    /// </summary>
    [TestClass]
    public class TlvFuzzTests
    {
        private const long Seed = 55;
        private const int Inputs = 100_000;

        private static readonly byte[] Valid = Convert.FromHexString(
            "6F2C840E325041592E5359532E4444463031A51ABF0C1761154F08A000000333010102500A50424F432044454249549F26089F3704");

        [TestMethod]
        public void NoInputMakesTheParsersThrow()
        {
            var random = new SeededRandom(Seed);
            var store = new TagStore(32, 256);
            store.Set(0x9F02, new byte[6], 0, 6);
            var output = new byte[256];
            var statuses = new int[16];
            for (int n = 0; n < Inputs; n++)
            {
                byte[] input = n % 2 == 0 ? Mutate(random) : Random(random);
                try
                {
                    statuses[(int)Tlv.Validate(input, 0, input.Length)]++;
                    Tlv.Find(input, 0, input.Length, 0x9F26, out _, out _);
                    Dol.Build(input, 0, input.Length, store, output, 0, out _);
                }
                catch (Exception e)
                {
                    throw new Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException(
                        $"seed {Seed} input {n} {Convert.ToHexString(input)}: {e.GetType().Name} {e.Message}");
                }
            }

            // The fuzzer reaches the interesting statuses, so it is not only feeding garbage.
            Assert.IsTrue(statuses[(int)TlvStatus.Ok] > 0, "no input was valid");
            Assert.IsTrue(statuses[(int)TlvStatus.LengthPastEnd] > 0);
            Assert.IsTrue(statuses[(int)TlvStatus.Truncated] > 0);
        }

        private static byte[] Random(SeededRandom random)
        {
            var b = new byte[random.NextInt(64)];
            random.NextBytes(b, 0, b.Length);
            return b;
        }

        private static byte[] Mutate(SeededRandom random)
        {
            var b = (byte[])Valid.Clone();
            int edits = 1 + random.NextInt(4);
            for (int i = 0; i < edits; i++)
            {
                b[random.NextInt(b.Length)] = (byte)random.NextInt(256);
            }

            int cut = random.NextInt(b.Length + 1);
            return b.AsSpan(0, cut).ToArray();
        }
    }
}
