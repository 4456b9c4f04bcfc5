using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.Virtual.Snapshots;

namespace PosFirmware.UnitTests.Host.Architecture;

/// <summary>
/// The layer rule (firmware/Core/README.md "Layers") holds for every firmware source, and the check
/// itself fails where a source breaks it, naming the file, the line and the import.
/// </summary>
[TestClass]
public class LayerRuleTests
{
    [TestMethod]
    public void EveryFirmwareSourceImportsOnlyWhatItsLayerMay()
    {
        string core = Path.Combine(RepoPaths.Root(), "firmware", "Core");
        var sources = Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(core, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        Assert.IsTrue(sources.Count > 100, $"only {sources.Count} sources under {core}");
        Assert.IsTrue(sources.Any(s => s.Item1.StartsWith("Devices/")), "the contracts layer is read");

        List<string> violations = LayerRule.Violations(sources);
        Assert.AreEqual(0, violations.Count, "layer rule broken:\n" + string.Join("\n", violations));
    }

    [TestMethod]
    public void AUsingLineAgainstTheRuleIsNamedWithItsFileAndLine()
    {
        var v = LayerRule.Violations(new[]
        {
            ("Drivers/Cards/Bad.cs", "using PosFirmware.Devices;\nusing PosFirmware.App.Engine;\n\nnamespace PosFirmware.Drivers.Cards\n{\n}\n"),
        });
        CollectionAssert.AreEqual(new[] { "Drivers/Cards/Bad.cs:2: Drivers may not use PosFirmware.App.Engine (PosFirmware.App.Engine)" }, v);
    }

    [TestMethod]
    public void AFullyQualifiedOrNamespaceQualifiedNameInCodeCounts()
    {
        const string text = "namespace PosFirmware.Drivers.Printer\n{\n  class A\n  {\n"
            + "    int a = PosFirmware.Payments.Outcomes.OutcomeCodes.PrinterJammed;\n"
            + "    Messaging.Host.TransactionType t;\n"
            + "  }\n}\n";
        var v = LayerRule.Violations(new[] { ("Drivers/Printer/Bad.cs", text) });
        CollectionAssert.AreEqual(new[]
        {
            "Drivers/Printer/Bad.cs:5: Drivers may not use PosFirmware.Payments.Outcomes (PosFirmware.Payments.Outcomes)",
            "Drivers/Printer/Bad.cs:6: Drivers may not use PosFirmware.Messaging.Host (Messaging.Host)",
        }, v);
    }

    [TestMethod]
    public void SecurityUsesOnlyCommonAndHal()
    {
        var v = LayerRule.Violations(new[]
        {
            ("Security/Ok.cs", "using PosFirmware.Common;\nusing PosFirmware.Hal;\n"),
            ("Security/Bad.cs", "using PosFirmware.Messaging.Iso8583;\n"),
            ("Security/AlsoBad.cs", "using PosFirmware.Drivers.Display;\n"),
        });
        Assert.AreEqual(2, v.Count, string.Join("\n", v));
        StringAssert.StartsWith(v[0], "Security/Bad.cs:1: Security may not use PosFirmware.Messaging.Iso8583");
        StringAssert.StartsWith(v[1], "Security/AlsoBad.cs:1: Security may not use PosFirmware.Drivers.Display");
    }

    [TestMethod]
    public void OnlyTheContactlessReaderMayUseTheEmvTlvCode()
    {
        var v = LayerRule.Violations(new[]
        {
            ("Drivers/Contactless/EmvReadFlow.cs", "using PosFirmware.Messaging.Emv;\n"),
            ("Drivers/Contactless/Reader.cs", "using PosFirmware.Messaging.Host;\n"),
            ("Drivers/Cards/Cards.cs", "using PosFirmware.Messaging.Emv;\n"),
        });
        CollectionAssert.AreEqual(new[]
        {
            "Drivers/Contactless/Reader.cs:1: Drivers may not use PosFirmware.Messaging.Host (PosFirmware.Messaging.Host)",
            "Drivers/Cards/Cards.cs:1: Drivers may not use PosFirmware.Messaging.Emv (PosFirmware.Messaging.Emv)",
        }, v);
    }

    [TestMethod]
    public void ImportsPointDownOnlyAndTheAppReachesThePartsThroughDevices()
    {
        var v = LayerRule.Violations(new[]
        {
            ("Devices/Up.cs", "using PosFirmware.App.Engine;\n"),
            ("Messaging/Host/Up.cs", "using PosFirmware.Payments.State;\n"),
            ("Payments/State/Up.cs", "using PosFirmware.Devices;\n"),
            ("App/Run/Wiring.cs", "using PosFirmware.Drivers.Printer;\n"),
            ("App/Run/Fine.cs", "using PosFirmware.Devices;\nusing PosFirmware.Payments.Outcomes;\nusing PosFirmware.Messaging.Host;\n"),
        });
        CollectionAssert.AreEqual(new[] { "Devices/Up.cs", "Messaging/Host/Up.cs", "Payments/State/Up.cs", "App/Run/Wiring.cs" },
            v.Select(s => s.Substring(0, s.IndexOf(':'))).ToList(), string.Join("\n", v));
    }

    [TestMethod]
    public void CommentsAndStringsAreNotCode()
    {
        const string text = "// using PosFirmware.App.Engine;\n/* PosFirmware.Payments.Outcomes\n Messaging.Host */\n"
            + "string s = \"PosFirmware.App.Ports\"; char c = '\"'; string t = @\"a \"\" App.Engine\";\n"
            + "/// <summary>App.Engine maps it.</summary>\n";
        Assert.AreEqual(0, LayerRule.Violations(new[] { ("Drivers/Keypad/Doc.cs", text) }).Count);
    }

    [TestMethod]
    public void ASourceOutsideTheLayersIsNamed()
    {
        var v = LayerRule.Violations(new[] { ("Tools/Stray.cs", ""), ("Stray.cs", "") });
        Assert.AreEqual(2, v.Count);
        StringAssert.StartsWith(v[0], "Tools/Stray.cs:1: in no layer");
        StringAssert.StartsWith(v[1], "Stray.cs:1: in no layer");
    }
}
