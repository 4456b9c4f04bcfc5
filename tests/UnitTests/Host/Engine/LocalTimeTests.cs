using PosFirmware.Common;
using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Input;
using PosFirmware.App.Slips;
using PosFirmware.Devices;
using PosFirmware.HostSimulator;
using PosFirmware.Virtual.Terminal;
using PosFirmware.Virtual.Time;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// Fields 12/13, slips, reports and the last-transaction screen are the terminal's local time
    /// (the profile's UTC offset), across local midnight; an unset wall clock is set by the sign-on
    /// answer, and while it is not set nothing pretends to a time.
    /// </summary>
    [TestClass]
    public sealed class LocalTimeTests
    {
        private static DateTime Utc(int year, int month, int day, int hour, int minute, int second)
        {
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        }

        /// <summary>The international profile (it sends 12/13) at a given offset.</summary>
        private static HostProfile International(int offsetMinutes)
        {
            HostProfile p = HostProfile.International();
            p.UtcOffsetMinutes = offsetMinutes;
            return p;
        }

        private static string TimeLine(string[] slip)
        {
            return slip.Single(l => l.StartsWith("时间 TIME:"));
        }

        private static IsoMessage LastFinancial(EngineRig rig)
        {
            return rig.Sent.Last(m => m.Mti == "0200");
        }

        [TestMethod]
        public void ASaleAt235930InChinaAnsweredAfterMidnightKeepsItsDay()
        {
            var rig = new EngineRig(International(8 * 60), new PosFirmware.Payments.Rules.TerminalParameters { HostResponseTimeoutMs = 60_000 }).Ready();
            rig.Utc = Utc(2026, 12, 31, 15, 59, 30);
            rig.HostSilent = true;
            rig.Sale("100", EngineRig.Contactless());
            IsoMessage request = LastFinancial(rig);
            Assert.AreEqual("235930", request.GetString(12), "field 12: China's time, not UTC 155930");
            Assert.AreEqual("1231", request.GetString(13));

            // The answer comes 40 s later (within the 60 s host timeout), on January 1 in China.
            rig.Utc = Utc(2026, 12, 31, 16, 0, 10);
            rig.Now += 40_000;
            byte[] unanswered = rig.TakeUnanswered();
            rig.HostSilent = false;
            rig.Deliver(rig.Host.Handle(unanswered, 0, unanswered.Length));
            rig.Run();
            Assert.AreEqual(0, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual("时间 TIME:12/31 23:59:30", TimeLine(rig.Prints[rig.Prints.Count - 2]), "the slip says when the sale was made");
            Assert.AreEqual("1231235930", rig.State.Last.When);
            Assert.AreEqual("1231", rig.State.BatchAt(0).Entry.LocalDate, "a void's or refund's 61.3 will say Dec 31");

            // After midnight the lookup shows the sale's time, and the totals report the new day.
            rig.Dismiss();
            rig.Keys("FFF2");
            Assert.AreEqual("Last 12/31 23:59", rig.Screen.English1);
            Assert.AreEqual("末笔 12/31 23:59", rig.Screen.Chinese1);
            rig.Key(KeyCode.Cancel);
            rig.Keys("FFF4");
            rig.Key(KeyCode.Enter);
            rig.Run();
            Assert.AreEqual("时间 TIME:01/01 00:00", TimeLine(rig.Prints.Last()));
        }

        [TestMethod]
        public void UtcFourThirtyPmOnNewYearsEveIsNewYearsDayInChina()
        {
            var rig = new EngineRig(International(8 * 60)).Ready();
            rig.Utc = Utc(2026, 12, 31, 16, 30, 0);
            rig.Sale("100", EngineRig.Contactless());
            IsoMessage request = LastFinancial(rig);
            Assert.AreEqual("0101", request.GetString(13));
            Assert.AreEqual("003000", request.GetString(12));
            Assert.AreEqual("时间 TIME:01/01 00:30:00", TimeLine(rig.Prints.Last()));
        }

        [TestMethod]
        public void TheUnionPayProfileIsChinaStandardTimeByDefault()
        {
            var rig = new EngineRig().Ready();
            Assert.AreEqual(480, rig.Setup.Profile.UtcOffsetMinutes);
            rig.Utc = Utc(2026, 12, 31, 16, 30, 0);
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(0, rig.Engine.LastOutcome, rig.Text());
            Assert.AreEqual("时间 TIME:01/01 00:30:00", TimeLine(rig.Prints.Last()));
            Assert.AreEqual("0101003000", rig.State.Last.When);
            rig.Dismiss();
            rig.Keys("FFF2");
            Assert.AreEqual("Last 01/01 00:30", rig.Screen.English1);
        }

        [TestMethod]
        public void ANegativeHalfHourOffsetIsStillTheDayBefore()
        {
            // Newfoundland, -03:30: 02:00 UTC on January 1 is 22:30 on December 31.
            var rig = new EngineRig(International(-(3 * 60 + 30))).Ready();
            rig.Utc = Utc(2027, 1, 1, 2, 0, 0);
            rig.Sale("100", EngineRig.Contactless());
            IsoMessage request = LastFinancial(rig);
            Assert.AreEqual("1231", request.GetString(13));
            Assert.AreEqual("223000", request.GetString(12));
            Assert.AreEqual("时间 TIME:12/31 22:30:00", TimeLine(rig.Prints.Last()));
        }

        [TestMethod]
        public void TheSignOnSetsAClockNotSetAcrossNewYear()
        {
            // The clock is not set; its reading (a saved time, a lower bound) is 23:50 on Dec 31 in
            // China. The host's 0810 says 0101 000010: that is next year's January 1.
            var rig = new EngineRig(International(8 * 60));
            rig.WallSet = false;
            rig.Utc = Utc(2026, 12, 31, 15, 50, 0);
            rig.Host.UtcClock = () => Utc(2026, 12, 31, 16, 0, 10);
            rig.Boot();
            rig.Run();
            StringAssert.Contains(rig.Text(), "> HostFrame\nset clock 2026-12-31 16:00:10\npersist Log event=4\n");
            Assert.IsTrue(rig.WallSet);

            rig.Sale("100", EngineRig.Contactless());
            Assert.AreEqual("0101", LastFinancial(rig).GetString(13));
            Assert.AreEqual("000010", LastFinancial(rig).GetString(12));
            Assert.AreEqual("时间 TIME:01/01 00:00:10", TimeLine(rig.Prints.Last()));
        }

        [TestMethod]
        public void ThroughTheRunLoopTheSignOnAnswerSetsTheWallClock()
        {
            var w = new World(TestHost.UnionPay(), SignOnKeys.Tmk, 20261231);
            w.Acquirer.UtcClock = () => Utc(2026, 12, 31, 16, 0, 10).AddMilliseconds(w.Clock.NowMs);
            var wall = new SimulatedWallClock(w.Clock, Utc(2026, 12, 31, 15, 50, 0));
            var t = new SimulatedTerminal(w.Clock, w.Network, SimulatedTerminal.SetupFor(w.Acquirer.Profile, "10020831", w.MasterKey, null), w.Random.Derive("t"), null, wall);
            w.Terminals.Add(t);
            Assert.IsTrue(t.PowerOn());
            w.RunFor(5_000);
            Assert.AreEqual(ScreenId.Idle, t.Ports.Screen!.Id);
            Assert.IsTrue(wall.IsSet, "the run loop carried out SetClock");
            TimeSpan behind = Utc(2026, 12, 31, 16, 0, 10).AddMilliseconds(w.Clock.NowMs) - wall.UtcNow;
            Assert.IsTrue(behind >= TimeSpan.Zero && behind < TimeSpan.FromSeconds(2), "the host's time, less the answer's way back: " + behind);

            t.Ports.Type("E6000E");
            t.Ports.Present(EngineRig.Contactless());
            w.RunFor(20_000);
            StringAssert.StartsWith(TimeLine(t.Ports.Slips.Last()), "时间 TIME:01/01 00:00:");
        }

        [TestMethod]
        public void TheSignOnSetsAClockAheadOfTheHostToLastYearsDecember31()
        {
            // The unset reading is already January 1 in China; the host still says 1231 235950.
            var rig = new EngineRig();
            rig.WallSet = false;
            rig.Utc = Utc(2026, 12, 31, 16, 5, 0);
            rig.Host.UtcClock = () => Utc(2026, 12, 31, 15, 59, 50);
            rig.Boot();
            rig.Run();
            StringAssert.Contains(rig.Text(), "set clock 2026-12-31 15:59:50\n");
        }

        [TestMethod]
        public void TheSignOnDoesNotMoveAClockThatIsSet()
        {
            var rig = new EngineRig();
            rig.Host.UtcClock = () => Utc(2027, 3, 1, 0, 0, 0);
            rig.Boot();
            rig.Run();
            Assert.IsFalse(rig.Text().Contains("set clock"), rig.Text());
        }

        [TestMethod]
        public void AHostDateLongAfterTheClocksLowerBoundIsThisYears_NotTheYearBefore()
        {
            // Lower bound March 1 (a time saved before seven months in a drawer); the host says
            // Nov 22 10:00: Nov 22 of the year before would be before the lower bound.
            DateTime local;
            Assert.IsTrue(LocalClock.TryHostTime("100000", "1122", new DateTime(2027, 3, 1, 8, 0, 0), out local));
            Assert.AreEqual(new DateTime(2027, 11, 22, 10, 0, 0), local);
        }

        [TestMethod]
        public void TheSignOnSetsTheRightYearFromAStaleSavedTime()
        {
            var rig = new EngineRig();
            rig.WallSet = false;
            rig.Utc = Utc(2027, 3, 1, 0, 0, 0);
            rig.Host.UtcClock = () => Utc(2027, 11, 22, 2, 0, 0);
            rig.Boot();
            rig.Run();
            StringAssert.Contains(rig.Text(), "set clock 2027-11-22 02:00:00", rig.Text());
        }

        [TestMethod]
        public void AnRtcBackAt1970_TheSignOnSetsTheClock_TheYearFromTheFirmwaresReleaseDate()
        {
            // The ESP32 after a power loss reads 1970-01-01: the release date is the lower bound.
            var rig = new EngineRig();
            rig.WallSet = false;
            rig.Utc = Utc(1970, 1, 1, 0, 0, 5);
            DateTime hostNow = FirmwareRelease.DateUtc.AddDays(40).AddHours(3);
            rig.Host.UtcClock = () => hostNow;
            rig.Boot();
            rig.Run();
            StringAssert.Contains(rig.Text(), "set clock " + hostNow.ToString("yyyy-MM-dd HH:mm:ss"), rig.Text());
            Assert.IsTrue(rig.WallSet);
        }

        [TestMethod]
        public void AHostsTimeIsReadInTheHostsZone_NotTheTerminals()
        {
            // A terminal installed at UTC-05:00 talking to an international host that keeps UTC:
            // the host's 15:00 is 15:00 UTC, not 15:00 at the terminal.
            HostProfile terminal = HostProfile.International();
            terminal.UtcOffsetMinutes = -5 * 60;
            var host = new PosFirmware.HostSimulator.Acquirer(HostProfile.International(), PosFirmware.UnitTests.Support.SignOnKeys.Tmk, 7);
            var rig = new EngineRig(terminal, null, null, host);
            rig.WallSet = false;
            rig.Utc = Utc(2027, 11, 22, 14, 0, 0);
            rig.Host.UtcClock = () => Utc(2027, 11, 22, 15, 0, 0);
            rig.Boot();
            rig.Run();
            StringAssert.Contains(rig.Text(), "set clock 2027-11-22 15:00:00", rig.Text());
        }

        [TestMethod]
        public void AClockNotSetIsSaidNotStampedAs0101()
        {
            // An RTC back at 1970 and a host whose sign-on answer carries no time: the clock stays
            // not set, and the request, the slip, the lookup and the report say so.
            var rig = new EngineRig(International(8 * 60));
            rig.WallSet = false;
            rig.Utc = Utc(1970, 1, 1, 0, 0, 5);
            rig.Host.SignOnCarriesTime = false;
            rig.Boot();
            rig.Run();
            Assert.IsTrue(rig.Engine.IsSignedOn);
            Assert.IsFalse(rig.Text().Contains("set clock"), rig.Text());

            rig.Sale("100", EngineRig.Contactless());
            Assert.AreEqual(0, rig.Engine.LastOutcome, rig.Text());
            IsoMessage request = LastFinancial(rig);
            Assert.IsFalse(request.Has(12), "no 000000 in field 12");
            Assert.IsFalse(request.Has(13), "no 0101 in field 13");
            Assert.AreEqual("时间 TIME:" + SlipBuilder.TimeNotSet, TimeLine(rig.Prints.Last()));
            Assert.IsNull(rig.State.Last.When);
            Assert.IsNull(rig.State.BatchAt(0).Entry.LocalDate);

            rig.Dismiss();
            rig.Keys("FFF2");
            Assert.AreEqual("Last: time unset", rig.Screen.English1);
            Assert.AreEqual("末笔 时间未设置", rig.Screen.Chinese1);
            rig.Key(KeyCode.Enter);
            rig.Run();
            Assert.AreEqual("时间 TIME:" + SlipBuilder.TimeNotSet, TimeLine(rig.Prints.Last()), "the reprint says it too");
            rig.Dismiss();
            rig.Keys("FFF4");
            rig.Key(KeyCode.Enter);
            rig.Run();
            Assert.AreEqual("时间 TIME:" + SlipBuilder.TimeNotSet, TimeLine(rig.Prints.Last()));
        }

        [TestMethod]
        public void AClockThatReadsBefore2010CountsAsNotSet()
        {
            var rig = new EngineRig().Ready();
            rig.Utc = Utc(2000, 1, 1, 0, 0, 0);
            rig.Sale("100", EngineRig.Contactless());
            Assert.AreEqual(1, rig.Engine.LastOutcome, "approved offline, under the floor limit");
            Assert.AreEqual("时间 TIME:" + SlipBuilder.TimeNotSet, TimeLine(rig.Prints.Last()));
        }
    }
}
