using System;
using System.Linq;
using nanoFramework.TestFramework;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Virtual
{
    [TestClass]
    public class TimeAndRandomTests
    {
        [TestMethod]
        public void ManualClockMovesOnlyForward()
        {
            var clock = new ManualClock(100);
            clock.Advance(50);
            Assert.AreEqual(150L, clock.NowMs);
            clock.AdvanceTo(150);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => clock.Advance(-1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => clock.AdvanceTo(149));
        }

        [TestMethod]
        public void WallClockIsUnsetUntilSetThenFollowsMonotonicTime()
        {
            var clock = new ManualClock();
            var wall = new SimulatedWallClock(clock);
            Assert.IsFalse(wall.IsSet);
            wall.Set(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));
            clock.Advance(90_500);
            Assert.IsTrue(wall.IsSet);
            Assert.AreEqual(new DateTime(2026, 11, 22, 10, 1, 30, 500, DateTimeKind.Utc), wall.UtcNow);
        }

        [TestMethod]
        public void SeededRandomIsTheSameEverywhere()
        {
            // SplitMix64 reference outputs for seed 0 (Vigna's splitmix64.c).
            var r = new SeededRandom(0);
            Assert.AreEqual(0xE220A8397B1DCDAFUL, r.NextUInt64());
            Assert.AreEqual(0x6E789E6AA1B965F4UL, r.NextUInt64());
            Assert.AreEqual(0x06C45D188009454FUL, r.NextUInt64());
        }

        [TestMethod]
        public void NextIntStaysInRangeAndCoversIt()
        {
            var r = new SeededRandom(9);
            var seen = new bool[7];
            for (int i = 0; i < 1000; i++)
            {
                int v = r.NextInt(7);
                Assert.IsTrue(v >= 0 && v < 7);
                seen[v] = true;
            }

            Assert.IsTrue(seen.All(s => s));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => r.NextInt(0));
        }

        [TestMethod]
        public void NextBytesFillsExactlyTheRange()
        {
            var r = new SeededRandom(3);
            var buf = new byte[20];
            r.NextBytes(buf, 5, 10);
            Assert.IsTrue(buf.Take(5).All(b => b == 0) && buf.Skip(15).All(b => b == 0));
            Assert.IsTrue(buf.Skip(5).Take(10).Any(b => b != 0));
        }

        [TestMethod]
        public void DerivedStreamsAreStableAndIndependent()
        {
            var a = new SeededRandom(77).Derive("network");
            var b = new SeededRandom(77).Derive("network");
            var c = new SeededRandom(77).Derive("flash");
            Assert.AreEqual(a.NextUInt64(), b.NextUInt64());
            Assert.AreNotEqual((object)a.NextUInt64(), (object)c.NextUInt64());
        }

        [TestMethod]
        public void ChanceHonoursItsBounds()
        {
            var r = new SeededRandom(1);
            Assert.IsFalse(Enumerable.Range(0, 100).Any(_ => r.Chance(0)));
            Assert.IsTrue(Enumerable.Range(0, 100).All(_ => r.Chance(1)));
            int hits = Enumerable.Range(0, 10_000).Count(_ => r.Chance(0.25));
            Assert.IsTrue(hits > 2300 && hits < 2700, hits.ToString());
        }
    }
}
