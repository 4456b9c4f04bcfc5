using System;
using System.Net;
using System.Threading;
using PosFirmware.Messaging.Host;

namespace PosFirmware.HostSimulator
{
    /// <summary>
    /// dotnet run --project tools/HostSimulator -- [--port N] [--profile unionpay|international] [--seed N] [--tmk HEX] [--terminal TID|FIRST-LAST ...] [--fault name=P ...]
    /// Serves until Ctrl+C; prints every message (PANs masked) when --verbose. Only the terminals
    /// named with --terminal get keys at sign-on (others 97); without any, the default 10020831.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            int port = 5000;
            string profileName = "unionpay";
            int seed = 1;
            string tmk = "11111111111111112222222222222222";
            bool verbose = false;
            var faults = new HostFaults(1);
            string accounts = null;
            long limit = long.MaxValue;
            var terminals = new System.Collections.Generic.List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                string value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--port" when value != null && int.TryParse(value, out port):
                    case "--profile" when value != null && (profileName = value.ToLowerInvariant()) != null:
                    case "--seed" when value != null && int.TryParse(value, out seed):
                    case "--tmk" when value != null && (tmk = value) != null:
                        i++;
                        break;
                    case "--accounts" when value != null && (accounts = value) != null:
                    case "--amount-limit" when value != null && long.TryParse(value, out limit):
                        i++;
                        break;
                    case "--terminal" when value != null && AddTerminals(value, terminals):
                        i++;
                        break;
                    case "--verbose":
                        verbose = true;
                        break;
                    case "--fault" when value != null && value.Contains('=') && faults.Set(value.Split('=')[0], double.Parse(value.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture)):
                        i++;
                        break;
                    default:
                        Console.Error.WriteLine("usage: HostSimulator [--port N] [--profile unionpay|international] [--seed N] [--tmk HEX] [--terminal TID|FIRST-LAST ...] [--verbose] [--fault no-answer|late|duplicate|garbled|bad-mac|reset|refuse=P ...] [--accounts FILE.json] [--amount-limit MINOR]");
                        return 2;
                }
            }

            HostProfile profile = profileName == "international"
                ? HostProfile.International()
                : HostProfile.UnionPay(Convert.FromHexString("6006010000"), Convert.FromHexString("603200324017"));
            var acquirer = new Acquirer(profile, Convert.FromHexString(tmk), seed, terminals.Count == 0 ? null : terminals);
            if (verbose)
            {
                acquirer.OnLog = Console.WriteLine;
            }

            acquirer.AmountLimitMinor = limit;
            if (accounts != null)
            {
                Console.WriteLine("host simulator: " + acquirer.LoadAccounts(System.IO.File.ReadAllText(accounts)) + " accounts from " + accounts);
            }

            using var host = new TcpHost(acquirer, IPAddress.Loopback, port, faults);
            host.Start();
            string known = terminals.Count == 0 ? Acquirer.DefaultTerminalId : terminals.Count == 1 ? terminals[0] : terminals.Count + " terminals";
            Console.WriteLine("host simulator: " + profile.Name + " for " + known + " on 127.0.0.1:" + host.Port + " (Ctrl+C to stop)");
            using var done = new ManualResetEventSlim();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                done.Set();
            };
            done.Wait();
            Console.WriteLine("host simulator: " + host.Answered + " answers to " + host.Connections + " connections");
            return 0;
        }
    
        /// <summary>Adds one terminal id (8 characters, field 41) or a range of numeric ones "FIRST-LAST" (at most 100 000).</summary>
        private static bool AddTerminals(string value, System.Collections.Generic.List<string> terminals)
        {
            string[] parts = value.Split('-');
            if (parts.Length == 1)
            {
                if (value.Length != 8)
                {
                    return false;
                }

                terminals.Add(value);
                return true;
            }

            if (parts.Length != 2 || parts[0].Length != 8 || parts[1].Length != 8 || !int.TryParse(parts[0], out int first)
                || !int.TryParse(parts[1], out int last) || last < first || last - first >= 100_000)
            {
                return false;
            }

            for (int tid = first; tid <= last; tid++)
            {
                terminals.Add(tid.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
            }

            return true;
        }
    }
}
